import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';

/** Debian's Chromium; `npx playwright install` cannot work offline, so we never download a browser. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * The name browser tests open Tally by: an office opens it over plain HTTP by a LAN name, never
 * `localhost`, which browsers treat as a secure context (hiding what breaks without one).
 */
export const OFFICE_HOST = 'tally-office.lan';

// Flags that keep headless Chromium quiet on a machine with no internet, and resolve the office's
// LAN name to this machine.
const FLAGS = [
  `--host-resolver-rules=MAP ${OFFICE_HOST} 127.0.0.1`,
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function requireChromium(): void {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM_PATH}. Install it with: apt-get update && apt-get install -y chromium (or set CHROMIUM_PATH).`,
    );
  }
}

/** A fresh browser profile every time, so no test inherits another's storage. */
export async function launchBrowser({
  viewport = { width: 1280, height: 800 },
  locale = 'en-GB',
  mobile = false,
}: {
  viewport?: { width: number; height: number };
  locale?: string;
  /** A phone: touch events and the mobile viewport (the resident app on a phone). */
  mobile?: boolean;
} = {}): Promise<BrowserContext> {
  requireChromium();
  const profile = mkdtempSync(join(tmpdir(), 'tally-chromium-'));
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    args: FLAGS,
    headless: true,
    viewport,
    locale,
    ...(mobile ? { isMobile: true, hasTouch: true } : {}),
  });
}

/**
 * Collects what a page reports going wrong: errors its scripts throw, and errors it writes to the
 * console (a script or stylesheet that would not load, say), except the console lines Chromium
 * writes for API answers the app expects and handles (a 401 before signing in, a refusal a test
 * provokes on purpose).
 */
export function collectPageErrors(page: Page, errors: string[], label = ''): void {
  const prefix = label ? `${label}: ` : '';
  page.on('pageerror', (error) => errors.push(`${prefix}${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    if (/the server responded with a status of 4\d\d/.test(message.text())) return;
    errors.push(`${prefix}console: ${message.text()}`);
  });
}
