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

export const PIN = '1234';
export const PHONE = { width: 390, height: 844 };

const screenshots = fileURLToPath(new URL('../e2e-output/screenshots/', import.meta.url));
mkdirSync(screenshots, { recursive: true });

/** A fresh phone browser (touch, mobile viewport, a new profile each time). */
export async function openPhoneBrowser(): Promise<BrowserContext> {
  return launchBrowser({ viewport: PHONE, locale: 'zh-CN', mobile: true });
}

/** A new page; what goes wrong on it lands in `errors`. The CSP is set aside only so axe can be injected. */
export async function newPhonePage(browser: BrowserContext, errors: string[] = []): Promise<Page> {
  const page = await browser.newPage();
  collectPageErrors(page, errors);
  const cdp = await browser.newCDPSession(page);
  await cdp.send('Page.setBypassCSP', { enabled: true });
  return page;
}

/**
 * The demo service holds the street's three communities, so the sign-in screen asks which one:
 * the demo residents are Q Community's.
 */
export async function chooseDemoCommunity(page: Page, language: Language) {
  const t = text[language].signIn;
  // The label's name also holds the option shown, so it is matched from its start.
  await page
    .getByRole('combobox', { name: new RegExp(`^${t.community}`) })
    .selectOption({ label: language === 'zh' ? '青桐社区' : 'Q Community' });
}

/** Q Community's id, which a phone's sign-in names now that the demo street holds three. */
export async function demoCommunityId(url: string): Promise<string> {
  const answer = (await (await fetch(`${url}/trpc/me.communities`)).json()) as {
    result: { data: { id: string; name: { en: string } }[] };
  };
  const q = answer.result.data.find((community) => community.name.en === 'Q Community');
  if (!q) throw new Error('The demo has no Q Community.');
  return q.id;
}

/** Signs in on the sign-in screen the page is on, with card and PIN. */
export async function signIn(
  page: Page,
  {
    card,
    pin = PIN,
    language,
    remember = false,
  }: { card: string; pin?: string; language: Language; remember?: boolean },
) {
  const t = text[language].signIn;
  await page.getByRole('heading', { name: t.title }).waitFor();
  await chooseDemoCommunity(page, language);
  await page.getByLabel(t.cardNumber, { exact: true }).fill(card);
  await page.getByLabel(t.pin, { exact: true }).fill(pin);
  if (remember) await page.getByLabel(new RegExp(t.remember)).check();
  await page.getByRole('button', { name: t.submit, exact: true }).click();
}

/** Opens the app signed out, in `language`, and signs in. */
export async function openSignedIn(
  page: Page,
  baseUrl: string,
  options: { card: string; language: Language },
) {
  await page.goto(`${baseUrl}/me/?lang=${options.language}`);
  await signIn(page, options);
  await page.getByTestId('balance-points').waitFor();
}

/** The points on the home page, as a number. */
export async function homePoints(page: Page): Promise<number> {
  const shown = (await page.getByTestId('balance-points').textContent()) ?? '';
  return Number(shown.replace(/[^\d]/g, ''));
}

/** Touch targets of at least 44 px each way, and no visible text under 16 px. */
export async function expectErgonomics(page: Page, name: string) {
  const problems = await page.evaluate(() => {
    const found: string[] = [];
    const visible = (el: Element) => {
      const box = el.getBoundingClientRect();
      return box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== 'hidden';
    };
    for (const el of document.querySelectorAll('button, input, select, a[href]')) {
      if (!visible(el)) continue;
      const box = el.getBoundingClientRect();
      // A checkbox or a radio choice is tapped through its whole label, which is the target.
      const target = el.matches('input[type="checkbox"], input[type="radio"]')
        ? (el.closest('label') ?? el)
        : el;
      const tapped = target.getBoundingClientRect();
      if (tapped.width < 44 || tapped.height < 44) {
        found.push(`target ${Math.round(box.width)}×${Math.round(box.height)}: ${el.textContent}`);
      }
    }
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || !node.textContent?.trim() || !visible(parent)) continue;
      if (parent.closest('.visually-hidden')) continue;
      const size = Number.parseFloat(getComputedStyle(parent).fontSize);
      if (size < 16) found.push(`text ${size}px: ${node.textContent.trim()}`);
    }
    return found;
  });
  expect(problems, name).toEqual([]);
}

/** `resident-<screen>.<lang>.png` in e2e-output/screenshots/. */
export async function screenshot(page: Page, name: string) {
  await page.waitForLoadState('networkidle');
  const lang = await page.evaluate(() => document.documentElement.lang);
  await page.screenshot({
    path: `${screenshots}resident-${name}.${lang.startsWith('zh') ? 'zh' : 'en'}.png`,
  });
}

/**
 * A screenshot, an axe check, the phone's ergonomics, and that the screen speaks only the
 * reader's language (names and what people typed are shown as written).
 */
export async function checkScreen(page: Page, name: string, { typed = [] as string[] } = {}) {
  await screenshot(page, name);
  await expectErgonomics(page, name);
  expect(await seriousAccessibilityViolations(page), name).toEqual([]);
  const lang = await page.evaluate(() => document.documentElement.lang);
  const language = lang.startsWith('zh') ? 'zh' : 'en';
  const known = [...(await typedInService(new URL(page.url()).origin)), ...typed];
  const foreign = await wordsNotInLanguage(page, language, {
    allow: LATIN_ALLOWED_IN_CHINESE,
    typed: known,
  });
  expect(foreign, `${name}: words not in ${language}`).toEqual([]);
}

const typedByService = new Map<string, Promise<string[]>>();

/** What people typed or are called in the service's data, read once per service as the office. */
function typedInService(origin: string): Promise<string[]> {
  const known = typedByService.get(origin);
  if (known) return known;
  const found = (async () => {
    const office = await staffApi(origin);
    const typed: string[] = [];
    for (const path of ['residents.list', 'service.list', 'corrections.list', 'activities.list'])
      typed.push(...typedTexts(await office.query(path, { limit: 200 }).catch(() => null)));
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
