import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { seriousAccessibilityViolations } from '@tally/e2e/axe';
import { collectPageErrors, launchBrowser } from '@tally/e2e/browser';
import { LATIN_ALLOWED_IN_CHINESE, typedTexts, wordsNotInLanguage } from '@tally/e2e/language';
import { directUrl } from '@tally/e2e/service';
import type { BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { en } from '../src/i18n/en';
import { zh } from '../src/i18n/zh';

export type Language = 'en' | 'zh';
/** The app's own strings, so the tests find buttons by what a resident reads. */
export const text = { en, zh };

export const DEMO_TOKEN = 'demo-kiosk-token';
export const PIN = '1234';

export const LANDSCAPE = { width: 1920, height: 1080 };
export const PORTRAIT = { width: 1080, height: 1920 };

const screenshots = fileURLToPath(new URL('../e2e-output/screenshots/', import.meta.url));
mkdirSync(screenshots, { recursive: true });

/** A fresh kiosk browser; the service's CSP is set aside only so axe can be injected. */
export async function openKioskBrowser(viewport = LANDSCAPE): Promise<BrowserContext> {
  return launchBrowser({ viewport, locale: 'zh-CN' });
}

/** A new page of the kiosk browser; what goes wrong on it lands in `errors`. */
export async function newKioskPage(browser: BrowserContext, errors: string[] = []): Promise<Page> {
  const page = await browser.newPage();
  collectPageErrors(page, errors);
  const cdp = await browser.newCDPSession(page);
  await cdp.send('Page.setBypassCSP', { enabled: true });
  return page;
}

/** Opens the kiosk as the office sets it up: the device token in the address, once. */
export async function openKiosk(
  page: Page,
  baseUrl: string,
  { language, idle }: { language: Language; idle?: number },
) {
  const params = new URLSearchParams({ token: DEMO_TOKEN, lang: language });
  if (idle) params.set('idle', String(idle));
  await page.goto(`${baseUrl}/kiosk/?${params}`);
  await page.getByRole('button', { name: new RegExp(text[language].idle.start) }).waitFor();
  // Kiosks open Tally over plain HTTP by the office's LAN name: not a secure context.
  if (await page.evaluate(() => window.isSecureContext)) {
    throw new Error(
      `${baseUrl} is a secure context; browser tests must open the office's LAN name`,
    );
  }
  await page.locator('.figure-value, .figure-none').first().waitFor();
}

async function tap(page: Page, name: string) {
  await page.getByRole('button', { name, exact: true }).click();
}

/** Start, the card number on the keypad (ABC for its letter), then the PIN on the PIN pad. */
export async function identify(
  page: Page,
  { card, pin = PIN, language }: { card: string; pin?: string; language: Language },
) {
  const t = text[language];
  // The idle screen settles (its figures loaded) before a resident's tap, as it does in front of
  // a resident: a tap while it was still coming back from a sign-out went nowhere under load.
  await page.locator('.figure-value, .figure-none').first().waitFor();
  await page.getByRole('button', { name: new RegExp(t.idle.start) }).click();
  await page.getByRole('button', { name: t.keypad.lettersLabel, exact: true }).waitFor();
  await typeCard(page, card, language);
  await tap(page, t.common.next);
  await typePin(page, pin, language);
}

export async function typeCard(page: Page, card: string, language: Language) {
  for (const char of card) {
    if (/[A-Z]/.test(char)) await tap(page, text[language].keypad.lettersLabel);
    await tap(page, char);
  }
}

export async function typePin(page: Page, pin: string, language: Language) {
  for (const digit of pin) await tap(page, digit);
  await tap(page, text[language].common.ok);
}

/** The balance in the header, as a number. */
export async function headerPoints(page: Page): Promise<number> {
  const shown = (await page.getByTestId('balance-points').textContent()) ?? '';
  return Number(shown.replace(/[^\d]/g, ''));
}

/** The main flow must fit the screen: nothing to scroll, nothing cut off. */
export async function expectNoScrolling(page: Page, name: string) {
  const overflow = await page.evaluate(() => {
    const main = document.querySelector('.screen-main');
    const root = document.documentElement;
    return {
      main: main ? main.scrollHeight - main.clientHeight : 0,
      page: root.scrollHeight - root.clientHeight,
      sideways: root.scrollWidth - root.clientWidth,
    };
  });
  expect(overflow, `${name} scrolls`).toEqual({ main: 0, page: 0, sideways: 0 });
}

/** Touch targets of at least 48 px each way, and no visible text under 20 px. */
export async function expectErgonomics(page: Page, name: string) {
  const problems = await page.evaluate(() => {
    const found: string[] = [];
    const visible = (el: Element) => {
      const box = el.getBoundingClientRect();
      return box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== 'hidden';
    };
    for (const el of document.querySelectorAll('button, input, a[href]')) {
      if (!visible(el)) continue;
      const box = el.getBoundingClientRect();
      if (box.width < 48 || box.height < 48) {
        found.push(`target ${Math.round(box.width)}×${Math.round(box.height)}: ${el.textContent}`);
      }
    }
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || !node.textContent?.trim() || !visible(parent)) continue;
      if (parent.closest('.visually-hidden')) continue;
      const size = Number.parseFloat(getComputedStyle(parent).fontSize);
      if (size < 20) found.push(`text ${size}px: ${node.textContent.trim()}`);
    }
    return found;
  });
  expect(problems, name).toEqual([]);
}

export async function screenshot(page: Page, name: string) {
  // Let a just-changed screen settle (fonts, the last fetch) before it is kept.
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: `${screenshots}${name}.png` });
}

/**
 * A screenshot, the no-scrolling check, an axe check of one screen, and that it speaks only the
 * resident's language (names and what people typed are shown as written).
 */
export async function checkScreen(page: Page, name: string, { axe = true, fits = true } = {}) {
  await screenshot(page, name);
  if (fits) await expectNoScrolling(page, name);
  await expectErgonomics(page, name);
  if (axe) expect(await seriousAccessibilityViolations(page), name).toEqual([]);
  const lang = await page.evaluate(() => document.documentElement.lang);
  const language = lang.startsWith('zh') ? 'zh' : 'en';
  // A pickup code (letters only, as often as not) is a code, also inside the QR code's label.
  const codes = await page.locator('[data-testid="pickup-code"]').allTextContents();
  const typed = [
    ...(await typedInService(new URL(page.url()).origin)),
    ...codes.map((code) => code.trim()),
  ];
  const foreign = await wordsNotInLanguage(page, language, {
    allow: LATIN_ALLOWED_IN_CHINESE,
    typed,
  });
  expect(foreign, `${name}: words not in ${language}`).toEqual([]);
}

const typedByService = new Map<string, Promise<string[]>>();

/** What people typed or are called in the service's data, read once per service as the office. */
function typedInService(origin: string): Promise<string[]> {
  const known = typedByService.get(origin);
  if (known) return known;
  const found = (async () => {
    const base = directUrl(origin);
    const call = async (path: string, input?: unknown, token?: string) => {
      const query =
        input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
      const response = await fetch(`${base}/trpc/${path}${query}`, {
        ...(token ? { headers: { authorization: `Bearer ${token}` } } : {}),
      });
      return ((await response.json()) as { result?: { data: unknown } }).result?.data;
    };
    const login = await fetch(`${base}/trpc/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'office', password: 'tally-demo' }),
    });
    const { token } = ((await login.json()) as { result: { data: { token: string } } }).result.data;
    const typed: string[] = [];
    for (const path of [
      'residents.list',
      'service.list',
      'corrections.list',
      'redemptions.list',
      'activities.list',
    ])
      typed.push(...typedTexts(await call(path, { limit: 200 }, token)));
    return typed;
  })();
  typedByService.set(origin, found);
  return found;
}

/** A demo staff member's calls to the service, as the admin app makes them. */
export async function staffApi(baseUrl: string, username = 'office') {
  const call = async (path: string, init: RequestInit = {}, token?: string) => {
    const response = await fetch(`${directUrl(baseUrl)}/trpc/${path}`, {
      ...init,
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...init.headers,
      },
    });
    const body = (await response.json()) as { result?: { data: unknown }; error?: unknown };
    if (!body.result) throw new Error(`${path}: ${JSON.stringify(body.error)}`);
    return body.result.data;
  };
  const { token } = (await call('auth.login', {
    method: 'POST',
    body: JSON.stringify({ username, password: 'tally-demo' }),
  })) as { token: string };
  return {
    query: <T>(path: string, input?: unknown) =>
      call(
        input === undefined ? path : `${path}?input=${encodeURIComponent(JSON.stringify(input))}`,
        {},
        token,
      ) as Promise<T>,
    mutate: <T>(path: string, input: unknown) =>
      call(path, { method: 'POST', body: JSON.stringify(input) }, token) as Promise<T>,
  };
}

/** The card numbers of the members of the demo leader's team, read as the leader over the API. */
export async function sunshineMemberCards(baseUrl: string): Promise<string[]> {
  const call = async (path: string, init: RequestInit = {}) => {
    const response = await fetch(`${directUrl(baseUrl)}/trpc/${path}`, {
      ...init,
      headers: { 'content-type': 'application/json', ...init.headers },
    });
    return ((await response.json()) as { result: { data: unknown } }).result.data;
  };
  const { token } = (await call('auth.login', {
    method: 'POST',
    body: JSON.stringify({ username: 'leader', password: 'tally-demo' }),
  })) as { token: string };
  const auth = { authorization: `Bearer ${token}` };
  const [team] = (await call('organizations.list', { headers: auth })) as { id: string }[];
  const input = encodeURIComponent(JSON.stringify({ organizationId: team?.id, limit: 200 }));
  const members = (await call(`organizations.members?input=${input}`, { headers: auth })) as {
    items: { cardNumber: string }[];
  };
  return members.items.map((member) => member.cardNumber);
}

/**
 * The office puts the demo kiosk at an activity's door (activity mode), or with null back to
 * its usual screens. The demo starts it at the door of the activity running now.
 */
export async function setDemoKioskActivity(baseUrl: string, activityId: string | null) {
  const office = await staffApi(baseUrl);
  const kiosks = await office.query<{ id: string; name: string }[]>('kiosks.list');
  const demo = kiosks.find((kiosk) => kiosk.name === '社区办公室自助机');
  if (!demo) throw new Error('the demo has no kiosk');
  await office.mutate('kiosks.setActivityMode', {
    idempotencyKey: crypto.randomUUID(),
    kioskId: demo.id,
    activityId,
  });
}
