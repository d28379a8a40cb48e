import type { Resident } from '@tally/domain/residents';
import { seriousAccessibilityViolations } from '@tally/e2e/axe';
import { LATIN_ALLOWED_IN_CHINESE, typedTexts, wordsNotInLanguage } from '@tally/e2e/language';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  apiToken,
  callApi,
  demoCommunityId,
  screenshot,
  signedInSession,
  switchLanguage,
} from './helpers';

const CARD = 'Q0031';
const proxy = { name: '王小明', phone: '13800138000', pin: '4826' };
const reason = 'Cannot come to the office; her son helps';

// The office's side of the residents' phone app: it links a family member to act for a
// resident who cannot do it at the kiosk, ends a phone session, removes the link, and the
// audit log says so in words, in both languages.
describe('the phone app, as the office manages it for a resident', () => {
  const session = signedInSession('office', { axe: true });
  const dialog = () => session.page.getByRole('dialog');
  let resident: Resident;
  /** What people typed or are called, shown as written in either language. */
  let typed: string[] = [];

  beforeAll(async () => {
    const token = await apiToken(session.service.url, 'office');
    const found = await callApi(session.service.url, 'residents.list', {
      token,
      input: { query: CARD, limit: 5 },
    });
    const items = (found.result?.data as { items: Resident[] } | undefined)?.items ?? [];
    const match = items.find((item) => item.cardNumber === CARD);
    if (!match) throw new Error(`The demo has no card ${CARD}.`);
    resident = match;
    // The resident signs in on their phone, so the office has a session to end.
    const phone = await callApi(session.service.url, 'me.signIn', {
      method: 'POST',
      input: {
        cardNumber: CARD,
        pin: '1234',
        remember: true,
        communityId: await demoCommunityId(session.service.url),
      },
    });
    if (!phone.result) throw new Error(`me.signIn refused: ${JSON.stringify(phone.error)}`);
    const sessions = await callApi(session.service.url, 'residents.phoneSessions', {
      token,
      input: { residentId: resident.id },
    });
    const staff = await callApi(session.service.url, 'staff.list', { token });
    // The resident's entries below name the activities served, and the log the demo's topics,
    // as people wrote them.
    const served = await Promise.all(
      ['service.list', 'activities.list', 'residents.list', 'topics.list'].map((path) =>
        callApi(session.service.url, path, { token, input: { limit: 200 } }),
      ),
    );
    const kiosks = await callApi(session.service.url, 'kiosks.list', { token });
    // The notes the office typed (a time-bank grant's, a care-list entry's, a move's) stand in
    // the log as written.
    const officeNotes = await Promise.all(
      ['timebank.grant', 'timebank.addToCareList', 'moves.propose'].map((action) =>
        callApi(session.service.url, 'audit.list', { token, input: { action, limit: 50 } }),
      ),
    );
    typed = [
      ...officeNotes.flatMap((answer) => typedTexts(answer.result?.data)),
      ...served.flatMap((answer) => typedTexts(answer.result?.data)),
      ...typedTexts(resident),
      ...typedTexts(staff.result?.data),
      ...typedTexts(kiosks.result?.data),
      ...((sessions.result?.data as { device: string }[]) ?? []).map((entry) => entry.device),
      proxy.name,
      reason,
    ];
  });

  const section = () => session.page.getByRole('region', { name: /Phone app|手机应用/ });

  async function expectFinished(name: string, language: 'zh' | 'en') {
    await screenshot(session.page, `${name}.${language}`);
    expect(await seriousAccessibilityViolations(session.page), name).toEqual([]);
    const foreign = await wordsNotInLanguage(session.page, language, {
      allow: LATIN_ALLOWED_IN_CHINESE,
      typed,
    });
    expect(foreign, `${name}: words not in ${language}`).toEqual([]);
  }

  it('links a family member with a reason and lists them, with the resident’s phone session', async () => {
    await session.page.goto(`${session.service.url}/admin/residents/${resident.id}`);
    await section().getByText('Nobody acts for this resident.').waitFor();
    await section().getByRole('button', { name: 'Link a proxy' }).click();
    // Nothing sent until every field is right: the reason is required, the PINs must agree.
    await dialog().getByLabel('Family member’s name').fill(proxy.name);
    await dialog().getByLabel('Their phone number').fill(proxy.phone);
    await dialog().getByLabel('Their own PIN').fill(proxy.pin);
    await dialog().getByLabel('Their PIN again').fill('4827');
    await dialog().getByRole('button', { name: 'Link a proxy' }).click();
    await dialog().getByText('The two PINs are not the same.').waitFor();
    await dialog().getByText('Say why, in 2 to 200 characters.').waitFor();
    await screenshot(session.page, 'phone-app-link-errors.en');
    await dialog().getByLabel('Their PIN again').fill(proxy.pin);
    await dialog().getByLabel('Reason').fill(reason);
    await dialog().getByRole('button', { name: 'Link a proxy' }).click();
    const linked = session.page.getByText(`${proxy.name} may now act for the resident.`);
    await linked.waitFor();

    const proxies = section().getByRole('table', { name: 'Who may act for this resident' });
    const row = proxies.locator('tbody tr', { hasText: proxy.name });
    await row.getByText('Family member', { exact: true }).waitFor();
    await row.getByText('138****8000').waitFor();
    await row.getByText(reason).waitFor();
    await row.getByText(/^The office/).waitFor();
    const phones = section().getByRole('table', { name: 'Signed-in phones' });
    await phones.getByText('Remembered for 30 days').waitFor();
    await expectFinished('phone-app-section', 'en');
    // The note of what was done stays in the language it was said in, until it goes.
    await linked.waitFor({ state: 'detached' });
    await switchLanguage(session.page, 'zh');
    await section().getByRole('heading', { name: '可代办此居民的人' }).waitFor();
    await section()
      .getByRole('table', { name: '可代办此居民的人' })
      .locator('tbody tr', { hasText: proxy.name })
      .getByText('家属', { exact: true })
      .waitFor();
    await expectFinished('phone-app-section', 'zh');
  });

  it('ends the resident’s phone session, then removes the link after a confirm', async () => {
    const phones = section().getByRole('table', { name: '已登录的手机' });
    await phones.getByRole('button', { name: '结束登录' }).click();
    await section().getByText('没有已登录的手机。').waitFor();

    const proxies = section().getByRole('table', { name: '可代办此居民的人' });
    await proxies.getByRole('button', { name: '解除' }).click();
    await dialog()
      .getByText(/将不再代办/)
      .waitFor();
    await screenshot(session.page, 'phone-app-remove.zh');
    await dialog().getByRole('button', { name: '解除' }).click();
    await section().getByText('暂无代办人。').waitFor();
  });

  it('shows each of these in the audit log in words, in Chinese and in English', async () => {
    await session.page.goto(`${session.service.url}/admin/audit`);
    const table = session.page.getByRole('table');
    // The demo's own link (a daughter for the eldest resident) is in the log too: newest first.
    await table.getByText('为居民添加代办人').first().waitFor();
    await table.getByText('为居民解除代办人').first().waitFor();
    await table.getByText('结束居民的手机登录').first().waitFor();
    await table.getByText('在手机上登录').first().waitFor();
    await table.getByText(`代办人：${proxy.name}`).first().waitFor();
    await expectFinished('phone-app-audit', 'zh');
    await switchLanguage(session.page, 'en');
    await table.getByText('Linked a proxy for a resident').first().waitFor();
    await table.getByText('Ended a proxy link for a resident').first().waitFor();
    await table.getByText('Ended a resident’s phone session').first().waitFor();
    await table.getByText('Signed in on the phone').first().waitFor();
    await expectFinished('phone-app-audit', 'en');
  });

  it('ran without a script error', () => {
    expect(session.errors).toEqual([]);
  });
});
