import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';

/** Debian's Chromium; `npx playwright install` cannot work offline, so we never download a browser. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// Flags that keep headless Chromium quiet on a machine with no internet.
const FLAGS = [
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
}: {
  viewport?: { width: number; height: number };
  locale?: string;
} = {}): Promise<BrowserContext> {
  requireChromium();
  const profile = mkdtempSync(join(tmpdir(), 'tally-chromium-'));
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    args: FLAGS,
    headless: true,
    viewport,
    locale,
  });
}
