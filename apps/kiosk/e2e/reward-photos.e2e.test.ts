import { type RunningService, SERVICE_START_MS, startService } from '@tally/e2e/service';
import type { BrowserContext, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  identify,
  newKioskPage,
  openKiosk,
  openKioskBrowser,
  screenshot,
  setDemoKioskActivity,
} from './helpers';

// The demo gives the rice and the eggs a photo (uploaded by the office, resized by the
// service); every other reward keeps its kind's icon.
describe('reward photos at the kiosk', () => {
  let service: RunningService;
  let browser: BrowserContext;
  const errors: string[] = [];

  beforeAll(async () => {
    service = await startService();
    // The demo kiosk starts at the door of the activity running now; these are its usual screens.
    await setDemoKioskActivity(service.url, null);
    browser = await openKioskBrowser();
  }, SERVICE_START_MS);

  afterAll(async () => {
    await browser?.close();
    await service?.stop();
  });

  /** The photo's size as the browser decoded it: 0×0 when nothing could be drawn. */
  const drawn = (picture: Locator) =>
    picture.locator('img').evaluate((img: HTMLImageElement) => ({
      src: img.src.slice(0, 15),
      width: img.naturalWidth,
      height: img.naturalHeight,
    }));

  it('shows a reward’s photo on its card and on the confirm screen, and the icon without one', async () => {
    const page = await newKioskPage(browser, errors);
    await openKiosk(page, service.url, { language: 'en' });
    await identify(page, { card: 'Q0001', language: 'en' });
    await page.getByRole('heading', { name: 'Choose a reward' }).waitFor();

    const rice = page.getByRole('button', { name: /Rice 5 kg/ });
    await rice.locator('.reward-picture-photo img').waitFor();
    expect(await drawn(rice.locator('.reward-picture-photo'))).toEqual({
      src: 'data:image/webp',
      width: 480,
      height: 360,
    });
    const eggs = page.getByRole('button', { name: /dozen eggs/ });
    await eggs.locator('.reward-picture-photo img').waitFor();
    const haircut = page.getByRole('button', { name: /Haircut voucher/ });
    expect(await haircut.locator('.reward-picture-icon').count()).toBe(1);
    expect(await haircut.locator('img').count()).toBe(0);
    await screenshot(page, 'reward-photos.en');

    await rice.click();
    const confirm = page.locator('.confirm-item .reward-picture-photo');
    await confirm.locator('img').waitFor();
    expect((await drawn(confirm)).width).toBe(480);
    expect(errors).toEqual([]);
    await page.close();
  });
});
