import { seriousAccessibilityViolations } from '@tally/e2e/axe';
import { collectPageErrors } from '@tally/e2e/browser';
import { type RunningService, SERVICE_START_MS, startService } from '@tally/e2e/service';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allowAxe, openBrowser, screenshot, signIn, switchLanguage, TABLET } from './helpers';

// "Apply, review, public notice" end to end, in real Chromium against the real service: two
// residents raise correction requests at the kiosk, the office answers them in the admin app
// (one corrected, one declined with a reason), and the kiosk shows each resident the answer.
// The kiosk's words are written out here, as a resident reads them in English.

const WRONG_HOURS_CARD = 'Q0021';
const MISSING_CARD = 'Q0022';
const DECLINE_REASON = 'The sign-in sheet for that Saturday does not list you.';
const ACCEPT_REASON = 'Confirmed with the team leader’s notes.';

describe('correction requests from the kiosk to the office and back', () => {
  let service: RunningService;
  let browser: BrowserContext;
  let admin: Page;
  const errors: string[] = [];
  /** The activity whose hours the office corrects; its corrected record goes on notice. */
  let correctedActivity = '';

  beforeAll(async () => {
    service = await startService();
    browser = await openBrowser();
    admin = await browser.newPage();
    collectPageErrors(admin, errors);
    await allowAxe(admin);
  }, SERVICE_START_MS);

  afterAll(async () => {
    await browser?.close();
    await service?.stop();
  });

  const openAdmin = (path: string) => admin.goto(`${service.url}/admin${path}`);

  /** The screenshot to look at, and no serious or critical axe findings on it. */
  async function checkScreen(name: string) {
    await screenshot(admin, name);
    expect(await seriousAccessibilityViolations(admin), name).toEqual([]);
  }

  async function kioskSignIn(card: string): Promise<Page> {
    const kiosk = await browser.newPage();
    collectPageErrors(kiosk, errors, 'kiosk');
    await kiosk.goto(`${service.url}/kiosk/?token=demo-kiosk-token&lang=en`);
    // As the kiosk's own tests do: start once the idle screen has its figures.
    await kiosk.locator('.figure-value').first().waitFor();
    await kiosk.getByRole('button', { name: /Start/ }).click();
    await kiosk.getByRole('button', { name: 'Show letters', exact: true }).waitFor();
    for (const char of card) {
      if (/[A-Z]/.test(char)) await tap(kiosk, 'Show letters');
      await tap(kiosk, char);
    }
    await tap(kiosk, 'Next');
    for (const digit of '1234') await tap(kiosk, digit);
    await tap(kiosk, 'OK');
    await kiosk.getByRole('button', { name: 'My service' }).click();
    await kiosk.getByRole('heading', { name: 'My service records' }).waitFor();
    return kiosk;
  }

  const tap = (page: Page, name: string) => page.getByRole('button', { name, exact: true }).click();

  async function send(kiosk: Page) {
    await tap(kiosk, 'Next');
    await kiosk.getByRole('heading', { name: 'Please check your request' }).waitFor();
    await kiosk.getByRole('button', { name: 'Send to the community office' }).click();
    await kiosk.getByRole('heading', { name: 'Sent to the community office' }).waitFor();
    await kiosk.close();
  }

  it('takes two requests at the kiosk: hours that are wrong, and a record that is missing', async () => {
    const first = await kioskSignIn(WRONG_HOURS_CARD);
    await first.locator('.record-line').first().waitFor();
    await first.getByRole('button', { name: 'Ask for a correction' }).first().click();
    await first.getByRole('heading', { name: 'Ask for a correction' }).waitFor();
    await first.getByRole('button', { name: '15 minutes more' }).click();
    await first.getByRole('button', { name: '15 minutes more' }).click();
    await first.getByRole('button', { name: 'I served longer than recorded' }).click();
    await send(first);

    const second = await kioskSignIn(MISSING_CARD);
    // The missing service is named by taps: organization, a marked day, the activity.
    await second.getByRole('button', { name: 'A record is missing' }).click();
    await second
      .getByRole('heading', { name: 'Which organization was the service with?' })
      .waitFor();
    await second.locator('.pick').first().click();
    await second.getByRole('heading', { name: 'Which day was it?' }).waitFor();
    const markedDay = second.locator('.calendar-marked:not([disabled])');
    if ((await markedDay.count()) === 0) await tap(second, 'Previous month');
    await markedDay.last().click();
    await second.getByRole('heading', { name: 'Which activity was it?' }).waitFor();
    await second.locator('.pick').first().click();
    await second.getByRole('heading', { name: 'Please check your request' }).waitFor();
    // What happened, in the resident's words (needed when a step was "not sure").
    await tap(second, 'My service was not recorded');
    await second.getByRole('button', { name: 'Send to the community office' }).click();
    await second.getByRole('heading', { name: 'Sent to the community office' }).waitFor();
    await second.close();
  });

  it('shows the office the waiting requests, newest first, with a count in the menu', async () => {
    await signIn(admin, service.url, 'office', '/corrections');
    await admin.getByRole('heading', { name: 'Correction requests', level: 1 }).waitFor();
    const rows = admin.locator('.correction-table tbody tr');
    await rows.first().waitFor();
    // The two just raised, above the demo's older one; only waiting requests in this view.
    expect(await rows.nth(0).textContent()).toContain('Missing record');
    expect(await rows.nth(1).textContent()).toContain('Wrong hours');
    expect(await rows.nth(1).textContent()).toContain('Asks for');
    for (const row of await rows.all()) expect(await row.textContent()).toContain('Waiting');
    const count = await rows.count();
    const menuEntry = admin.getByRole('link', { name: /Correction requests/ });
    expect(await menuEntry.textContent()).toContain(String(count));
    await checkScreen('corrections-queue.en');
    await switchLanguage(admin, 'zh');
    await admin.getByRole('heading', { name: '更正申请', level: 1 }).waitFor();
    await checkScreen('corrections-queue.zh');
    await switchLanguage(admin, 'en');
  });

  it('corrects the wrong hours: the credit is reversed and a corrected record credited', async () => {
    await openAdmin('/corrections');
    await admin
      .getByRole('link', { name: /^Answer: .*Wrong hours/ })
      .first()
      .click();
    await admin.getByRole('heading', { name: /^Wrong hours: / }).waitFor();
    const record = admin.getByRole('region', { name: 'The record concerned' });
    await record.waitFor();
    correctedActivity = await record
      .locator('dd')
      .first()
      .evaluate((cell) => cell.firstChild?.textContent ?? '');
    expect(correctedActivity).not.toBe('');
    await admin.getByRole('radio', { name: /^Correct the hours/ }).check();
    // Prefilled with what the resident asked for: 30 minutes more than recorded.
    const willDo = (await admin.getByText(/^This reverses the credit of/).textContent()) ?? '';
    const [, recorded = '', corrected = ''] =
      willDo.match(/for ([\d.]+) h and credits a corrected record of ([\d.]+) h/) ?? [];
    expect(Number(corrected) - Number(recorded)).toBeCloseTo(0.5);
    await admin.getByLabel('Reason for the resident').fill(ACCEPT_REASON);
    await checkScreen('correction-detail.en');
    await switchLanguage(admin, 'zh');
    await admin.getByRole('heading', { name: /^时长有误：/ }).waitFor();
    await checkScreen('correction-detail.zh');
    await switchLanguage(admin, 'en');

    await admin.getByRole('button', { name: 'Correct the record' }).click();
    const outcome = admin.getByRole('region', { name: /Outcome/ });
    await outcome.waitFor();
    expect(await outcome.textContent()).toContain(ACCEPT_REASON);
    expect(await outcome.textContent()).toContain('points credited');
    await outcome.getByRole('link', { name: /Ledger transaction/ }).click();
    await admin.getByText('Reversal', { exact: true }).first().waitFor();
  });

  it('declines the missing record with a reason, and refuses to decline without one', async () => {
    await openAdmin('/corrections');
    await admin
      .getByRole('link', { name: /^Answer: .*Missing record/ })
      .first()
      .click();
    await admin
      .getByRole('heading', { name: 'The service the resident says is missing' })
      .waitFor();
    await admin.getByRole('heading', { name: 'The resident’s latest service records' }).waitFor();
    // Logging it instead would ask for the whole service, organization first.
    await admin.getByRole('radio', { name: /^Log the missing service/ }).check();
    await admin.getByLabel('Organization').waitFor();
    await screenshot(admin, 'correction-missing-form.en');
    await admin.getByRole('radio', { name: /^Decline/ }).check();
    expect(await admin.getByLabel('Organization').count()).toBe(0);
    await admin.getByRole('button', { name: 'Decline the request' }).click();
    await admin.getByText('Give a reason: the resident will read it.').waitFor();
    await admin.getByLabel('Reason for the resident').fill(DECLINE_REASON);
    await admin.getByRole('button', { name: 'Decline the request' }).click();
    const outcome = admin.getByRole('region', { name: /Outcome/ });
    await outcome.waitFor();
    expect(await outcome.textContent()).toContain('Declined');
    expect(await outcome.textContent()).toContain(DECLINE_REASON);
    // The demo's office worker, by the name the office knows her by.
    expect(await outcome.textContent()).toContain('Answered by李娜');
    await screenshot(admin, 'correction-outcome.en');
    await switchLanguage(admin, 'zh');
    await admin.getByRole('region', { name: /处理结果/ }).waitFor();
    await screenshot(admin, 'correction-outcome.zh');
    await switchLanguage(admin, 'en');
  });

  it('tells each resident the answer at the kiosk', async () => {
    const first = await kioskSignIn(WRONG_HOURS_CARD);
    const corrected = first.locator('.request-line').first();
    await corrected.waitFor();
    expect(await corrected.textContent()).toContain('Corrected');
    expect(await corrected.textContent()).toContain(ACCEPT_REASON);
    await first.close();

    const second = await kioskSignIn(MISSING_CARD);
    const declined = second.locator('.request-line').first();
    await declined.waitFor();
    expect(await declined.textContent()).toContain('Declined');
    expect(await declined.textContent()).toContain(DECLINE_REASON);
    await second.close();
  });

  it('keeps the answered requests out of the waiting queue, and lets an auditor read them only', async () => {
    await openAdmin('/corrections?show=accepted');
    await admin.locator('.correction-table tbody tr').first().waitFor();
    expect(await admin.locator('.correction-table').textContent()).toContain('Corrected');
    await admin.getByRole('button', { name: 'Sign out' }).click();
    await admin.getByLabel('User name').waitFor();

    await signIn(admin, service.url, 'auditor', '/corrections?show=declined');
    await admin
      .getByRole('link', { name: /^View: / })
      .first()
      .click();
    await admin.getByRole('region', { name: /Outcome/ }).waitFor();
    expect(await admin.getByRole('radio').count()).toBe(0);
    expect(await admin.getByRole('button', { name: /Decline|Correct/ }).count()).toBe(0);
    await admin.getByRole('button', { name: 'Sign out' }).click();

    // On a tablet the request and its answer stack, and nothing spills sideways.
    const tablet = await openBrowser(TABLET);
    try {
      const page = await tablet.newPage();
      await signIn(page, service.url, 'office', '/corrections?show=accepted');
      await page
        .getByRole('link', { name: /^View: / })
        .first()
        .click();
      await page.getByRole('region', { name: /Outcome/ }).waitFor();
      const sideways = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(sideways).toBe(0);
      await screenshot(page, 'correction-detail.tablet.en');
    } finally {
      await tablet.close();
    }
  });

  it('shows approved service on the notice board, and lets the office change the period', async () => {
    await signIn(admin, service.url, 'office', '/notices');
    await admin.getByRole('heading', { name: 'Notice board', level: 1 }).waitFor();
    const rows = admin.locator('.notice-table tbody tr');
    await rows.first().waitFor();
    // The newest approval on the board is the record the office just corrected.
    expect(await rows.first().textContent()).toContain(correctedActivity);
    expect(await rows.first().textContent()).toContain('3 h');
    expect(await admin.locator('.notice-period-days').textContent()).toBe('7 days');
    await checkScreen('notices.en');
    await switchLanguage(admin, 'zh');
    await admin.getByRole('heading', { name: '公示栏', level: 1 }).waitFor();
    await checkScreen('notices.zh');
    await switchLanguage(admin, 'en');

    await admin.getByRole('button', { name: 'Change notice period' }).click();
    const dialog = admin.getByRole('dialog');
    await dialog.getByLabel('Days on the notice board').fill('0');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.getByText('Enter a whole number of days from 1 to 90.').waitFor();
    await dialog.getByLabel('Days on the notice board').fill('14');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await admin.getByText('Approved service now stays on the notice board for 14 days.').waitFor();
    expect(await admin.locator('.notice-period-days').textContent()).toBe('14 days');
    await admin.getByRole('button', { name: 'Sign out' }).click();
    // Signed out once the form is back: opening the board before that could still find the
    // office's session (the sign-out request in flight), and no form to sign in with.
    await admin.getByLabel('User name').waitFor();

    // A leader reads the same board and cannot change it.
    await signIn(admin, service.url, 'leader', '/notices');
    await admin.locator('.notice-table tbody tr').first().waitFor();
    expect(await admin.getByRole('button', { name: 'Change notice period' }).count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
