import { seriousAccessibilityViolations } from '@tally/e2e/axe';
import { type RunningService, SERVICE_START_MS, startService } from '@tally/e2e/service';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allowAxe, apiToken, callApi, localDay, openBrowser, screenshot, signIn } from './helpers';

// One story, in order, against the real service on a fresh demo database: a leader logs a
// sign-in sheet, the office reviews it, everyone sees the outcome, the auditor verifies.
describe('the admin app, from a sign-in sheet to a verified ledger', () => {
  let service: RunningService;
  let leaderBrowser: BrowserContext;
  let officeBrowser: BrowserContext;
  let leader: Page;
  let office: Page;
  const title = `Courtyard clean-up ${Date.now()}`;
  let cards: string[] = [];
  let names: string[] = [];
  let pointsBefore = 0;

  beforeAll(async () => {
    service = await startService();
    leaderBrowser = await openBrowser();
    officeBrowser = await openBrowser();
    leader = await leaderBrowser.newPage();
    office = await officeBrowser.newPage();
  }, SERVICE_START_MS);

  afterAll(async () => {
    await leaderBrowser?.close();
    await officeBrowser?.close();
    await service?.stop();
  });

  it('lets a leader log a 10-person sign-in sheet from the keyboard', async () => {
    await signIn(leader, service.url, 'leader');
    await leader.getByRole('link', { name: 'Log hours' }).first().click();
    await leader.getByRole('heading', { name: 'Log hours' }).waitFor();
    // The leader leads one organization; it is chosen already and its members are listed.
    const boxes = leader.locator('.member-list li');
    await boxes.first().waitFor();
    const labels = await boxes.allInnerTexts();
    // Ten members, skipping the leader's own card (a leader logging their own hours is flagged).
    const members = labels
      .map((text) => text.trim().match(/^(.*?)\s+(Q\d{4})/))
      .filter((match): match is RegExpMatchArray => match !== null && match[1] !== '张伟')
      .slice(0, 10);
    cards = members.map((match) => match[2] ?? '');
    names = members.map((match) => match[1] ?? '');
    expect(cards).toHaveLength(10);

    await leader.getByLabel('Activity', { exact: true }).fill(title);
    await leader.getByLabel('Category').selectOption('environment');
    await leader.getByLabel('Place').fill('Courtyard B');
    await leader.getByLabel('Date', { exact: true }).fill(localDay(-1));
    await leader.getByLabel('Start time').fill('07:00');
    const search = leader.getByPlaceholder('Search members by name or card');
    for (const card of cards) {
      await search.fill(card);
      await search.press('Enter');
    }
    await leader.getByText(/^10 of \d+ selected$/).waitFor();
    await screenshot(leader, 'log-hours-filled.en');
    await leader.getByRole('button', { name: 'Log hours for 10 people' }).click();
    await leader.getByText('10 records for').waitFor();
    await screenshot(leader, 'log-hours-logged.en');
  });

  it("shows a resident's balance before the office approves", async () => {
    await signIn(office, service.url, 'office', '/residents');
    pointsBefore = await residentPoints(office, cards[0] ?? '');
  });

  it('lets the office approve nine and reject one with a reason', async () => {
    await office.goto(`${service.url}/admin/approvals`);
    await office.getByRole('heading', { name: 'Approvals' }).waitFor();
    const ours = office.getByRole('checkbox', { name: new RegExp(title) });
    // The queue pages 100 at a time; ours are the newest, on the first page.
    await expect.poll(() => ours.count()).toBe(10);
    const row = (name: string) =>
      office.getByRole('checkbox', { name: `Select ${name}, ${title}`, exact: true });
    for (const name of names.slice(0, 9)) await row(name).check();
    await screenshot(office, 'approvals-selected.en');
    await office.getByRole('button', { name: 'Approve (9)' }).click();
    const approve = office.getByRole('dialog');
    await approve.getByText('9 records, 9 people').waitFor();
    await approve.getByRole('button', { name: 'Approve 9' }).click();
    await office.getByText(/Approved 9 records; [\d,]+ points credited/).waitFor();

    await expect.poll(() => ours.count()).toBe(1);
    await row(names[9] ?? '').check();
    await office.getByRole('button', { name: 'Reject (1)' }).click();
    const reject = office.getByRole('dialog');
    await reject.getByRole('button', { name: 'Reject 1' }).click();
    await reject.getByText('A rejection needs a reason.').waitFor();
    await reject.getByLabel('Reason').fill('Not on the paper sign-in sheet');
    await reject.getByRole('button', { name: 'Reject 1' }).click();
    await office.getByText('Rejected 1 record.').waitFor();
    await expect.poll(() => ours.count()).toBe(0);
  });

  it('shows the leader what was approved and why one was rejected', async () => {
    await leader.goto(`${service.url}/admin/records`);
    await leader.getByRole('heading', { name: 'Logged hours' }).waitFor();
    const rows = leader.locator('tbody tr', { hasText: title });
    await expect.poll(() => rows.count()).toBe(10);
    await expect.poll(() => rows.filter({ hasText: 'Approved' }).count()).toBe(9);
    const rejected = rows.filter({ hasText: 'Rejected' });
    expect(await rejected.count()).toBe(1);
    expect(await text(rejected)).toContain('Reason: Not on the paper sign-in sheet');
    expect(await text(rejected)).toContain(names[9] ?? '');
    await screenshot(leader, 'records-outcome.en');
  });

  it("shows the new points in the resident's balance", async () => {
    const row = leader.locator('tbody tr', { hasText: title }).filter({ hasText: names[0] ?? '' });
    const credited = Number((await text(row)).match(/\+([\d,]+) points/)?.[1]?.replace(/,/g, ''));
    expect(credited).toBeGreaterThan(0);
    await office.goto(`${service.url}/admin/residents`);
    await residentPoints(office, cards[0] ?? '');
    // The page may first show the cached balance, then the fresh one.
    await expect
      .poll(async () =>
        Number((await text(office.getByTestId('resident-points'))).replace(/[^\d]/g, '')),
      )
      .toBe(pointsBefore + credited);
    // Walking back through every entry explains the whole balance.
    const more = office.getByRole('button', { name: 'Load more' });
    const traced = office.getByText('Traced: the balance is exactly the sum of these entries.');
    for (let page = 0; page < 20 && !(await traced.isVisible()); page++) {
      if (await more.isVisible()) await more.click();
      await office.waitForTimeout(300);
    }
    await traced.waitFor();
    await screenshot(office, 'resident-account.en');
  });

  it('lets the auditor verify the ledger', async () => {
    const auditorBrowser = await openBrowser();
    const auditor = await auditorBrowser.newPage();
    await allowAxe(auditor);
    await signIn(auditor, service.url, 'auditor', '/ledger/verify');
    await auditor.getByRole('button', { name: 'Verify now' }).click();
    await auditor.getByRole('heading', { name: /^Verified: [\d,]+ transactions$/ }).waitFor();
    await screenshot(auditor, 'verify-verified.en');
    expect(await seriousAccessibilityViolations(auditor)).toEqual([]);
    await auditorBrowser.close();
  });

  it('keeps a leader out of office pages, even by address, and the service refuses too', async () => {
    for (const path of ['/approvals', '/staff', '/kiosks', '/ledger', '/residents']) {
      await leader.goto(`${service.url}/admin${path}`);
      await leader.getByRole('heading', { name: 'Not allowed' }).waitFor();
    }
    await screenshot(leader, 'not-allowed.en');
    const nav = await text(leader.getByRole('navigation'));
    expect(nav).not.toContain('Approvals');
    expect(nav).not.toContain('Staff accounts');
    const token = await apiToken(service.url, 'leader');
    const refused = await callApi(service.url, 'staff.list', { token });
    expect(refused.error?.data?.domainCode).toBe('FORBIDDEN');
  });

  it('sends a person whose session ended back to sign-in, saying why', async () => {
    const token = await leader.evaluate(() => sessionStorage.getItem('tally.admin.token'));
    // The session ends elsewhere (e.g. it expired): the service stops accepting the token.
    await callApi(service.url, 'auth.logout', { token: token ?? '', method: 'POST' });
    await leader.goto(`${service.url}/admin/records`);
    await leader.getByText('Your session has ended. Please sign in again.').waitFor();
    await leader.getByRole('button', { name: 'Sign in' }).waitFor();
  });

  async function residentPoints(page: Page, card: string): Promise<number> {
    await page.getByLabel('Find a resident').fill(card);
    await page.locator('tbody tr', { hasText: card }).getByRole('link').click();
    const value = page.getByTestId('resident-points');
    await value.waitFor();
    return Number((await text(value)).replace(/[^\d]/g, ''));
  }

  /** What a reader sees in an element (the text of its visible and screen-reader-only parts). */
  async function text(locator: Locator): Promise<string> {
    return (await locator.textContent()) ?? '';
  }
});
