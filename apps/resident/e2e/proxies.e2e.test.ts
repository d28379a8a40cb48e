import { type RunningService, SERVICE_START_MS, startService } from '@tally/e2e/service';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkScreen,
  chooseDemoCommunity,
  newPhonePage,
  openPhoneBrowser,
  openSignedIn,
  staffApi,
  text,
} from './helpers';

const FAMILY = { name: '王小明', phone: '13800138000', pin: '4071' };

// A resident lets a neighbour act for them (card number, confirmed with their own PIN); the
// neighbour then acts for them from their own phone, under a plain banner, and never sees the
// PIN form; the resident removes the link again. A daughter the office registered signs in by
// phone, picks which of her two neighbours to act for, and what she does shows as hers.
describe('proxies on the phone', () => {
  let service: RunningService;
  let browser: BrowserContext;
  const names = new Map<string, string>();
  const ids = new Map<string, string>();
  const errors: string[] = [];

  beforeAll(async () => {
    service = await startService();
    const office = await staffApi(service.url);
    for (const card of ['Q0010', 'Q0011', 'Q0020', 'Q0021']) {
      const { items } = await office.query<{
        items: { id: string; cardNumber: string; displayName: string }[];
      }>('residents.list', { query: card, limit: 5 });
      const found = items.find((resident) => resident.cardNumber === card);
      if (!found) throw new Error(`the demo has no card ${card}`);
      names.set(card, found.displayName);
      ids.set(card, found.id);
    }
    // The office registers a daughter who helps two elderly neighbours from her own phone.
    for (const card of ['Q0020', 'Q0021']) {
      await office.mutate('residents.addProxy', {
        idempotencyKey: crypto.randomUUID(),
        residentId: ids.get(card),
        reason: '行动不便，由女儿代办',
        proxy: { family: FAMILY },
      });
    }
    browser = await openPhoneBrowser();
  }, SERVICE_START_MS);

  afterAll(async () => {
    await browser?.close();
    await service?.stop();
  });

  async function freshPage(): Promise<Page> {
    const page = await newPhonePage(browser, errors);
    await page.goto(`${service.url}/me/sign-in`);
    await page.evaluate(() => {
      localStorage.clear();
      sessionStorage.clear();
    });
    return page;
  }

  it('lets a neighbour act for me, who then acts for me under a banner, without my PIN form', async () => {
    const resident = names.get('Q0010') ?? '';
    const neighbour = names.get('Q0011') ?? '';
    const t = text.zh.settings;

    const page = await freshPage();
    await openSignedIn(page, service.url, { card: 'Q0010', language: 'zh' });
    await page.getByRole('link', { name: text.zh.nav.settings, exact: true }).click();
    await page.getByRole('button', { name: t.addProxy }).click();
    await page.getByLabel(t.proxyCard).fill('Q0011');
    await page.getByLabel(t.yourPin).fill('1234');
    await page.getByRole('button', { name: t.add, exact: true }).click();
    await page.getByText(t.added.replace('{{name}}', neighbour)).waitFor();
    await page.getByTestId('proxy').filter({ hasText: neighbour }).waitFor();
    await checkScreen(page, 'settings-proxies', { typed: [resident, neighbour] });
    await page.getByRole('button', { name: t.signOut }).click();
    await page.getByText(text.zh.signIn.signedOut).waitFor();

    // The neighbour, on their phone, switches to acting for the resident.
    await openSignedIn(page, service.url, { card: 'Q0011', language: 'zh' });
    await page.getByRole('link', { name: text.zh.nav.settings, exact: true }).click();
    await page.getByRole('button', { name: t.switchTo.replace('{{name}}', resident) }).click();
    const banner = page.getByTestId('proxy-banner');
    // A refusal shows as an alert: name it rather than wait out the banner.
    await banner.or(page.getByRole('alert')).first().waitFor();
    expect(await page.getByRole('alert').allTextContents()).toEqual([]);
    await expect
      .poll(() => banner.textContent())
      .toContain(text.zh.proxy.banner.replace('{{name}}', resident));
    // Only the resident may change their PIN or their proxies.
    await page.getByText(t.proxyNote.replace('{{name}}', resident)).waitFor();
    expect(await page.getByRole('heading', { name: t.pinTitle }).count()).toBe(0);
    expect(await page.getByRole('button', { name: t.addProxy }).count()).toBe(0);
    await page.getByRole('link', { name: text.zh.nav.home, exact: true }).click();
    await page
      .getByRole('heading', { name: text.zh.home.account.replace('{{name}}', resident) })
      .waitFor();
    await checkScreen(page, 'proxy-home', { typed: [resident, neighbour] });

    // Switching back to themself.
    await banner.getByRole('button', { name: text.zh.proxy.switch }).click();
    await page
      .getByRole('button', { name: text.zh.actFor.me.replace('{{name}}', neighbour) })
      .click();
    await expect.poll(() => banner.count()).toBe(0);
    await page.close();
  });

  it('lets the resident remove the neighbour again', async () => {
    const neighbour = names.get('Q0011') ?? '';
    const t = text.en.settings;
    const page = await freshPage();
    await openSignedIn(page, service.url, { card: 'Q0010', language: 'en' });
    await page.getByRole('link', { name: text.en.nav.settings, exact: true }).click();
    const link = page.getByTestId('proxy').filter({ hasText: neighbour });
    await link.getByRole('button', { name: t.remove }).click();
    await link.getByRole('button', { name: t.removeYes }).click();
    await page.getByText(t.removed.replace('{{name}}', neighbour)).waitFor();
    await page.getByText(t.noProxies).waitFor();
    await page.close();
  });

  it('signs a family member in by phone, who picks whom to act for, gives points, and the history says who did', async () => {
    const resident = names.get('Q0021') ?? '';
    const t = text.zh;
    const page = await freshPage();
    await page.goto(`${service.url}/me/?lang=zh`);
    await page.getByRole('button', { name: t.signIn.familyTab }).click();
    await chooseDemoCommunity(page, 'zh');
    await page.getByLabel(t.signIn.phone, { exact: true }).fill(FAMILY.phone);
    await page.getByLabel(t.signIn.pin, { exact: true }).fill(FAMILY.pin);
    await page.getByRole('button', { name: t.signIn.submit, exact: true }).click();
    await page.getByRole('heading', { name: t.actFor.title }).waitFor();
    await checkScreen(page, 'act-for', { typed: [...names.values(), FAMILY.name] });
    await page.getByRole('button', { name: resident, exact: true }).click();
    const banner = page.getByTestId('proxy-banner');
    await expect
      .poll(() => banner.textContent())
      .toContain(t.proxy.banner.replace('{{name}}', resident));

    // A gift made by the daughter shows in the resident's history as hers.
    await page.getByRole('link', { name: t.links.goals, exact: true }).click();
    await page.getByRole('button', { name: t.goals.give }).first().click();
    await page.getByRole('button', { name: t.goals.continue }).click();
    await page
      .getByRole('button', { name: t.goals.confirm.replace('{{points, number}}', '10') })
      .click();
    await page.getByRole('heading', { name: t.goals.thanksTitle }).waitFor();
    await page.getByRole('link', { name: t.nav.home, exact: true }).click();
    await page.getByRole('link', { name: t.links.history, exact: true }).click();
    // Polled, so that a failure names what the newest line said instead.
    await expect
      .poll(() => page.locator('.history-line').first().textContent(), { timeout: 60_000 })
      .toContain(
        t.history.actedBy.replace('{{proxy}}', FAMILY.name).replace('{{resident}}', resident),
      );
    await checkScreen(page, 'proxy-history', { typed: [...names.values(), FAMILY.name] });
    await page.close();
  });
});
