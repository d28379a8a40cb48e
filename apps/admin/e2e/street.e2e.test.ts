import { randomUUID } from 'node:crypto';
import type { JournalEntry } from '@tally/domain/ledger';
import type { MovesList, StreetOverview } from '@tally/domain/street';
import { seriousAccessibilityViolations } from '@tally/e2e/axe';
import { LATIN_ALLOWED_IN_CHINESE, typedTexts, wordsNotInLanguage } from '@tally/e2e/language';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiToken,
  callApi,
  openBrowser,
  screenshot,
  signedInSession,
  signIn,
  switchLanguage,
} from './helpers';

/**
 * What people typed or are called in the answers behind these screens, shown as written in
 * either language: besides the usual fields, names given per language (`zh`, `en`: residents'
 * and communities' names on ledger postings), activity titles inside entry descriptions, and who
 * proposed or decided a move. A ledger entry's sealed memo counts as typed, as elsewhere (the
 * service describes the two move transactions in the reader's words, from the move itself).
 */
const TYPED = new Set([
  'name',
  'displayName',
  'username',
  'residentName',
  'actorName',
  'title',
  'activityTitle',
  'memo',
  'note',
  'reason',
  'building',
  'activity',
  'zh',
  'en',
  'proposedBy',
  'decidedBy',
]);
type Answer = [path: string, input?: unknown];

// The street level against the real service on a fresh demo database: the street office (城南街道)
// sees Q, Wutong and Fenglin side by side, opens Wutong and reads its reports and journal,
// opens a new community whose first office must choose a password, closes it again, reads
// the communities' figures side by side ("<5" for the small ones) and verifies every ledger.
// Then Q's office accepts the resident Wutong proposes to send, and sees the move done with
// the points that came. The main screens are checked in both languages, with axe.
describe('the street office and moving house', () => {
  const session = signedInSession('street', { axe: true });
  const offLanguage: string[] = [];
  let token = '';
  let overview: StreetOverview;
  const others: BrowserContext[] = [];

  beforeAll(async () => {
    token = await apiToken(session.service.url, 'street');
    overview = await api<StreetOverview>('street.get');
  });
  afterAll(async () => {
    for (const browser of others) await browser.close();
  });

  async function api<T>(path: string, input?: unknown, method: 'GET' | 'POST' = 'GET') {
    const answer = await callApi(session.service.url, path, { token, input, method });
    if (!answer.result) throw new Error(`${path} failed: ${JSON.stringify(answer.error)}`);
    return answer.result.data as T;
  }
  const communityId = (en: string) => {
    const found = overview.communities.find((community) => community.name.en === en);
    if (!found) throw new Error(`the demo street has no ${en}`);
    return found.id;
  };
  const communityRow = (page: Page, name: string) =>
    page.locator('table.street-communities tbody tr').filter({ hasText: name });

  it('sees the three communities of the street side by side', async () => {
    const { page } = session;
    await page.getByRole('heading', { name: 'Chengnan Street', level: 1 }).waitFor();
    const rows = page.locator('table.street-communities tbody tr');
    await expect.poll(() => rows.count()).toBe(3);
    for (const name of ['Q Community', 'Wutong Community', 'Fenglin Community']) {
      await communityRow(page, name).getByText('Open', { exact: true }).waitFor();
    }
    // The street reads: no office-only pages in its menu.
    const menu = page.getByRole('navigation');
    await menu.getByRole('link', { name: 'Side by side' }).waitFor();
    for (const officeOnly of ['Approvals', 'Log hours', 'Staff accounts', 'Kiosks', 'Time bank']) {
      expect(await menu.getByRole('link', { name: officeOnly }).count(), officeOnly).toBe(0);
    }
    await checkBothLanguages(
      page,
      'admin-street',
      () => page.locator('table.street-communities tbody tr').first().waitFor(),
      [['street.get'], ['auth.me']],
    );
  });

  it('opens Wutong and reads its report and its journal', async () => {
    const { page } = session;
    await communityRow(page, 'Wutong Community')
      .getByRole('button', { name: 'Read Wutong Community' })
      .click();
    await page.getByRole('heading', { name: 'Participation reports', level: 1 }).waitFor();
    await expect
      .poll(() => page.getByTestId('reading-community').textContent())
      .toBe('Reading: Wutong Community');
    await screenshot(page, 'admin-street-reading-report.en');

    // The journal the page shows is Wutong's, as the API answers a session that opened it.
    await page.getByRole('navigation').getByRole('link', { name: 'Journal' }).click();
    await page.getByRole('heading', { name: 'Journal', level: 1 }).waitFor();
    await api('street.open', { communityId: communityId('Wutong Community') }, 'POST');
    const journal = await api<{ items: JournalEntry[] }>('ledger.journal', { limit: 50 });
    expect(journal.items.length).toBeGreaterThan(0);
    const newest = page.locator('main table tbody tr').first().getByRole('link').first();
    await expect
      .poll(() => newest.getAttribute('href'))
      .toContain(`/ledger/transactions/${journal.items[0]?.id}`);
    await checkBothLanguages(
      page,
      'admin-street-reading-journal',
      () => page.locator('main table tbody tr').first().waitFor(),
      [['street.get'], ['auth.me'], ['ledger.journal', { limit: 50 }]],
    );

    // The street never writes in a community: its pages hold no write buttons, the office's
    // pages are closed to it, and the API refuses it.
    await page.getByRole('navigation').getByRole('link', { name: 'Residents' }).click();
    await page.locator('main table tbody tr').first().waitFor();
    expect(await page.getByRole('link', { name: 'Import from CSV' }).count()).toBe(0);
    await page.goto(`${session.service.url}/admin/approvals`);
    await page.getByRole('heading', { name: 'Not allowed' }).waitFor();
    const rename = await callApi(session.service.url, 'community.update', {
      token,
      method: 'POST',
      input: { idempotencyKey: randomUUID(), name: { zh: '改名', en: 'Renamed' } },
    });
    expect(rename.error?.data?.domainCode).toBe('FORBIDDEN');

    // The switch in the banner reads another community; the link goes back to the street.
    await page.goto(`${session.service.url}/admin/community`);
    await page.getByTestId('community-name-en').waitFor();
    await page.getByLabel('Read another community').selectOption({ label: 'Fenglin Community' });
    await expect
      .poll(() => page.getByTestId('community-name-en').textContent())
      .toBe('Fenglin Community');
    await expect
      .poll(() => page.getByTestId('reading-community').textContent())
      .toBe('Reading: Fenglin Community');
    await page.getByRole('link', { name: 'Back to the street' }).click();
    await page.getByRole('heading', { name: 'Chengnan Street', level: 1 }).waitFor();
    await communityRow(page, 'Fenglin Community').getByText('Reading now').waitFor();
  });

  it('opens a new community, whose office must choose a password, and closes it again', async () => {
    const { page } = session;
    await page.getByRole('button', { name: 'Open a new community' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Name (Chinese)').fill('松柏社区');
    await dialog.getByLabel('Name (English)').fill('Songbai Community');
    await expect.poll(() => dialog.getByLabel('Time zone').inputValue()).toBe('Asia/Shanghai');
    await dialog.getByLabel('User name').fill('songbai-office');
    await dialog.getByLabel('Name shown').fill('林芳');
    await dialog.getByLabel('Temporary password').fill('short');
    await dialog.getByRole('button', { name: 'Open a new community' }).click();
    await dialog.getByText('At least 8 characters.').waitFor();
    const temporary = 'songbai first key 2026';
    await dialog.getByLabel('Temporary password').fill(temporary);
    await dialog.getByRole('button', { name: 'Open a new community' }).click();
    await page
      .getByText(/Songbai Community is open\. Its office signs in as songbai-office/)
      .waitFor();
    await expect.poll(() => page.locator('table.street-communities tbody tr').count()).toBe(4);

    // Its office signs in with the temporary password and must choose its own.
    const browser = await openBrowser();
    others.push(browser);
    const newOffice = await browser.newPage();
    await newOffice.goto(`${session.service.url}/admin/`);
    await newOffice.getByLabel('User name').fill('songbai-office');
    await newOffice.getByLabel('Password').fill(temporary);
    await newOffice.getByRole('button', { name: 'Sign in' }).click();
    await newOffice.getByRole('heading', { name: 'Choose a new password' }).waitFor();
    await screenshot(newOffice, 'admin-street-new-office-password.en');
    await newOffice.getByLabel('Current password').fill(temporary);
    await newOffice.getByLabel('New password', { exact: true }).fill('pines along the south gate');
    await newOffice.getByLabel('New password again').fill('pines along the south gate');
    await newOffice.getByRole('button', { name: 'Save and continue' }).click();
    await newOffice.getByRole('button', { name: 'Sign out' }).waitFor();
    await newOffice.getByRole('navigation').getByRole('link', { name: 'Approvals' }).waitFor();

    // Closing asks why, first; then its office can no longer sign in.
    await communityRow(page, 'Songbai Community')
      .getByRole('button', { name: 'Close Songbai Community' })
      .click();
    await dialog.getByText('Its staff can no longer sign in').waitFor();
    await dialog.getByRole('button', { name: 'Close the community' }).click();
    await dialog.getByText('Say why.').waitFor();
    await dialog.getByLabel('Reason').fill('试点结束，并入枫林社区。');
    await screenshot(page, 'admin-street-close-community.en');
    await dialog.getByRole('button', { name: 'Close the community' }).click();
    await page.getByText('Songbai Community is closed.').waitFor();
    await communityRow(page, 'Songbai Community').getByText('Closed', { exact: true }).waitFor();
    const refused = await callApi(session.service.url, 'auth.login', {
      method: 'POST',
      input: { username: 'songbai-office', password: 'pines along the south gate' },
    });
    expect(refused.result).toBeUndefined();
  });

  it('reads the communities’ figures side by side, "<5" where few residents are behind them', async () => {
    const { page } = session;
    await page.getByRole('navigation').getByRole('link', { name: 'Side by side' }).click();
    await page.getByRole('heading', { name: 'Communities side by side', level: 1 }).waitFor();
    await page.getByRole('combobox', { name: 'Period' }).selectOption('90d');
    await expect.poll(() => page.url()).toContain('period=90d');
    const table = page.locator('table.street-insights');
    const headers = table.locator('thead th');
    await expect.poll(() => headers.count()).toBe(1 + overview.communities.length + 1);
    const names = await headers.allTextContents();
    const fenglin = names.findIndex((name) => name.startsWith('Fenglin Community'));
    expect(fenglin).toBeGreaterThan(0);
    const residents = table.locator('tr[data-figure="residents"] td');
    await expect.poll(() => residents.nth(fenglin - 1).textContent()).toBe('<5');
    expect(await table.locator('td', { hasText: '<5' }).count()).toBeGreaterThan(1);
    await checkBothLanguages(
      page,
      'admin-street-insights',
      () => page.locator('table.street-insights tbody tr').first().waitFor(),
      [['street.get'], ['auth.me']],
    );
  });

  it("verifies every community's ledger, and lists the street's moves", async () => {
    const { page } = session;
    await page.getByRole('navigation').getByRole('link', { name: 'Verify every ledger' }).click();
    await page.getByRole('main').getByRole('button', { name: 'Verify every ledger' }).click();
    await page.getByText('Every ledger of the street verifies.').waitFor();
    await expect
      .poll(() => page.locator('table.street-verify tbody tr[data-ok="true"]').count())
      .toBe(overview.communities.length + 1);
    await checkBothLanguages(
      page,
      'admin-street-verify',
      () => page.locator('table.street-verify tbody tr').first().waitFor(),
      [['street.get'], ['auth.me']],
    );

    await page.getByRole('navigation').getByRole('link', { name: 'Moving house' }).click();
    const moves = page.locator('table.street-moves tbody tr');
    await expect.poll(() => moves.count()).toBe(2);
    await moves.filter({ hasText: 'Done' }).getByTestId('move-amounts').waitFor();
    await moves.filter({ hasText: 'Proposed' }).waitFor();
  });

  it("lets Q's office accept the resident moving in from Wutong, with their points", async () => {
    const browser = await openBrowser();
    others.push(browser);
    const page = await browser.newPage();
    await signIn(page, session.service.url, 'office', '/moves');
    const officeToken = await apiToken(session.service.url, 'office');
    const before = await callApi(session.service.url, 'moves.list', { token: officeToken });
    const list = before.result?.data as MovesList;
    const incoming = list.incoming.find((move) => move.status === 'proposed');
    if (!incoming) throw new Error('the demo has no move waiting for Q');

    // The menu counts the residents waiting to move in, as it counts other waiting work.
    await page
      .getByRole('navigation')
      .getByRole('link', { name: /Moving house.*1 resident waiting to move in/ })
      .waitFor();
    const row = page
      .locator('table.moves-incoming tbody tr')
      .filter({ hasText: incoming.resident.name });
    await row.getByText('Proposed', { exact: true }).waitFor();
    await checkBothLanguages(
      page,
      'admin-moves',
      () => page.locator('table.moves-incoming tbody tr').first().waitFor(),
      [['moves.list'], ['auth.me']],
      officeToken,
    );

    await row.getByRole('button', { name: `Accept ${incoming.resident.name}` }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(/arrive here, on a new record and card/).waitFor();
    await dialog.getByLabel('Building here (if known)').fill('3');
    await dialog.getByRole('button', { name: 'Accept the move' }).click();
    await page
      .getByText(new RegExp(`${incoming.resident.name} has moved here\\. New card:`))
      .waitFor();
    await row.getByText('Done', { exact: true }).waitFor();
    const after = (await callApi(session.service.url, 'moves.list', { token: officeToken })).result
      ?.data as MovesList;
    const done = after.incoming.find((move) => move.id === incoming.id);
    expect(done).toMatchObject({ status: 'done' });
    expect(done?.points).toBeGreaterThanOrEqual(0);
    await expect
      .poll(() => row.getByTestId('move-amounts').textContent())
      .toContain(`${done?.points} pts`);
    await expect
      .poll(() => row.getByTestId('move-new-card').textContent())
      .toBe(done?.arrived?.cardNumber);
    expect(
      await page
        .getByRole('navigation')
        .getByRole('link', { name: /waiting to move in/ })
        .count(),
    ).toBe(0);

    // The Q resident who moved to Wutong: her page here says so, and offers no card actions.
    const gone = after.outgoing.find((move) => move.status === 'done');
    if (!gone) throw new Error('the demo has no done move out of Q');
    await page.goto(`${session.service.url}/admin/residents/${gone.resident.id}`);
    await expect
      .poll(() => page.getByTestId('resident-moved').textContent())
      .toContain(`moved to Wutong Community`);
    expect(await page.getByRole('button', { name: 'Reset PIN' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Move to another community' }).count()).toBe(0);
    await checkBothLanguages(
      page,
      'admin-resident-moved',
      () => page.getByTestId('resident-moved').waitFor(),
      [
        ['moves.list'],
        ['auth.me'],
        ['residents.get', { id: gone.resident.id }],
        ['ledger.journal', { residentId: gone.resident.id, limit: 50 }],
      ],
      officeToken,
    );

    // A resident still here can be proposed to move: the dialog asks, then asks again.
    await page.goto(`${session.service.url}/admin/residents`);
    await page.locator('main table tbody tr').first().getByRole('link').first().click();
    await page.getByRole('button', { name: 'Move to another community' }).click();
    await dialog.getByLabel('Moving to').selectOption({ label: 'Fenglin Community' });
    await dialog.getByRole('button', { name: 'Next' }).click();
    await dialog.getByTestId('move-confirm').waitFor();
    await screenshot(page, 'admin-propose-move.en');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(session.errors).toEqual([]);
    expect(offLanguage).toEqual([]);
  });

  async function checkBothLanguages(
    page: Page,
    name: string,
    ready: () => Promise<unknown>,
    answers: Answer[],
    as = token,
  ) {
    for (const language of ['en', 'zh'] as const) {
      if (language === 'zh') {
        await switchLanguage(page, 'zh');
        await ready();
      }
      await page.locator('.toast').first().waitFor({ state: 'detached' });
      await screenshot(page, `${name}.${language}`);
      expect(await seriousAccessibilityViolations(page), `${name} (${language})`).toEqual([]);
      const typed = await typedOnScreens(answers, as);
      const foreign = await wordsNotInLanguage(page, language, {
        allow: LATIN_ALLOWED_IN_CHINESE,
        typed,
      });
      if (foreign.length > 0) offLanguage.push(`${name}.${language}: ${foreign.join(' ')}`);
    }
    await switchLanguage(page, 'en');
    await ready();
  }

  /** Names and notes as people typed them, which the screens show as written. */
  async function typedOnScreens(answers: Answer[], as: string): Promise<string[]> {
    const found = await Promise.all(
      answers.map(([path, input]) => callApi(session.service.url, path, { token: as, input })),
    );
    return found.flatMap((answer) => typedTexts(answer.result?.data, TYPED));
  }
});
