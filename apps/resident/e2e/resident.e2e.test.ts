import { type RunningService, SERVICE_START_MS, startService } from '@tally/e2e/service';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkScreen,
  demoCommunityId,
  homePoints,
  type Language,
  newPhonePage,
  openPhoneBrowser,
  openSignedIn,
  signIn,
  staffApi,
  text,
} from './helpers';

const MINUTE = 60_000;
/** Published by the demo leader for this test, starting tomorrow: sign-up is open. */
const walk = { zh: '河边健步走', en: 'Riverside walk' };

// What a resident does on their phone, against the real service on a fresh demo database in
// Chromium at 390×844 with touch: sign in, open an activity from its poster's link and sign up,
// give points to a goal, raise a correction by taps, and sign out — in Chinese and in English.
describe('the resident app on a phone', () => {
  let service: RunningService;
  let browser: BrowserContext;
  let activityId = '';
  const errors: string[] = [];

  beforeAll(async () => {
    service = await startService();
    const leader = await staffApi(service.url, 'leader');
    const [sunshine] = await leader.query<{ id: string }[]>('organizations.list');
    const startsAt = Date.now() + 24 * 60 * MINUTE;
    const created = await leader.mutate<{ id: string }>('activities.create', {
      idempotencyKey: crypto.randomUUID(),
      organizationId: sunshine?.id,
      title: walk,
      category: 'environment',
      place: '河边',
      startsAt: new Date(startsAt).toISOString(),
      endsAt: new Date(startsAt + 90 * MINUTE).toISOString(),
      slots: 30,
    });
    activityId = created.id;
    await leader.mutate('activities.publish', {
      idempotencyKey: crypto.randomUUID(),
      id: activityId,
    });
    browser = await openPhoneBrowser();
  }, SERVICE_START_MS);

  afterAll(async () => {
    await browser?.close();
    await service?.stop();
  });

  afterAll(() => {
    expect(errors).toEqual([]);
  });

  async function freshPage(): Promise<Page> {
    await browser.clearCookies();
    const page = await newPhonePage(browser, errors);
    await page.goto(`${service.url}/me/sign-in`);
    await page.evaluate(() => {
      localStorage.clear();
      sessionStorage.clear();
    });
    return page;
  }

  for (const language of ['zh', 'en'] as const satisfies Language[]) {
    it(`signs in with card and PIN and shows points and hours with their units (${language})`, async () => {
      const t = text[language];
      const page = await freshPage();
      await page.goto(`${service.url}/me/?lang=${language}`);
      await page.getByRole('heading', { name: t.signIn.title }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/me/sign-in');
      await checkScreen(page, 'sign-in');
      await signIn(page, { card: 'Q0001', language, remember: true });
      await page.getByTestId('balance-points').waitFor();
      expect(await homePoints(page)).toBeGreaterThan(0);
      await page.getByText(t.home.hours, { exact: true }).waitFor();
      // Remembered: the token outlives the browser; nothing in session storage.
      expect(await page.evaluate(() => localStorage.getItem('tally.me.token'))).toBeTruthy();
      expect(await page.evaluate(() => sessionStorage.getItem('tally.me.token'))).toBeNull();
      expect(await page.evaluate(() => localStorage.getItem('tally.me.deviceId'))).toMatch(
        /^[\w-]{8,64}$/,
      );
      await checkScreen(page, 'home');
      await page.close();
    });
  }

  it('says how many tries are left after a wrong PIN', async () => {
    const page = await freshPage();
    await page.goto(`${service.url}/me/?lang=en`);
    await signIn(page, { card: 'Q0040', pin: '9999', language: 'en' });
    await page
      .getByRole('alert')
      .filter({ hasText: /The card number or PIN is not right\. \d tr(y|ies) left\./ })
      .waitFor();
    await page.close();
  });

  it('opens an activity from its poster link, signs in first, lands back on it and signs up', async () => {
    const page = await freshPage();
    await page.goto(`${service.url}/me/activities/${activityId}?lang=zh`);
    await page.getByRole('heading', { name: text.zh.signIn.title }).waitFor();
    await signIn(page, { card: 'Q0005', language: 'zh' });
    await page.getByRole('heading', { name: walk.zh }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/me/activities/${activityId}`);
    await checkScreen(page, 'activity');
    await page.getByRole('button', { name: text.zh.activities.signUp, exact: true }).click();
    await page.getByText(text.zh.activities.signedUpDone).waitFor();
    await expect
      .poll(() => page.getByTestId('activity-standing').textContent())
      .toBe(text.zh.activities.hasPlace);
    // It is among my sign-ups, and it can be cancelled from its page.
    await page.getByRole('link', { name: text.zh.nav.activities, exact: true }).click();
    await page.getByRole('link', { name: text.zh.activities.mine, exact: true }).click();
    await page.getByRole('link', { name: walk.zh }).waitFor();
    await checkScreen(page, 'my-sign-ups');
    await page.close();
  });

  it('gives points to a community goal by taps, and the balance goes down by the gift', async () => {
    const page = await freshPage();
    await openSignedIn(page, service.url, { card: 'Q0002', language: 'en' });
    const before = await homePoints(page);
    await page.getByRole('link', { name: text.en.links.goals }).click();
    await page.getByRole('heading', { name: text.en.goals.title }).waitFor();
    await checkScreen(page, 'goals');
    await page.getByRole('button', { name: text.en.goals.give }).first().click();
    await page.getByRole('button', { name: '10 points', exact: true }).click();
    await page.getByRole('button', { name: text.en.goals.more }).click();
    await page.getByRole('button', { name: text.en.goals.continue }).click();
    await page.getByRole('heading', { name: text.en.goals.confirmTitle }).waitFor();
    await checkScreen(page, 'donate-confirm');
    await page.getByRole('button', { name: 'Give 20 points' }).click();
    await page.getByRole('heading', { name: text.en.goals.thanksTitle }).waitFor();
    await checkScreen(page, 'donate-thanks');
    await page.getByRole('link', { name: text.en.nav.home }).click();
    await expect.poll(() => homePoints(page)).toBe(before - 20);
    await page.close();
  });

  it('raises a correction for a missing record by taps, and lists it as waiting for the office', async () => {
    const page = await freshPage();
    await openSignedIn(page, service.url, { card: 'Q0003', language: 'zh' });
    const t = text.zh;
    await page.getByRole('link', { name: t.links.corrections }).click();
    await page.getByRole('link', { name: t.corrections.new }).click();
    await page.getByRole('button', { name: t.corrections.kind.missing_record }).click();
    await page.getByRole('button', { name: t.newCorrection.notSure }).click();
    await page.getByRole('button', { name: t.newCorrection.notListed }).click();
    await page.getByRole('button', { name: t.newCorrection.reasons.notLogged }).click();
    await checkScreen(page, 'correction-new');
    await page.getByRole('button', { name: t.newCorrection.send }).click();
    await page.getByRole('heading', { name: t.newCorrection.sentTitle }).waitFor();
    await page.getByRole('link', { name: t.newCorrection.seeCorrections }).click();
    const first = page.getByTestId('correction').first();
    await first.getByText(t.corrections.status.open).waitFor();
    await first.getByText(t.corrections.kind.missing_record).waitFor();
    await checkScreen(page, 'corrections');
    await page.close();
  });

  it('shows history, records, notices, figures, certificates and settings in words', async () => {
    const page = await freshPage();
    await openSignedIn(page, service.url, { card: 'Q0001', language: 'en' });
    for (const [link, heading, name] of [
      [text.en.links.history, text.en.history.title, 'history'],
      [text.en.links.records, text.en.records.title, 'records'],
      [text.en.links.notices, text.en.notices.title, 'notices'],
      [text.en.links.figures, text.en.figures.title, 'figures'],
      [text.en.links.certificates, text.en.certificates.title, 'certificates'],
      [text.en.links.settings, text.en.settings.title, 'settings'],
    ] as const) {
      await page.getByRole('link', { name: text.en.nav.home }).click();
      await page.getByRole('link', { name: link, exact: true }).click();
      await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
      await expect
        .poll(() => page.getByRole('status').filter({ hasText: text.en.common.loading }).count())
        .toBe(0);
      await checkScreen(page, name);
    }
    await page.close();
  });

  it('opens a service certificate as its printable page', async () => {
    const t = text.en.certificates;
    const page = await freshPage();
    await openSignedIn(page, service.url, { card: 'Q0001', language: 'en' });
    await page.getByRole('link', { name: text.en.links.certificates, exact: true }).click();
    const open = page.getByRole('button', { name: t.open }).first();
    const [printable] = await Promise.all([browser.waitForEvent('page'), open.click()]);
    await expect.poll(() => printable.url()).toMatch(/^blob:/);
    await printable.waitForLoadState();
    expect(await printable.locator('body').textContent()).toMatch(/\d/);
    await printable.close();
    await page.close();
  });

  it('changes the PIN, refusing one too easy to guess in words', async () => {
    const t = text.en.settings;
    const page = await freshPage();
    await openSignedIn(page, service.url, { card: 'Q0030', language: 'en' });
    await page.getByRole('link', { name: text.en.nav.settings, exact: true }).click();
    const form = page.getByRole('form', { name: t.pinTitle });
    const change = async (newPin: string) => {
      await form.getByLabel(t.oldPin).fill('1234');
      await form.getByLabel(t.newPin).fill(newPin);
      await form.getByLabel(t.newPinAgain).fill(newPin);
      await form.getByRole('button', { name: t.changePin }).click();
    };
    await change('1111');
    await form.getByRole('alert').filter({ hasText: t.weak.same_digits }).waitFor();
    await checkScreen(page, 'settings-weak-pin');
    await change('4071');
    await form.getByText(t.pinChanged).waitFor();
    // The new PIN is the one that signs in now.
    const check = await fetch(`${service.directUrl}/trpc/me.signIn`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-device-id': 'e2e-test-device' },
      body: JSON.stringify({
        cardNumber: 'Q0030',
        pin: '4071',
        communityId: await demoCommunityId(service.directUrl),
      }),
    });
    expect(check.status).toBe(200);
    await page.close();
  });

  it('lists the phones signed in and signs another one out', async () => {
    const other = (await (
      await fetch(`${service.directUrl}/trpc/me.signIn`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-device-id': 'e2e-other-phone' },
        body: JSON.stringify({
          cardNumber: 'Q0031',
          pin: '1234',
          remember: true,
          communityId: await demoCommunityId(service.directUrl),
        }),
      })
    ).json()) as { result: { data: { token: string } } };
    const otherToken = other.result.data.token;
    const t = text.zh.settings;
    const page = await freshPage();
    await openSignedIn(page, service.url, { card: 'Q0031', language: 'zh' });
    await page.getByRole('link', { name: text.zh.nav.settings, exact: true }).click();
    const sessions = page.getByTestId('phone-session');
    await expect.poll(() => sessions.count()).toBe(2);
    await sessions.first().getByText(t.thisPhone).waitFor();
    await checkScreen(page, 'settings');
    await sessions
      .filter({ hasText: t.otherPhone })
      .getByRole('button', { name: t.revoke })
      .click();
    await page.getByText(t.revoked).waitFor();
    await expect.poll(() => sessions.count()).toBe(1);
    const refused = await fetch(`${service.directUrl}/trpc/me.session`, {
      headers: { authorization: `Bearer ${otherToken}` },
    });
    expect(refused.status).toBe(401);
    await page.close();
  });

  it('signs out, forgetting the token, and says so', async () => {
    const page = await freshPage();
    await openSignedIn(page, service.url, { card: 'Q0004', language: 'zh' });
    await page.getByRole('link', { name: text.zh.nav.settings, exact: true }).click();
    const token = await page.evaluate(() => sessionStorage.getItem('tally.me.token'));
    expect(token).toMatch(/^tph_/);
    await page.getByRole('button', { name: text.zh.settings.signOut }).click();
    await page.getByText(text.zh.signIn.signedOut).waitFor();
    // The service ended the session too: the token opens nothing any more.
    const refused = await fetch(`${service.directUrl}/trpc/me.session`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(refused.status).toBe(401);
    expect(await page.evaluate(() => sessionStorage.getItem('tally.me.token'))).toBeNull();
    expect(await page.evaluate(() => localStorage.getItem('tally.me.token'))).toBeNull();
    // The old page's address now asks to sign in again.
    await page.goto(`${service.url}/me/history`);
    await page.getByRole('heading', { name: text.zh.signIn.title }).waitFor();
    await page.close();
  });
});
