import { type RunningService, SERVICE_START_MS, startService } from '@tally/e2e/service';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkScreen,
  identify,
  type Language,
  newKioskPage,
  openKiosk,
  openKioskBrowser,
  PORTRAIT,
  setDemoKioskActivity,
  text,
  typePin,
} from './helpers';

// The kiosk's part in the residents' phone app: the way there from the idle screen, and a PIN
// of the resident's own choosing (the phone signs in with the same PIN).
describe('the kiosk and the phone app', () => {
  let service: RunningService;
  let browser: BrowserContext;
  const errors: string[] = [];

  beforeAll(async () => {
    service = await startService();
    await setDemoKioskActivity(service.url, null);
    browser = await openKioskBrowser();
  }, SERVICE_START_MS);

  afterAll(async () => {
    await browser?.close();
    await service?.stop();
  });

  const phoneQr = (page: Page, language: Language) =>
    page.getByRole('img', { name: text[language].idle.phoneAppQr, exact: true });

  describe.each(['en', 'zh'] as Language[])('in %s', (language) => {
    const t = text[language];

    it('shows the phone app’s QR code on the idle screen, which still fits without scrolling', async () => {
      const page = await newKioskPage(browser, errors);
      await openKiosk(page, service.url, { language });
      await phoneQr(page, language).waitFor();
      await page.getByText(t.idle.phoneApp).waitFor();
      await checkScreen(page, `idle-phone-app.${language}`);
      await page.close();

      const portrait = await openKioskBrowser(PORTRAIT);
      try {
        const upright = await newKioskPage(portrait, errors);
        await openKiosk(upright, service.url, { language });
        await phoneQr(upright, language).waitFor();
        await checkScreen(upright, `idle-phone-app.portrait.${language}`);
      } finally {
        await portrait.close();
      }
    });
  });

  it('lets a resident change their PIN (an easy one refused first), then sign in with the new one', async () => {
    const page = await newKioskPage(browser, errors);
    const t = text.zh;
    await openKiosk(page, service.url, { language: 'zh' });
    await identify(page, { card: 'Q0021', language: 'zh' });
    await page.getByRole('heading', { name: t.rewards.title }).waitFor();
    await page.getByRole('button', { name: t.nav.account }).click();
    await page.getByRole('button', { name: t.changePin.open }).click();

    await page.getByRole('heading', { name: t.changePin.oldTitle }).waitFor();
    await checkScreen(page, 'change-pin-old.zh');
    await typePin(page, '1234', 'zh');
    await page.getByRole('heading', { name: t.changePin.newTitle }).waitFor();
    await typePin(page, '1111', 'zh');
    await page.getByRole('heading', { name: t.changePin.againTitle }).waitFor();
    await typePin(page, '1111', 'zh');
    // The service finds it too easy: back to choosing, with the reason in plain words.
    await page.getByText(t.changePin.weak.same_digits).waitFor();
    await page.getByRole('heading', { name: t.changePin.newTitle }).waitFor();
    await checkScreen(page, 'change-pin-weak.zh');
    await typePin(page, '4826', 'zh');
    await typePin(page, '4826', 'zh');
    await page.getByRole('heading', { name: t.changePin.doneTitle }).waitFor();
    await checkScreen(page, 'change-pin-done.zh');
    await page.getByRole('button', { name: t.changePin.done }).click();
    await page.getByRole('heading', { name: t.account.title }).waitFor();
    await page.getByRole('button', { name: t.resident.signOut }).click();

    // The old PIN no longer opens the card; the new one does.
    await identify(page, { card: 'Q0021', pin: '1234', language: 'zh' });
    await page.getByText(/卡号或密码不正确/).waitFor();
    await typePin(page, '4826', 'zh');
    await page.getByRole('heading', { name: t.rewards.title }).waitFor();
    await page.getByRole('button', { name: t.resident.signOut }).click();
    await page.close();
  });

  it('says in English how many tries are left after a wrong PIN now', async () => {
    const page = await newKioskPage(browser, errors);
    const t = text.en;
    await openKiosk(page, service.url, { language: 'en' });
    await identify(page, { card: 'Q0022', language: 'en' });
    await page.getByRole('heading', { name: t.rewards.title }).waitFor();
    await page.getByRole('button', { name: t.nav.account }).click();
    await page.locator('.history-line').first().waitFor();
    await checkScreen(page, 'account-change-pin.en');
    await page.getByRole('button', { name: t.changePin.open }).click();
    await typePin(page, '9999', 'en');
    await typePin(page, '4826', 'en');
    await typePin(page, '4826', 'en');
    await page.getByText(/That is not your PIN now\. \d tries left\./).waitFor();
    await page.getByRole('heading', { name: t.changePin.oldTitle }).waitFor();
    await checkScreen(page, 'change-pin-wrong.en');
    await page.getByRole('button', { name: t.changePin.cancel }).click();
    await page.getByRole('button', { name: t.resident.signOut }).click();
    await page.close();

    // Upright, the button sits beside the balances and the pad below the field: no scrolling.
    const portrait = await openKioskBrowser(PORTRAIT);
    try {
      const upright = await newKioskPage(portrait, errors);
      await openKiosk(upright, service.url, { language: 'en' });
      await identify(upright, { card: 'Q0023', language: 'en' });
      await upright.getByRole('heading', { name: t.rewards.title }).waitFor();
      await upright.getByRole('button', { name: t.nav.account }).click();
      await upright.locator('.history-line').first().waitFor();
      await checkScreen(upright, 'account-change-pin.portrait.en');
      await upright.getByRole('button', { name: t.changePin.open }).click();
      await checkScreen(upright, 'change-pin-old.portrait.en');
    } finally {
      await portrait.close();
    }
  });

  it('ran without a script error', () => {
    expect(errors).toEqual([]);
  });
});
