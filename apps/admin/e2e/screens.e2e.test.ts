import { seriousAccessibilityViolations } from '@tally/e2e/axe';
import { type RunningService, SERVICE_START_MS, startService } from '@tally/e2e/service';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  allowAxe,
  openBrowser,
  screenshot,
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

const screensByRole: Record<'leader' | 'office' | 'auditor', Screen[]> = {
  leader: [
    { name: 'leader-home', path: '/' },
    { name: 'organizations-mine', path: '/organizations' },
    { name: 'organization-members', reach: firstLink('tbody a[href*="/organizations/"]') },
    { name: 'log-hours', path: '/log-hours' },
    { name: 'records-mine', path: '/records' },
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
    { name: 'journal', path: '/ledger' },
    { name: 'transaction', reach: firstLink('tbody a[href*="/ledger/transactions/"]') },
    { name: 'audit-log', path: '/audit' },
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
  ],
};

describe('every main screen, in both languages, looks finished and passes axe', () => {
  let service: RunningService;

  beforeAll(async () => {
    service = await startService();
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
      await browser.close();
    });

    for (const role of ['leader', 'office', 'auditor'] as const) {
      it(`shows the ${role}'s screens in ${language}`, async () => {
        await visitScreens({ role, language, screens: screensByRole[role] });
      });
    }
  }

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
    }
    await after?.(page);
    await browser.close();
  }
});
