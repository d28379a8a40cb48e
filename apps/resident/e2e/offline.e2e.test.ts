import { type RunningService, SERVICE_START_MS, startService } from '@tally/e2e/service';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newPhonePage, openPhoneBrowser, screenshot, text } from './helpers';

// The app as the service serves it, and offline: the shell the service worker cached opens with
// no network, and the app says plainly that there is no connection.
describe('the resident app, served and offline', () => {
  let service: RunningService;
  let browser: BrowserContext;
  const errors: string[] = [];

  beforeAll(async () => {
    service = await startService();
    browser = await openPhoneBrowser();
  }, SERVICE_START_MS);

  afterAll(async () => {
    await browser?.close();
    await service?.stop();
  });

  it('serves the manifest, the service worker and every /me/ page with the right types', async () => {
    const get = (path: string) => fetch(`${service.directUrl}${path}`);
    const manifest = await get('/me/manifest.webmanifest');
    expect(manifest.headers.get('content-type')).toMatch(/^application\/manifest\+json/);
    const body = (await manifest.json()) as {
      start_url: string;
      scope: string;
      display: string;
      icons: { sizes: string }[];
    };
    expect(body).toMatchObject({ start_url: '/me/', scope: '/me/', display: 'standalone' });
    expect(body.icons.map((icon) => icon.sizes)).toEqual(
      expect.arrayContaining(['192x192', '512x512']),
    );
    expect((await get('/me/sw.js')).headers.get('content-type')).toMatch(
      /^(application|text)\/javascript/,
    );
    expect((await get('/me/icons/icon-512.png')).headers.get('content-type')).toBe('image/png');
    for (const path of [
      '/me/',
      '/me/activities/0190a1b2-0000-7000-8000-000000000000',
      '/me/settings',
    ]) {
      const page = await get(path);
      expect(page.status, path).toBe(200);
      expect(await page.text(), path).toContain('<div id="root">');
    }
  });

  it('opens from its cache with no network and says there is no connection, in either language', async () => {
    // Service workers run only in a secure context: on this machine, 127.0.0.1 (an office
    // LAN name over plain http is not one, and there the app's own screen does the same job).
    const page = await newPhonePage(browser, errors);
    await page.goto(`${service.directUrl}/me/?lang=zh`);
    await page.getByRole('heading', { name: text.zh.signIn.title }).waitFor();
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await page.reload();
    await expect
      .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null))
      .toBe(true);

    await browser.setOffline(true);
    try {
      await page.reload();
      await page.getByRole('heading', { name: text.zh.offline.title }).waitFor();
      await page.getByText(text.zh.offline.text).waitFor();
      await screenshot(page, 'offline');
      await page.goto(`${service.directUrl}/me/activities?lang=en`);
      await page.getByRole('heading', { name: text.en.offline.title }).waitFor();
      await screenshot(page, 'offline');
      // No API answer was ever cached: the service worker passes /trpc to the network.
      const cached = await page.evaluate(async () => {
        const names = await caches.keys();
        const urls: string[] = [];
        for (const name of names)
          for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
        return urls;
      });
      expect(cached.some((url) => url.includes('/trpc'))).toBe(false);
      expect(cached.some((url) => /\/me\/assets\/.+\.js$/.test(url))).toBe(true);
    } finally {
      await browser.setOffline(false);
    }
    // Back online, "Try again" goes on where it was.
    await page.getByRole('button', { name: text.en.common.tryAgain }).click();
    await expect
      .poll(() => page.getByRole('heading', { name: text.en.offline.title }).count())
      .toBe(0);
    await page.close();
  });
});
