import type { ServiceRecord } from '@tally/domain/service';
import { seriousAccessibilityViolations } from '@tally/e2e/axe';
import { LATIN_ALLOWED_IN_CHINESE, typedTexts, wordsNotInLanguage } from '@tally/e2e/language';
import { type RunningService, SERVICE_START_MS, startService } from '@tally/e2e/service';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  allowAxe,
  apiToken,
  callApi,
  openBrowser,
  screenshot,
  signedInSession,
  signIn,
  switchLanguage,
  TABLET,
  type Viewport,
} from './helpers';

type Language = 'en' | 'zh';
/**
 * A screen: where it is (or how to reach it from the page before), what to do on it before
 * the picture, and its file name.
 */
type Screen = {
  name: string;
  path?: string;
  reach?: (page: Page) => Promise<void>;
  act?: (page: Page) => Promise<void>;
};

const firstLink = (selector: string) => async (page: Page) => {
  await page.locator(selector).first().click();
};

const screensByRole: Record<'leader' | 'office' | 'auditor' | 'street', Screen[]> = {
  leader: [
    { name: 'leader-home', path: '/' },
    { name: 'organizations-mine', path: '/organizations' },
    { name: 'organization-members', reach: firstLink('tbody a[href*="/organizations/"]') },
    { name: 'log-hours', path: '/log-hours' },
    { name: 'records-mine', path: '/records' },
    { name: 'topics-leader', path: '/topics' },
    { name: 'not-allowed', path: '/approvals' },
  ],
  office: [
    { name: 'dashboard', path: '/' },
    { name: 'approvals', path: '/approvals' },
    { name: 'records', path: '/records' },
    { name: 'residents', path: '/residents' },
    { name: 'resident-detail', reach: firstLink('tbody a[href*="/residents/"]') },
    { name: 'member-card', reach: firstLink('a[href$="/card"]') },
    { name: 'import-choose', path: '/residents/import' },
    { name: 'organizations', path: '/organizations' },
    { name: 'rewards', path: '/rewards' },
    { name: 'redemptions', path: '/redemptions' },
    { name: 'goals', path: '/goals' },
    { name: 'rules', path: '/rules' },
    { name: 'staff', path: '/staff' },
    { name: 'kiosks', path: '/kiosks' },
    { name: 'community', path: '/community' },
    { name: 'journal', path: '/ledger' },
    { name: 'transaction', reach: firstLink('tbody a[href*="/ledger/transactions/"]') },
    { name: 'audit-log', path: '/audit' },
    { name: 'notices', path: '/notices' },
    { name: 'topics-list', path: '/topics' },
    { name: 'topic-detail', reach: firstLink('tbody a[href*="/topics/"]') },
    { name: 'corrections', path: '/corrections' },
    { name: 'certificates', path: '/certificates' },
    { name: 'reports', path: '/reports' },
    { name: 'poster', path: '/poster' },
    { name: 'moves', path: '/moves' },
  ],
  auditor: [
    { name: 'auditor-home', path: '/' },
    { name: 'verify', path: '/ledger/verify' },
    {
      name: 'verify-verified',
      act: async (page) => {
        await page.locator('.card .button-primary').click();
        await page.locator('.verdict').waitFor();
      },
    },
    { name: 'journal-auditor', path: '/ledger' },
    { name: 'topics-auditor', path: '/topics?stage=carried_out' },
    { name: 'topic-auditor', reach: firstLink('tbody a[href*="/topics/"]') },
  ],
  street: [
    { name: 'street-home', path: '/' },
    { name: 'street-insights', path: '/street/insights' },
    { name: 'street-verify', path: '/street/verify' },
    { name: 'street-moves', path: '/street/moves' },
    { name: 'street-reading-reports', path: '/reports' },
  ],
};

describe('every main screen, in both languages, looks finished and passes axe', () => {
  let service: RunningService;
  const offLanguage: string[] = [];

  /** What people typed or are called (the demo's names, activities, notes): shown as written. */
  let typed: string[] = [];

  beforeAll(async () => {
    service = await startService();
    const token = await apiToken(service.url, 'office');
    const lists: [string, unknown][] = [
      ['residents.list', { limit: 200 }],
      ['staff.list', undefined],
      ['service.list', { limit: 200 }],
      ['kiosks.list', undefined],
      ['redemptions.list', { limit: 200 }],
      ['corrections.list', { limit: 200 }],
      ['ledger.journal', { limit: 200 }],
      ['audit.list', { limit: 200 }],
      ['certificates.list', { limit: 200 }],
      ['topics.list', { limit: 200 }],
      ['moves.list', undefined],
    ];
    for (const [path, input] of lists) {
      const answer = await callApi(service.url, path, { token, input });
      typed.push(...typedTexts(answer.result?.data));
    }
    // A leader sees residents outside their organizations by masked names ("张*").
    const leader = await apiToken(service.url, 'leader');
    const invitations = await callApi(service.url, 'organizations.invitations', {
      token: leader,
      input: { limit: 200 },
    });
    typed.push(...typedTexts(invitations.result?.data));
    typed = [...new Set(typed)];
  }, SERVICE_START_MS);
  afterAll(async () => {
    await service?.stop();
  });

  for (const language of ['en', 'zh'] as const) {
    it(`shows the sign-in page in ${language}`, async () => {
      const browser = await openBrowser();
      const page = await browser.newPage();
      await allowAxe(page);
      await page.goto(`${service.url}/admin/`);
      if (language === 'zh') await switchLanguage(page, 'zh');
      await page.getByRole('heading', { level: 1 }).waitFor();
      await screenshot(page, `sign-in.${language}`);
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      const foreign = await wordsNotInLanguage(page, language, {
        allow: LATIN_ALLOWED_IN_CHINESE,
        typed,
      });
      if (foreign.length > 0) offLanguage.push(`sign-in.${language}: ${foreign.join(' ')}`);
      await browser.close();
    });

    for (const role of ['leader', 'office', 'auditor', 'street'] as const) {
      it(`shows the ${role}'s screens in ${language}`, async () => {
        await visitScreens({ role, language, screens: screensByRole[role] });
      });
    }
  }

  it('speaks the reader’s language on every screen: no English on a Chinese one, no Chinese on an English one', () => {
    expect(offLanguage).toEqual([]);
  });

  it('works on a tablet, the menu in a drawer', async () => {
    for (const language of ['en', 'zh'] as const) {
      await visitScreens({
        role: 'office',
        language,
        viewport: TABLET,
        screens: [{ name: 'tablet-approvals', path: '/approvals' }],
        after: async (page) => {
          await page.getByRole('button', { name: language === 'en' ? 'Menu' : '菜单' }).click();
          await page.waitForTimeout(300);
          await screenshot(page, `tablet-menu.${language}`, { fullPage: false });
        },
      });
      await visitScreens({
        role: 'leader',
        language,
        viewport: TABLET,
        screens: [{ name: 'tablet-log-hours', path: '/log-hours' }],
      });
    }
  });

  async function visitScreens({
    role,
    language,
    screens,
    viewport,
    after,
  }: {
    role: string;
    language: Language;
    screens: Screen[];
    viewport?: Viewport;
    after?: (page: Page) => Promise<void>;
  }) {
    const browser = await openBrowser(viewport);
    const page = await browser.newPage();
    await allowAxe(page);
    await signIn(page, service.url, role);
    if (language === 'zh') await switchLanguage(page, 'zh');
    for (const screen of screens) {
      if (screen.path) await page.goto(`${service.url}/admin${screen.path}`);
      else await screen.reach?.(page);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await screen.act?.(page);
      await screenshot(page, `${screen.name}.${language}`);
      const violations = await seriousAccessibilityViolations(page);
      expect(violations, `${screen.name} (${language})`).toEqual([]);
      const foreign = await wordsNotInLanguage(page, language, {
        // The import page names the literal values a file may hold, in both languages.
        allow: [
          ...LATIN_ALLOWED_IN_CHINESE,
          ...(screen.name === 'import-choose' ? ['yes', 'no', '是', '否'] : []),
        ],
        typed,
      });
      if (foreign.length > 0) offLanguage.push(`${screen.name}.${language}: ${foreign.join(' ')}`);
    }
    await after?.(page);
    await browser.close();
  }
});

describe('the list tables, on a 1440×900 office screen', () => {
  const session = signedInSession('office', {
    path: '/approvals',
    viewport: { width: 1440, height: 900 },
  });
  const page = () => session.page;
  const rows = () => page().locator('tbody tr');

  it('fits twenty and more pending records on the screen below the bar of actions, nothing spilling sideways', async () => {
    await rows().first().waitFor();
    expect(await rows().count()).toBeGreaterThanOrEqual(20);
    // The page header, filters and legend come first; the reviewer scrolls the list up under
    // the sticky bar of actions, and from there the rows should fill the screen.
    await page().evaluate(() => {
      const head = document.querySelector('thead');
      const bar = document.querySelector('.action-bar');
      if (!head || !bar) throw new Error('no table or action bar');
      head.scrollIntoView();
      window.scrollBy(0, head.getBoundingClientRect().top - bar.getBoundingClientRect().bottom);
    });
    const fit = await page().evaluate(() => {
      const barBottom = document.querySelector('.action-bar')?.getBoundingClientRect().bottom ?? 0;
      const inView = [...document.querySelectorAll('tbody tr')].filter((row) => {
        const box = row.getBoundingClientRect();
        return box.top >= barBottom && box.bottom <= window.innerHeight;
      });
      const heights = inView.map((row) => row.getBoundingClientRect().height).sort((a, b) => a - b);
      return {
        rows: inView.length,
        typicalHeight: heights[Math.floor(heights.length / 2)] ?? 0,
        sideways: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        tableSideways: [...document.querySelectorAll('.table-wrap')].map(
          (wrap) => wrap.scrollWidth - wrap.clientWidth,
        ),
      };
    });
    await screenshot(page(), 'approvals-1440x900.en', { fullPage: false });
    expect(fit.rows).toBeGreaterThanOrEqual(20);
    expect(fit.typicalHeight).toBeLessThanOrEqual(36);
    expect(fit.sideways).toBe(0);
    expect(fit.tableSideways).toEqual([0]);
  });

  it('sorts by a column at a click on its header, from the keyboard too', async () => {
    await page().evaluate(() => window.scrollTo(0, 0));
    const header = page().getByRole('columnheader', { name: 'Duration' });
    const minutes = async () =>
      (await page().locator('tbody tr td.number').allTextContents()).map((text) =>
        Number.parseFloat(text),
      );
    const sent = await minutes();
    await header.getByRole('button').click();
    expect(await header.getAttribute('aria-sort')).toBe('ascending');
    expect(await minutes()).toEqual([...sent].sort((a, b) => a - b));
    await header.getByRole('button').press('Enter');
    expect(await header.getAttribute('aria-sort')).toBe('descending');
    const longest = await minutes();
    expect(longest).toEqual([...sent].sort((a, b) => b - a));
    expect(longest[0]).toBeGreaterThan(longest.at(-1) ?? 0);

    const resident = page().getByRole('columnheader', { name: 'Resident' });
    await resident.getByRole('button').click();
    expect(await resident.getAttribute('aria-sort')).toBe('ascending');
    expect(await header.getAttribute('aria-sort')).toBeNull();
    const names = await page().locator('tbody tr td:nth-child(2)').allTextContents();
    expect(names).toEqual([...names].sort(new Intl.Collator('en').compare));
  });

  it('keeps only the rows holding what is typed in the search box, and says when none do', async () => {
    const first = await page().locator('tbody tr td:nth-child(2)').first().textContent();
    if (!first) throw new Error('no resident in the first row');
    const search = page().getByLabel('Find in this list');
    await search.fill(first);
    const names = await page().locator('tbody tr td:nth-child(2)').allTextContents();
    expect(names.length).toBeGreaterThan(0);
    expect(names.every((name) => name.includes(first))).toBe(true);
    await page()
      .getByText(/of \d+ rows match/)
      .waitFor();

    await search.fill('no such words anywhere');
    await page().getByText('No rows match “no such words anywhere”.').waitFor();
    expect(await page().locator('tbody tr').count()).toBe(0);
    await search.fill('');
    expect(await rows().count()).toBeGreaterThanOrEqual(20);
  });

  it('wraps an activity name of 100 characters without a space inside the table', async () => {
    const url = session.service.url;
    const token = await apiToken(url, 'office');
    // A member of an organization, as a record already pending names them.
    const pending = await callApi(url, 'service.list', {
      token,
      input: { status: 'pending', limit: 1 },
    });
    const [record] = (pending.result?.data as { items: ServiceRecord[] } | undefined)?.items ?? [];
    if (!record) throw new Error('no pending record');
    const title = 'Neighbourhood-volunteers-'.repeat(4);
    const logged = await callApi(url, 'service.log', {
      token,
      method: 'POST',
      input: {
        idempotencyKey: crypto.randomUUID(),
        organizationId: record.organization.id,
        residentIds: [record.resident.id],
        activity: { title, category: 'culture', place: 'Hall' },
        startedAt: new Date(Date.now() - 86_400_000).toISOString(),
        minutes: 60,
      },
    });
    expect(logged.error).toBeUndefined();
    await page().reload();
    await page().getByLabel('Find in this list').fill(title);
    await rows().first().waitFor();
    expect(await rows().count()).toBe(1);
    const sideways = await page().evaluate(() => {
      const wrap = document.querySelector('.table-wrap');
      return wrap ? wrap.scrollWidth - wrap.clientWidth : -1;
    });
    expect(sideways).toBe(0);
    expect(session.errors).toEqual([]);
  });
});
