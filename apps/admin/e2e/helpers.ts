import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { collectPageErrors, launchBrowser } from '@tally/e2e/browser';
import { directUrl, type RunningService, SERVICE_START_MS, startService } from '@tally/e2e/service';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

export const PASSWORD = 'tally-demo';

const screenshots = fileURLToPath(new URL('../e2e-output/screenshots/', import.meta.url));
mkdirSync(screenshots, { recursive: true });

export type Viewport = { width: number; height: number };
export const LAPTOP: Viewport = { width: 1280, height: 800 };
export const TABLET: Viewport = { width: 820, height: 1180 };

/** A fresh browser profile in English (the app follows the browser's language at first). */
export async function openBrowser(viewport: Viewport = LAPTOP): Promise<BrowserContext> {
  return launchBrowser({ viewport, locale: 'en-GB' });
}

/**
 * The service's Content-Security-Policy forbids inline scripts, and the axe helper injects one;
 * for accessibility checks only, tell Chromium to set the policy aside (before navigating).
 */
export async function allowAxe(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Page.setBypassCSP', { enabled: true });
}

/** Signs in through the form, as a person would, and waits for the signed-in shell. */
export async function signIn(page: Page, baseUrl: string, username: string, path = '/') {
  await page.goto(`${baseUrl}/admin${path}`);
  await page.getByLabel('User name').fill(username);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
  // Tests open Tally as an office does, over plain HTTP by a LAN name: not a secure context.
  if (await page.evaluate(() => window.isSecureContext)) {
    throw new Error(
      `${baseUrl} is a secure context; browser tests must open the office's LAN name`,
    );
  }
}

type SessionOptions = {
  /** Where the sign-in form leads once signed in. */
  path?: string;
  viewport?: Viewport;
  /** Lets the page run axe checks (see `allowAxe`), from before its first navigation. */
  axe?: boolean;
};

export type SignedInSession = {
  readonly service: RunningService;
  readonly browser: BrowserContext;
  readonly page: Page;
  /** Errors the page threw; a file ends by expecting none. */
  readonly errors: string[];
};

/**
 * A describe block's own service on a fresh demo database and one browser page, signed in as
 * `username` at `path` before the first test and closed after the last. Call it in the
 * describe body; its getters work from the first test on.
 */
export function signedInSession(
  username: string,
  { path = '/', viewport = LAPTOP, axe = false }: SessionOptions = {},
): SignedInSession {
  let service: RunningService | undefined;
  let browser: BrowserContext | undefined;
  let page: Page | undefined;
  const errors: string[] = [];

  beforeAll(async () => {
    service = await startService();
    browser = await openBrowser(viewport);
    page = await browser.newPage();
    collectPageErrors(page, errors);
    if (axe) await allowAxe(page);
    await signIn(page, service.url, username, path);
  }, SERVICE_START_MS);

  afterAll(async () => {
    await browser?.close();
    await service?.stop();
  });

  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('The signed-in session is not set up (yet).');
    return value;
  };
  return {
    get service() {
      return ready(service);
    },
    get browser() {
      return ready(browser);
    },
    get page() {
      return ready(page);
    },
    errors,
  };
}

export async function switchLanguage(page: Page, language: 'zh' | 'en') {
  await page
    .getByRole('button', { name: language === 'zh' ? '中文' : 'English', exact: true })
    .click();
}

/** Waits until nothing is loading, then saves a full-page screenshot. */
export async function screenshot(page: Page, name: string, { fullPage = true } = {}) {
  await page.waitForLoadState('networkidle');
  await page
    .locator('.spinner')
    .first()
    .waitFor({ state: 'detached', timeout: 10_000 })
    .catch(() => {});
  // Sticky bars are drawn where the page is scrolled to; a full page starts at the top.
  if (fullPage) await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${screenshots}${name}.png`, fullPage });
}

/** A screenshot of what is on screen this moment (e.g. a progress bar mid-way), no waiting. */
export async function screenshotNow(page: Page, name: string) {
  await page.screenshot({ path: `${screenshots}${name}.png` });
}

/** Calls the API directly (plain JSON over HTTP), e.g. to prove the server refuses on its own. */
/** Q Community's id, which a phone's sign-in names now that the demo street holds three. */
export async function demoCommunityId(baseUrl: string): Promise<string> {
  const answer = await callApi(baseUrl, 'me.communities');
  const communities = (answer.result?.data ?? []) as { id: string; name: { en: string } }[];
  const q = communities.find((community) => community.name.en === 'Q Community');
  if (!q) throw new Error('The demo has no Q Community.');
  return q.id;
}

export async function callApi(
  baseUrl: string,
  path: string,
  {
    token,
    input,
    method = 'GET',
  }: { token?: string; input?: unknown; method?: 'GET' | 'POST' } = {},
) {
  const query =
    method === 'GET' && input !== undefined
      ? `?input=${encodeURIComponent(JSON.stringify(input))}`
      : '';
  const response = await fetch(`${directUrl(baseUrl)}/trpc/${path}${query}`, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    ...(method === 'POST' ? { body: JSON.stringify(input ?? {}) } : {}),
  });
  return (await response.json()) as {
    result?: { data: unknown };
    error?: { data?: { domainCode?: string } };
  };
}

export async function apiToken(baseUrl: string, username: string): Promise<string> {
  const answer = await callApi(baseUrl, 'auth.login', {
    method: 'POST',
    input: { username, password: PASSWORD },
  });
  const data = answer.result?.data as { token: string } | undefined;
  if (!data) throw new Error(`${username} could not sign in: ${JSON.stringify(answer.error)}`);
  return data.token;
}

/** "YYYY-MM-DD" for a day relative to today, in local time (what a date input takes). */
export function localDay(offsetDays: number): string {
  const date = new Date();
  date.setDate(date.getDate() + offsetDays);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
