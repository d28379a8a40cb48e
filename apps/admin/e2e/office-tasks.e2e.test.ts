import { describe, expect, it } from 'vitest';
import { screenshot, signedInSession, switchLanguage } from './helpers';

// The office's everyday tasks, each through its dialog, against the real service.
describe("the office's everyday tasks", () => {
  const session = signedInSession('office');

  const open = (path: string) => session.page.goto(`${session.service.url}/admin${path}`);
  const dialog = () => session.page.getByRole('dialog');

  it('issues a member card, then edits consent, resets the PIN and locks the card', async () => {
    await open('/residents');
    await session.page.getByRole('button', { name: 'Issue a member card' }).click();
    await dialog().getByLabel('Name', { exact: true }).fill('E2E Resident');
    await dialog().getByLabel('Card number').fill('E2E-0001');
    await dialog().getByLabel('PIN').fill('4321');
    await dialog().getByRole('button', { name: 'Issue card' }).click();
    await session.page.getByRole('heading', { name: 'E2E Resident' }).waitFor();

    await session.page.getByRole('button', { name: 'Edit' }).click();
    await dialog()
      .getByLabel(/agrees to be named/)
      .check();
    await dialog().getByRole('button', { name: 'Save' }).click();
    await session.page.getByText('Yes, the resident agreed').waitFor();

    await session.page.getByRole('button', { name: 'Reset PIN' }).click();
    await dialog().getByLabel('New PIN', { exact: true }).fill('5678');
    await dialog().getByLabel('New PIN again').fill('5678');
    await dialog().getByRole('button', { name: 'Reset PIN' }).click();
    await session.page.getByText('PIN reset for E2E Resident.').waitFor();

    await session.page.getByRole('button', { name: 'Lock card' }).click();
    await dialog().getByRole('button', { name: 'Lock card' }).click();
    await session.page.getByRole('button', { name: 'Unlock card' }).waitFor();
    await session.page.getByRole('link', { name: 'Print card' }).click();
    await session.page.getByRole('img', { name: 'QR code of card number E2E-0001' }).waitFor();
  });

  it('registers a kiosk and shows its token once', async () => {
    await open('/kiosks');
    await session.page.getByRole('button', { name: 'Register a kiosk' }).click();
    await dialog().getByLabel('Name').fill('Lobby, Building 3');
    await dialog().getByRole('button', { name: 'Register a kiosk' }).click();
    const token = await dialog().getByTestId('kiosk-token').textContent();
    expect(token?.length).toBeGreaterThan(20);
    await screenshot(session.page, 'kiosk-token-once.en');
    await dialog().getByRole('button', { name: 'I have copied it' }).click();
    const row = session.page.locator('tbody tr', { hasText: 'Lobby, Building 3' });
    await row.getByRole('button', { name: 'Revoke' }).click();
    await dialog().getByRole('button', { name: 'Revoke' }).click();
    await row.getByText(/^Revoked/).waitFor();
  });

  it('changes a reward’s price and keeps the change as history', async () => {
    await open('/rewards');
    const row = session.page.locator('tbody tr').first();
    await row.getByRole('button', { name: 'Edit' }).click();
    await dialog().getByLabel('Price (points)').fill('999');
    await dialog().getByRole('button', { name: 'Save' }).click();
    await row.getByText('999').waitFor();
    await row.getByRole('button', { name: 'History' }).click();
    await dialog()
      .getByText(/Price: \d+ → 999/)
      .waitFor();
  });

  it('hands out one redemption and cancels another with a reason', async () => {
    await open('/redemptions');
    const rows = session.page.locator('tbody tr');
    await rows.first().waitFor();
    const before = await rows.count();
    expect(before).toBeGreaterThanOrEqual(2);
    await rows.first().getByRole('button', { name: 'Hand out' }).click();
    await session.page.getByText(/handed out to/).waitFor();
    await expect.poll(() => rows.count()).toBe(before - 1);
    await rows.first().getByRole('button', { name: 'Cancel' }).click();
    await dialog().getByLabel('Reason').fill('Resident changed their mind');
    // The dialog's two buttons say what each does: keep the redemption, or cancel it.
    await dialog().getByRole('button', { name: 'Keep it' }).waitFor();
    await dialog().getByRole('button', { name: 'Cancel redemption' }).dblclick();
    await session.page.getByText('Redemption cancelled; points returned.').waitFor();
    // A double click cancels once and says so once.
    await session.page.waitForTimeout(500);
    expect(await session.page.getByText('Redemption cancelled; points returned.').count()).toBe(1);
  });

  it('previews and publishes a new earning rule', async () => {
    await open('/rules');
    const inForce = session.page.getByRole('heading', { name: /^In force: version \d+$/ });
    const version = Number((await inForce.textContent())?.match(/\d+/)?.[0]);
    await session.page.getByLabel('Base points per hour').fill('12');
    await session.page.getByRole('button', { name: 'Preview on last month' }).click();
    await session.page.getByText('Points under the draft').waitFor();
    await screenshot(session.page, 'rules-preview.en');
    await session.page.getByRole('button', { name: /^Publish version \d+$/ }).click();
    await dialog().getByRole('button', { name: 'Publish' }).click();
    await session.page.getByRole('heading', { name: `In force: version ${version + 1}` }).waitFor();
    await session.page.getByText('12 points per hour').waitFor();
  });

  it('opens and closes a community goal', async () => {
    await open('/goals');
    await session.page.getByRole('button', { name: 'New goal' }).click();
    await dialog().getByLabel('Title (Chinese)').fill('端到端游乐场');
    await dialog().getByLabel('Title (English)').fill('E2E playground');
    await dialog().getByLabel('Target (points)').fill('500');
    await dialog().getByRole('button', { name: 'Create' }).click();
    // The page reads in English: the goal shows its English title only.
    const card = session.page.locator('article', { hasText: 'E2E playground' });
    expect(await card.textContent()).not.toContain('端到端游乐场');
    await card.getByRole('button', { name: 'Close goal' }).click();
    await dialog().getByRole('button', { name: 'Close goal' }).click();
    await card.getByText('Closed', { exact: true }).waitFor();
  });

  it('opens a leader account and adds a member to an organization', async () => {
    await open('/staff');
    await session.page.getByRole('button', { name: 'New staff account' }).click();
    await dialog().getByLabel('User name').fill('e2e-leader');
    await dialog().getByLabel('Name', { exact: true }).fill('E2E Leader');
    await dialog().getByLabel('First password').fill('long-enough-password');
    await dialog().getByRole('button', { name: 'Create' }).click();
    await session.page.locator('tbody tr', { hasText: 'e2e-leader' }).waitFor();

    await open('/organizations');
    await session.page.locator('tbody a[href*="/organizations/"]').first().click();
    await session.page.getByRole('button', { name: 'Add member' }).click();
    await dialog().getByLabel('Find a resident').fill('E2E Resident');
    await dialog().getByRole('button', { name: 'Add' }).click();
    await session.page.getByText('E2E Resident is now a member.').waitFor();
  });

  it('stays signed in when a page is opened in a new tab', async () => {
    const tab = await session.browser.newPage();
    try {
      await tab.goto(`${session.service.url}/admin/rewards`);
      await tab.getByRole('heading', { name: 'Rewards', exact: true }).waitFor();
      expect(await tab.getByLabel('Password').count()).toBe(0);
    } finally {
      await tab.close();
    }
  });

  it('reads and picks dates in the reader’s language, whatever language the browser speaks', async () => {
    await open('/log-hours');
    await switchLanguage(session.page, 'zh');
    const date = session.page.getByLabel('日期', { exact: true });
    const now = new Date();
    const pad = (n: number) => String(n).padStart(2, '0');
    const today = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
    expect(await date.inputValue()).toBe(today);
    // Said back in Chinese under the box, though this Chromium's own language is English.
    await session.page
      .getByText(`${now.getFullYear()}年${now.getMonth() + 1}月${now.getDate()}日星期`)
      .waitFor();
    // The start time is the last full hour: never in the future.
    expect(await session.page.getByLabel('开始时间').inputValue()).toBe(
      `${pad(now.getHours())}:00`,
    );
    await session.page.getByRole('button', { name: '选择日期' }).click();
    const calendar = session.page.getByRole('dialog', { name: '选择日期' });
    await calendar.getByText(`${now.getFullYear()}年${now.getMonth() + 1}月`).waitFor();
    await screenshot(session.page, 'date-picker.zh', { fullPage: false });
    // Service cannot be logged for tomorrow: the calendar offers no day after today.
    if (now.getDate() < 28) {
      const tomorrow = calendar.getByRole('button', {
        name: new RegExp(`${now.getMonth() + 1}月${now.getDate() + 1}日`),
      });
      expect(await tomorrow.isDisabled()).toBe(true);
    }
    await calendar.getByRole('button', { name: new RegExp(`${now.getMonth() + 1}月1日`) }).click();
    expect(await date.inputValue()).toBe(`${today.slice(0, 8)}01`);
    // A day typed the Chinese way is read and written back plainly.
    await date.fill('2026年3月5日');
    await date.blur();
    expect(await date.inputValue()).toBe('2026-03-05');
    await session.page.getByText('2026年3月5日星期四').waitFor();
    await switchLanguage(session.page, 'en');
    await session.page.getByText(/Thursday,? 5 March 2026/).waitFor();
  });

  it('reverses a transaction from its detail page', async () => {
    await open('/ledger');
    await session.page.getByLabel('Kind').selectOption('service_credit');
    await session.page.locator('tbody tr', { hasText: 'Service credit' }).first().waitFor();
    await session.page.locator('tbody a[href*="/ledger/transactions/"]').first().click();
    await session.page.getByRole('button', { name: 'Reverse' }).click();
    await dialog().getByLabel('Reason').fill('Posted twice by mistake');
    await dialog().getByRole('button', { name: 'Reverse' }).click();
    await session.page.getByText('Reverses').waitFor();
    expect(session.errors).toEqual([]);
  });
});
