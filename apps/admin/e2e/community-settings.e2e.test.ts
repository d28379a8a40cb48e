import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Community } from '@tally/domain/communities';
import type { Resident } from '@tally/domain/residents';
import { seriousAccessibilityViolations } from '@tally/e2e/axe';
import { LATIN_ALLOWED_IN_CHINESE, typedTexts, wordsNotInLanguage } from '@tally/e2e/language';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiToken, callApi, LAPTOP, screenshot, signedInSession, switchLanguage } from './helpers';
import { expectPaper, ID1_CARD, pdfPages } from './pdf';

const output = fileURLToPath(new URL('../e2e-output/', import.meta.url));
mkdirSync(output, { recursive: true });

const renamed = { zh: '青桐里社区', en: 'Qingtong Lane Community' };

// The office names its community in both languages; the member card prints that name in the
// reader's language, on a page of the card's own size.
describe('the community’s own name, from the settings page to the member card', () => {
  const session = signedInSession('office', { path: '/community', axe: true });
  const dialog = () => session.page.getByRole('dialog');
  let token: string;
  let resident: Resident;
  /** What people are called (the resident on the card, the staff member signed in). */
  let names: string[] = [];

  beforeAll(async () => {
    token = await apiToken(session.service.url, 'office');
    const residents = await callApi(session.service.url, 'residents.list', {
      token,
      input: { limit: 1 },
    });
    const [first] = (residents.result?.data as { items: Resident[] } | undefined)?.items ?? [];
    if (!first) throw new Error('The demo community has no residents.');
    // As the card shows them: the name the resident goes by, their card number.
    const card = await callApi(session.service.url, 'residents.get', {
      token,
      input: { id: first.id },
    });
    resident = card.result?.data as Resident;
    const staff = await callApi(session.service.url, 'staff.list', { token });
    names = [...typedTexts(resident), ...typedTexts(staff.result?.data)];
  });

  const open = (path: string) => session.page.goto(`${session.service.url}/admin${path}`);

  async function community(): Promise<Community> {
    const answer = await callApi(session.service.url, 'community.get', { token });
    return answer.result?.data as Community;
  }

  /** No word of the other language, names (written as they were) aside. */
  async function expectInLanguage(language: 'zh' | 'en', typed: string[] = []) {
    const foreign = await wordsNotInLanguage(session.page, language, {
      allow: LATIN_ALLOWED_IN_CHINESE,
      typed: [...typed, ...names],
    });
    expect(foreign).toEqual([]);
  }

  it('renames the community as the office, in both languages', async () => {
    const page = session.page;
    await page.getByRole('heading', { name: 'Community', level: 1 }).waitFor();
    expect(await page.getByTestId('community-name-zh').textContent()).toBe('青桐社区');
    expect(await page.getByTestId('community-name-en').textContent()).toBe('Q Community');
    await page.getByText('China Standard Time').waitFor();
    await screenshot(page, 'community.en');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Rename' }).click();
    await dialog().getByLabel('Name (Chinese)').fill('');
    await dialog().getByLabel('Name (English)').fill('');
    await dialog().getByRole('button', { name: 'Save' }).click();
    await dialog().getByText('Fill this in.').waitFor();
    await dialog().getByLabel('Name (Chinese)').fill(renamed.zh);
    await dialog().getByLabel('Name (English)').fill(renamed.en);
    await screenshot(page, 'community-rename.en', { fullPage: false });
    await dialog().getByRole('button', { name: 'Save' }).click();
    const toast = page.getByText(`The community is now called ${renamed.en}.`);
    await toast.waitFor();
    await expect.poll(() => page.getByTestId('community-name-en').textContent()).toBe(renamed.en);
    expect(await page.getByTestId('community-name-zh').textContent()).toBe(renamed.zh);
    expect((await community()).name).toEqual(renamed);

    const audit = await callApi(session.service.url, 'audit.list', {
      token,
      input: { action: 'community.update', limit: 5 },
    });
    expect((audit.result?.data as { items: unknown[] } | undefined)?.items).toEqual([
      expect.objectContaining({
        details: { before: { zh: '青桐社区', en: 'Q Community' }, after: renamed },
      }),
    ]);

    // The toast said it in English; it is gone before the page is read in Chinese.
    await toast.waitFor({ state: 'detached' });
    await switchLanguage(page, 'zh');
    await page.getByRole('heading', { name: '社区', level: 1 }).waitFor();
    await page.getByText('中国标准时间').waitFor();
    await screenshot(page, 'community.zh');
    await expectInLanguage('zh');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: '更改名称' }).click();
    await dialog().getByLabel('名称（中文）').waitFor();
    await screenshot(page, 'community-rename.zh', { fullPage: false });
    await expectInLanguage('zh');
    await dialog().getByRole('button', { name: '取消' }).click();
  });

  it('prints the new name on the member card, in the reader’s language', async () => {
    const page = session.page;
    await open(`/residents/${resident.id}/card`);
    const card = page.getByRole('article', { name: '会员卡' });
    await expect
      .poll(() => card.getByTestId('member-card-title').textContent())
      .toBe(`${renamed.zh} · 时间银行`);
    await screenshot(page, 'member-card-named.zh');
    await expectInLanguage('zh');

    await switchLanguage(page, 'en');
    const english = page.getByRole('article', { name: 'Member card' });
    await expect
      .poll(() => english.getByTestId('member-card-title').textContent())
      .toBe(`${renamed.en} · Time bank`);
    await screenshot(page, 'member-card-named.en');
    await expectInLanguage('en');
  });

  it('prints the member card alone on one card-sized page', async () => {
    const page = session.page;
    await page.emulateMedia({ media: 'print' });
    // In print only the card is left: no menu, no top bar, no page header or print button.
    expect(await page.locator('#sidebar').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Print' }).isVisible()).toBe(false);
    // What the printed card looks like: a window of the card's size (96 dpi), in print media.
    await page.setViewportSize({ width: 324, height: 204 });
    await screenshot(page, 'member-card-print.en', { fullPage: false });
    await page.setViewportSize(LAPTOP);
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    writeFileSync(`${output}member-card.en.pdf`, pdf);
    const pages = pdfPages(pdf);
    expect(pages).toHaveLength(1);
    expectPaper(pages[0], ID1_CARD);
    await page.emulateMedia({ media: 'screen' });
  });

  it('renames an organization from its page, and keeps names unique', async () => {
    const page = session.page;
    await open('/organizations');
    await page.getByRole('heading', { name: 'Organizations', level: 1 }).waitFor();
    const links = page.locator('tbody a[href*="/organizations/"] strong');
    // The heading comes before the list has loaded: wait for the demo's second organization.
    await links.nth(1).waitFor();
    const [first, second] = await links.allTextContents();
    if (!first || !second) throw new Error('The demo community has fewer than two organizations.');
    await links.first().click();
    await page.getByRole('heading', { name: first, level: 1 }).waitFor();

    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    const english = dialog().getByLabel('Name (English)');
    expect(await english.inputValue()).toBe(first);
    // Another organization's name is refused, and the dialog stays open to change it.
    await english.fill(second);
    await dialog().getByRole('button', { name: 'Save' }).click();
    await dialog().getByRole('alert').waitFor();
    await dialog().getByLabel('Name (Chinese)').fill('银龄志愿服务队');
    await english.fill('Silver Volunteers');
    await screenshot(page, 'organization-edit.en', { fullPage: false });
    await dialog().getByRole('button', { name: 'Save' }).click();
    const toast = page.getByText('Organization “Silver Volunteers” saved.');
    await toast.waitFor();
    await page.getByRole('heading', { name: 'Silver Volunteers', level: 1 }).waitFor();
    await screenshot(page, 'organization-renamed.en');
    await toast.waitFor({ state: 'detached' });

    await switchLanguage(page, 'zh');
    await page.getByRole('heading', { name: '银龄志愿服务队', level: 1 }).waitFor();
    await page.getByRole('button', { name: '编辑', exact: true }).click();
    await dialog().getByLabel('名称（中文）').waitFor();
    await screenshot(page, 'organization-edit.zh', { fullPage: false });
    await expectInLanguage('zh', ['Silver Volunteers']);
    await dialog().getByRole('button', { name: '取消' }).click();
    await switchLanguage(page, 'en');
  });

  it('retitles an open goal in both languages', async () => {
    const page = session.page;
    await open('/goals');
    const benches = page.getByRole('article').filter({ hasText: 'Benches for the courtyard' });
    await benches.getByRole('button', { name: 'Edit', exact: true }).click();
    expect(await dialog().getByLabel('Title (Chinese)').inputValue()).toBe('庭院长椅');
    await dialog().getByLabel('Title (Chinese)').fill('梧桐树下的长椅');
    await dialog().getByLabel('Title (English)').fill('Benches under the plane trees');
    await dialog().getByRole('button', { name: 'Save' }).click();
    const toast = page.getByText('Goal “Benches under the plane trees” saved.');
    await toast.waitFor();
    await page.getByRole('heading', { name: 'Benches under the plane trees' }).waitFor();
    await screenshot(page, 'goal-retitled.en');
    await toast.waitFor({ state: 'detached' });
    await switchLanguage(page, 'zh');
    await page.getByRole('heading', { name: '梧桐树下的长椅' }).waitFor();
    await switchLanguage(page, 'en');
    expect(session.errors).toEqual([]);
  });
});
