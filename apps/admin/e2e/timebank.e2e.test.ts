import { randomUUID } from 'node:crypto';
import type { Cell, MotivationReport } from '@tally/domain/reports';
import type { CarePool, HelpRequest, HelpRequestPage } from '@tally/domain/timebank';
import { seriousAccessibilityViolations } from '@tally/e2e/axe';
import { LATIN_ALLOWED_IN_CHINESE, typedTexts, wordsNotInLanguage } from '@tally/e2e/language';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  apiToken,
  callApi,
  openBrowser,
  screenshot,
  signedInSession,
  signIn,
  switchLanguage,
} from './helpers';

/** What people typed or are called in the time bank's answers (a helper's name labels a claim). */
const TYPED = new Set([
  'name',
  'displayName',
  'username',
  'residentName',
  'requesterName',
  'helperName',
  'description',
  'place',
  'note',
  'reason',
  'cancelReason',
  'disputeReason',
  'resolution',
  'building',
]);

// The time bank in the office's hands, against the real service on a fresh demo database: the
// demo's disputed repair (the helper proposed 120 minutes, the requester says it took 30) is
// found in the list, and the office resolves it by confirming 30 minutes with a note; the claim
// then shows confirmed, with its transaction in the ledger. The care pool shows its balance and
// the rule. Every screen in English and in Chinese; leaders and auditors are kept out.
describe('the time bank, as the office runs it', () => {
  const session = signedInSession('office', { path: '/timebank', axe: true });
  const note = '双方电话确认：实际用时半小时。';
  let token = '';
  let disputed: HelpRequest;
  const offLanguage: string[] = [];

  beforeAll(async () => {
    token = await apiToken(session.service.url, 'office');
    const page = await api<HelpRequestPage>('timebank.list', { disputed: true, limit: 50 });
    const repair = page.items.find((request) => request.kind === 'repairs');
    if (!repair) throw new Error('the demo has no disputed repair');
    disputed = repair;
  });

  async function api<T>(path: string, input?: unknown): Promise<T> {
    const answer = await callApi(session.service.url, path, { token, input });
    if (!answer.result) throw new Error(`${path} failed: ${JSON.stringify(answer.error)}`);
    return answer.result.data as T;
  }

  it('lists the demo’s requests, flags the dispute, and filters to it', async () => {
    const { page } = session;
    await page.getByRole('heading', { name: 'Time bank', level: 1 }).waitFor();
    await page.locator('tbody tr').first().waitFor();
    await expect.poll(() => page.locator('tbody tr').count()).toBeGreaterThan(3);
    await page.locator('tbody tr.help-disputed').first().waitFor();
    // The menu counts the requests in dispute, as it counts records waiting for approval.
    await page
      .getByRole('navigation')
      .getByRole('link', { name: /Time bank.*1 request in dispute/ })
      .waitFor();
    await page.getByLabel('Only those in dispute').check();
    await expect.poll(() => page.url()).toContain('disputed=1');
    await expect
      .poll(() => page.locator('tbody tr').count())
      .toBe(
        (await api<HelpRequestPage>('timebank.list', { disputed: true, limit: 50 })).items.length,
      );
    await page.locator('tbody tr.help-disputed').first().waitFor();
    await checkBothLanguages(page, 'admin-timebank-requests', async () => {
      await page.locator('tbody tr.help-disputed').first().waitFor();
    });
  });

  it('resolves the disputed repair by confirming 30 minutes with a note', async () => {
    const { page } = session;
    await page.goto(`${session.service.url}/admin/timebank/${disputed.id}`);
    await page.getByRole('heading', { name: 'Small repairs', level: 1 }).waitFor();
    await page.getByText(/time is in dispute: the office decides/).waitFor();
    const claim = page.locator('[data-testid="help-claim"].help-claim-disputed');
    await expect.poll(() => claim.getByTestId('claim-proposed').textContent()).toBe('120 min');
    await checkBothLanguages(page, 'admin-timebank-dispute', async () => {
      await page.getByTestId('claim-proposed').waitFor();
    });

    await claim.getByRole('button', { name: 'Resolve the dispute' }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.getByLabel('Minutes it took').inputValue()).toBe('120');
    await dialog.getByLabel('Minutes it took').fill('30');
    await dialog.getByLabel('Note').fill(note);
    await dialog.getByRole('button', { name: 'Decide' }).click();
    await page.getByText('Dispute resolved: 30 min confirmed.').waitFor();

    const settled = page.getByTestId('help-claim').filter({ hasText: note });
    await settled.getByText('Confirmed', { exact: true }).first().waitFor();
    await expect.poll(() => settled.getByTestId('claim-minutes').textContent()).toBe('30 min');
    await expect.poll(() => settled.getByTestId('claim-resolution').textContent()).toBe(note);
    const after = await api<HelpRequest>('timebank.get', { id: disputed.id });
    const confirmed = after.claims.find((each) => each.resolution === note);
    expect(confirmed).toMatchObject({ status: 'confirmed', minutes: 30 });
    expect(confirmed?.transactionId).toBeTruthy();
    await checkBothLanguages(page, 'admin-timebank-resolved', async () => {
      await page.getByTestId('claim-minutes').first().waitFor();
    });

    // The transaction is in the ledger: 30 minutes of time credit.
    await settled.getByRole('link', { name: 'Open the transaction' }).click();
    await page.getByRole('heading', { name: /^Transaction #\d+$/ }).waitFor();
    expect(page.url()).toContain(`/ledger/transactions/${confirmed?.transactionId}`);
    await page.getByText('Time credit (minutes)').first().waitFor();
  });

  it('shows the care pool’s balance and its rule', async () => {
    const { page } = session;
    await page.goto(`${session.service.url}/admin/timebank/pool`);
    const pool = await api<CarePool>('timebank.pool');
    expect(pool.rule.minAge).toBe(75);
    await expect
      .poll(() => page.getByTestId('pool-balance').textContent())
      .toBe(`${pool.balance.toLocaleString('en-GB')} min`);
    await expect
      .poll(() => page.getByTestId('pool-rule').textContent())
      .toBe('Residents aged 75 or older, and those on the care list');
    await checkBothLanguages(page, 'admin-timebank-pool', async () => {
      await page.getByTestId('pool-rule').waitFor();
    });
  });

  it('shows the time bank beside service in the motivation report, as the API counts it', async () => {
    const { page } = session;
    await page.goto(`${session.service.url}/admin/reports/motivation`);
    const report = await api<MotivationReport>('insights.motivation', { last: 'last_365_days' });
    const shown = (cell: Cell) => (typeof cell === 'number' ? cell.toLocaleString('en-GB') : cell);
    const { exchanges, helpers } = report.timeBank;
    await page
      .getByRole('heading', { name: 'Neighbours helping neighbours (time bank)' })
      .waitFor();
    await expect
      .poll(() => page.getByTestId('time-bank-figures').textContent())
      .toContain(`${shown(exchanges)} exchanges by ${shown(helpers)} helpers`);
    await checkBothLanguages(page, 'admin-timebank-report', async () => {
      await page.getByTestId('time-bank-figures').waitFor();
    });
    expect(offLanguage).toEqual([]);
    expect(session.errors).toEqual([]);
  });

  it('keeps leaders and auditors out, by address too, and the service refuses them', async () => {
    const { service } = session;
    for (const username of ['auditor', 'leader']) {
      const browser = await openBrowser();
      const page = await browser.newPage();
      await signIn(page, service.url, username, '/timebank');
      await page.getByRole('heading', { name: 'Not allowed' }).waitFor();
      await page.goto(`${service.url}/admin/timebank/pool`);
      await page.getByRole('heading', { name: 'Not allowed' }).waitFor();
      expect(
        await page.getByRole('navigation').getByRole('link', { name: 'Time bank' }).count(),
      ).toBe(0);
      await browser.close();
      const refusedToken = await apiToken(service.url, username);
      const list = await callApi(service.url, 'timebank.list', {
        token: refusedToken,
        input: {},
      });
      expect(list.error?.data?.domainCode, username).toBe('FORBIDDEN');
      const grant = await callApi(service.url, 'timebank.grant', {
        token: refusedToken,
        method: 'POST',
        input: { idempotencyKey: randomUUID(), minutes: 60 },
      });
      expect(grant.error?.data?.domainCode, username).toBe('FORBIDDEN');
    }
  });

  /** A screenshot, axe and the language check in English, then the same in Chinese. */
  async function checkBothLanguages(page: Page, name: string, ready: () => Promise<void>) {
    for (const language of ['en', 'zh'] as const) {
      if (language === 'zh') {
        await switchLanguage(page, 'zh');
        await ready();
      }
      // A toast in the other language is not part of the screen being checked.
      await page.locator('.toast').first().waitFor({ state: 'detached' });
      await screenshot(page, `${name}.${language}`);
      expect(await seriousAccessibilityViolations(page), `${name} (${language})`).toEqual([]);
      const typed = await typedOnScreens();
      const foreign = await wordsNotInLanguage(page, language, {
        allow: LATIN_ALLOWED_IN_CHINESE,
        typed,
      });
      if (foreign.length > 0) offLanguage.push(`${name}.${language}: ${foreign.join(' ')}`);
    }
    await switchLanguage(page, 'en');
    await ready();
  }

  /** Names, descriptions and places as people typed them, which the screens show as written. */
  async function typedOnScreens(): Promise<string[]> {
    const answers = await Promise.all([
      callApi(session.service.url, 'timebank.list', { token, input: { limit: 100 } }),
      callApi(session.service.url, 'timebank.careList', { token }),
      callApi(session.service.url, 'staff.list', { token }),
    ]);
    return answers.flatMap((answer) => typedTexts(answer.result?.data, TYPED));
  }
});
