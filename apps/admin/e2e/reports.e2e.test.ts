import { readFile } from 'node:fs/promises';
import { seriousAccessibilityViolations } from '@tally/e2e/axe';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  apiToken,
  callApi,
  openBrowser,
  screenshot,
  signedInSession,
  signIn,
  switchLanguage,
  TABLET,
} from './helpers';

type Cell = number | '<5';
type Structure = { participants: Cell; period: { from: string; to: string } };
type Organization = { id: string; name: { zh: string; en: string } };

// The participation reports as the office reads them on the demo community: every figure the
// page shows is checked against the API asked for the same period and organization.
describe('the participation reports', () => {
  const session = signedInSession('office', { path: '/reports', axe: true });
  let token: string;

  beforeAll(async () => {
    token = await apiToken(session.service.url, 'office');
  });

  async function api<T>(path: string, input: unknown): Promise<T> {
    const answer = await callApi(session.service.url, path, { token, input });
    if (!answer.result) throw new Error(`${path} failed: ${JSON.stringify(answer.error)}`);
    return answer.result.data as T;
  }

  const stat = (label: string) =>
    session.page
      .locator('.stat')
      .filter({ has: session.page.getByText(label, { exact: true }) })
      .locator('.stat-value');
  const tabs = () => session.page.getByRole('navigation', { name: 'Reports' });
  const shown = (cell: Cell) => (typeof cell === 'number' ? cell.toLocaleString('en-GB') : cell);

  it('opens on who takes part, with figures the API confirms and a sentence about who is missing', async () => {
    await session.page.getByRole('heading', { name: 'Participation reports' }).waitFor();
    await expect
      .poll(() => tabs().getByRole('link', { name: 'Who takes part' }).getAttribute('aria-current'))
      .toBe('page');
    const report = await api<Structure>('insights.structure', { last: 'last_365_days' });
    expect(typeof report.participants).toBe('number');
    await expect.poll(() => stat('Participants').textContent()).toBe(shown(report.participants));

    const callout = session.page.getByRole('region', { name: 'Who is missing' });
    await expect.poll(() => callout.getByRole('listitem').count()).toBeGreaterThan(0);
    expect(await callout.getByRole('listitem').first().textContent()).toMatch(
      /(are \d+% of residents but \d+% of participants|fewer than five of them took part)/,
    );
    // The age table reads as text; the month chart carries its figures in its label.
    const ages = session.page.getByRole('table', {
      name: 'Residents and participants by age band',
    });
    expect(await ages.getByRole('row').count()).toBeGreaterThan(3);
    expect(
      await session.page
        .getByRole('img', { name: /^Column chart of new participants per month/ })
        .count(),
    ).toBe(1);
    await session.page.getByText('means fewer than five residents').waitFor();
    expect(await seriousAccessibilityViolations(session.page)).toEqual([]);
  });

  it('changes the figures with the period and the organization, and keeps them in the address', async () => {
    const year = await api<Structure>('insights.structure', { last: 'last_365_days' });
    const month = await api<Structure>('insights.structure', { last: 'last_30_days' });
    expect(month.participants).not.toEqual(year.participants);
    await session.page.getByLabel('Period', { exact: true }).selectOption('30d');
    await expect.poll(() => stat('Participants').textContent()).toBe(shown(month.participants));
    expect(session.page.url()).toContain('period=30d');

    const organizations = await api<Organization[]>('organizations.list', undefined);
    const sunshine = organizations.find((o) => o.name.en === 'Sunshine Volunteers');
    if (!sunshine) throw new Error('the demo community has no Sunshine Volunteers');
    const theirs = await api<Structure>('insights.structure', {
      last: 'last_30_days',
      organizationId: sunshine.id,
    });
    expect(theirs.participants).not.toEqual(month.participants);
    await session.page.getByLabel('Organization').selectOption(sunshine.id);
    await expect.poll(() => stat('Participants').textContent()).toBe(shown(theirs.participants));
    expect(session.page.url()).toContain(`organization=${sunshine.id}`);
    await session.page.getByText(`${sunshine.name}.`, { exact: false }).first().waitFor();

    // The address alone reproduces the view.
    await session.page.reload();
    await expect.poll(() => stat('Participants').textContent()).toBe(shown(theirs.participants));
    expect(await session.page.getByLabel('Period', { exact: true }).inputValue()).toBe('30d');
  });

  it('downloads the shown report as CSV, with the same filters and the same figures', async () => {
    const [file] = await Promise.all([
      session.page.waitForEvent('download'),
      session.page.getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    // The service counts the 30 days back from the community's today (the browser's may differ).
    const { period } = await api<Structure>('insights.structure', { last: 'last_30_days' });
    expect(file.suggestedFilename()).toBe(`structure-${period.from}-${period.to}.csv`);
    const lines = (await readFile(await file.path(), 'utf8')).split('\r\n');
    expect(lines[0]).toBe('\uFEFFSection,Item,Measure,Value');
    const participants = lines.find((line) => line.startsWith('Participants,'));
    expect(participants).toBe(`Participants,,,${await stat('Participants').textContent()}`);
    await session.page.getByText(/^structure-.*\.csv downloaded\.$/).waitFor();
    await session.page.goto(`${session.service.url}/admin/reports`);
  });

  it('shows each report with its charts, in English and Chinese', async () => {
    const reports = [
      { tab: 'Who takes part', name: 'structure', check: 'Who is missing' },
      { tab: 'First steps', name: 'willingness', check: 'From resident to regular' },
      { tab: 'Motivation', name: 'motivation', check: 'What happened to the points earned' },
      { tab: 'Organizations', name: 'organizations', check: 'How each organization is doing' },
    ];
    for (const { tab, name, check } of reports) {
      await tabs().getByRole('link', { name: tab }).click();
      await session.page.getByRole('heading', { name: check }).waitFor();
      expect(session.page.url()).toContain(`/reports/${name}`);
      expect(await seriousAccessibilityViolations(session.page)).toEqual([]);
      await screenshot(session.page, `reports-${name}.en`);
      await switchLanguage(session.page, 'zh');
      await session.page.getByRole('heading', { name: '参与报告' }).waitFor();
      await screenshot(session.page, `reports-${name}.zh`);
      await switchLanguage(session.page, 'en');
    }
  });

  it('says plainly when a chosen period has too little in it, and refuses a backwards one', async () => {
    await session.page.goto(
      `${session.service.url}/admin/reports?period=custom&from=2020-01-01&to=2020-01-31`,
    );
    await session.page
      .getByRole('heading', { name: 'Too little to report in this period' })
      .waitFor();
    expect(await session.page.locator('.report-columns, .report-group-bar').count()).toBe(0);
    await screenshot(session.page, 'reports-empty.en');
    await session.page.getByLabel('To', { exact: true }).fill('2019-12-01');
    await session.page.getByText('The last day must not come before the first.').waitFor();
    await session.page.getByText('Choose the first and the last day of the period').waitFor();
  });

  it('fits a tablet, in Chinese', async () => {
    const tablet = await openBrowser(TABLET);
    try {
      const tabletPage = await tablet.newPage();
      await signIn(tabletPage, session.service.url, 'office', '/reports');
      await switchLanguage(tabletPage, 'zh');
      await tabletPage.getByRole('heading', { name: '哪些居民参与偏少' }).waitFor();
      const overflow = await tabletPage.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBe(0);
      await screenshot(tabletPage, 'reports-structure.tablet.zh');
    } finally {
      await tablet.close();
    }
  });

  it('shows the first steps as a funnel with the API’s figures', async () => {
    await session.page.goto(`${session.service.url}/admin/reports/willingness?period=90d`);
    const report = await api<{ funnel: { residents: Cell; servedOnce: Cell } }>(
      'insights.willingness',
      { last: 'last_90_days' },
    );
    const funnel = session.page.getByRole('list', { name: 'From resident to regular' });
    await expect
      .poll(() => funnel.getByRole('listitem').nth(1).textContent())
      .toContain(`Served at least once${shown(report.funnel.servedOnce)}`);
  });

  it('marks an organization whose leader has not logged for a long time', async () => {
    await session.page.goto(`${session.service.url}/admin/reports/organizations`);
    const report = await api<{
      organizations: { name: { zh: string; en: string }; daysSinceLeaderLogged: number | null }[];
    }>('insights.organizations', { last: 'last_365_days' });
    const quiet = report.organizations.find((o) => (o.daysSinceLeaderLogged ?? 999) >= 30);
    if (!quiet) throw new Error('the demo community has no quiet organization');
    const row = session.page.getByRole('row', { name: new RegExp(`^${literally(quiet.name.en)}`) });
    await row.waitFor();
    expect(await row.getAttribute('class')).toContain('report-row-dormant');
    expect(await row.getByRole('img').getAttribute('aria-label')).toMatch(/^Hours per month for /);
    expect(session.errors).toEqual([]);
  });

  it('opens for an auditor, and tells a leader it is not allowed', async () => {
    const other = await openBrowser();
    try {
      const auditorPage = await other.newPage();
      await signIn(auditorPage, session.service.url, 'auditor', '/reports/motivation');
      await auditorPage
        .getByRole('heading', { name: 'What happened to the points earned' })
        .waitFor();
      await auditorPage.getByRole('button', { name: 'Sign out' }).click();
      await auditorPage.getByLabel('User name').waitFor();
      await signIn(auditorPage, session.service.url, 'leader', '/reports');
      await auditorPage.getByRole('heading', { name: 'Not allowed' }).waitFor();
      expect(
        await auditorPage.getByRole('heading', { name: 'Participation reports' }).count(),
      ).toBe(0);
    } finally {
      await other.close();
    }
  });
});

function literally(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
