import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import {
  apiToken,
  callApi,
  openBrowser,
  PASSWORD,
  screenshot,
  signedInSession,
  signIn,
  switchLanguage,
} from './helpers';

// A staff account's whole life cycle, with the office on one computer and the leader on
// another: edited, its password reset and changed at the next sign-in, deactivated.
describe('staff accounts, from edit to deactivation', () => {
  const office = signedInSession('office', { path: '/staff' });
  const others: BrowserContext[] = [];
  afterAll(async () => {
    for (const browser of others) await browser.close();
  });

  const dialog = () => office.page.getByRole('dialog');
  const row = (username: string) => office.page.locator('tbody tr', { hasText: username });

  async function leaderPage(): Promise<Page> {
    const browser = await openBrowser();
    others.push(browser);
    return browser.newPage();
  }

  it('edits a leader, resets their password, and the leader must change it at sign-in', async () => {
    await row('leader-green').getByRole('button', { name: 'Edit' }).click();
    await dialog().getByLabel('Name').fill('陈静 (Green Homes)');
    await dialog().getByRole('button', { name: 'Save' }).click();
    await row('leader-green').getByText('陈静 (Green Homes)').waitFor();

    await row('leader-green').getByRole('button', { name: 'Reset password' }).click();
    await dialog().getByText('must choose a new one at their next sign-in').waitFor();
    await dialog().getByRole('button', { name: 'Reset password' }).click();
    const temporary = (await dialog().getByTestId('temporary-password').textContent()) ?? '';
    expect(temporary).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    await dialog().getByText('This is shown once only.').waitFor();
    await dialog().getByRole('button', { name: 'Copy' }).click();
    await dialog()
      .getByRole('button', { name: /^Copied$|Could not copy/ })
      .waitFor();
    await screenshot(office.page, 'staff-reset-password-once.en');
    await dialog().getByRole('button', { name: 'I have passed it on' }).click();
    await row('leader-green').getByText('Must change password').waitFor();
    await row('leader-green')
      .getByText('Awaiting confirmation by a second office member')
      .waitFor();
    await screenshot(office.page, 'staff-accounts.en');

    const leader = await leaderPage();
    await leader.goto(`${office.service.url}/admin/`);
    await leader.getByLabel('User name').fill('leader-green');
    await leader.getByLabel('Password').fill(temporary);
    await leader.getByRole('button', { name: 'Sign in' }).click();
    await leader.getByRole('heading', { name: 'Choose a new password' }).waitFor();
    await leader.getByText('The community office reset your password.').waitFor();
    await screenshot(leader, 'must-change-password.en');

    await leader.getByLabel('Current password').fill(temporary);
    await leader.getByLabel('New password', { exact: true }).fill('leader-green garden');
    await leader.getByLabel('New password again').fill('leader-green garden');
    await leader.getByRole('button', { name: 'Save and continue' }).click();
    await leader.getByText('must not contain your user name or your name').waitFor();
    await leader.getByLabel('New password', { exact: true }).fill(temporary);
    await leader.getByLabel('New password again').fill(temporary);
    await leader.getByRole('button', { name: 'Save and continue' }).click();
    await leader.getByText('not your current one nor your last 5').waitFor();

    await leader.getByLabel('New password', { exact: true }).fill('tomatoes by the east wall');
    await leader.getByLabel('New password again').fill('tomatoes by the east wall');
    await leader.getByRole('button', { name: 'Save and continue' }).click();
    await leader.getByRole('button', { name: 'Sign out' }).waitFor();
    await leader.getByRole('link', { name: 'Log hours' }).first().waitFor();
    expect(await leader.getByText('Choose a new password').count()).toBe(0);
  });

  it("deactivates a leader, and that leader's open page stops working", async () => {
    const leader = await leaderPage();
    await signIn(leader, office.service.url, 'leader-patrol', '/organizations');
    await leader.getByRole('heading', { name: 'Organizations' }).waitFor();

    await office.page.reload();
    await row('leader-patrol').getByRole('button', { name: 'Edit' }).click();
    await dialog().getByLabel('May sign in').uncheck();
    await dialog().getByRole('button', { name: 'Save' }).click();
    await row('leader-patrol').getByText('Inactive').waitFor();

    // The leader's next click asks the service, which no longer knows the session.
    await leader.getByRole('link', { name: 'Log hours' }).first().click();
    await leader.getByText('Your session has ended. Please sign in again.').waitFor();
    await leader.getByLabel('User name').fill('leader-patrol');
    await leader.getByLabel('Password').fill(PASSWORD);
    await leader.getByRole('button', { name: 'Sign in' }).click();
    await leader.getByText('The user name or password is not right.').waitFor();
  });

  it('"change my password" refuses a weak one with its reason, and lists my sessions', async () => {
    await office.page.getByRole('link', { name: 'My account' }).click();
    await office.page.getByRole('heading', { name: 'My account' }).waitFor();
    await office.page.getByLabel('Current password').fill(PASSWORD);
    await office.page.getByLabel('New password', { exact: true }).fill('password123');
    await office.page.getByLabel('New password again').fill('password123');
    await office.page.getByRole('button', { name: 'Change password' }).click();
    await office.page.getByText('That is one of the most common passwords').waitFor();
    await office.page.getByText('This session').waitFor();
    await screenshot(office.page, 'my-account.en');

    // The service refuses it on its own too, with the reason for any client to show.
    const token = await apiToken(office.service.url, 'office2');
    const refused = await callApi(office.service.url, 'auth.changePassword', {
      token,
      method: 'POST',
      input: { currentPassword: PASSWORD, newPassword: 'aaaaaaaaaaaaaaa' },
    });
    expect(refused.error?.data).toMatchObject({
      domainCode: 'WEAK_PASSWORD',
      details: { reason: 'repeated' },
    });
  });

  it('lets the second office member confirm the account the office opened', async () => {
    const second = await leaderPage();
    await signIn(second, office.service.url, 'office2', '/staff');
    const auditorRow = second.locator('tbody tr', { hasText: 'auditor-street' });
    await auditorRow.getByRole('button', { name: 'Confirm' }).click();
    await second.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();
    await second.getByText('吴刚 (Street office auditor)’s account is confirmed.').waitFor();
    await expect.poll(() => auditorRow.getByText('Awaiting confirmation').count()).toBe(0);
    // The office that opened it is never offered the button.
    await office.page.goto(`${office.service.url}/admin/staff`);
    await row('leader-green').getByRole('button', { name: 'Edit' }).waitFor();
    expect(await row('leader-green').getByRole('button', { name: 'Confirm' }).count()).toBe(0);
  });

  it('shows the same screens in Chinese', async () => {
    await switchLanguage(office.page, 'zh');
    await office.page.getByRole('heading', { name: '工作人员账号' }).waitFor();
    await row('leader-green').getByText('待另一位办公室成员确认').waitFor();
    await screenshot(office.page, 'staff-accounts.zh');
    await row('auditor').first().getByRole('button', { name: '重置密码' }).click();
    await dialog().getByRole('button', { name: '重置密码' }).click();
    await dialog().getByText('临时密码只显示这一次').waitFor();
    await screenshot(office.page, 'staff-reset-password-once.zh');
    await dialog().getByRole('button', { name: '我已转交' }).click();
    await office.page.getByRole('link', { name: '我的账号' }).click();
    await office.page.getByRole('heading', { name: '我的账号' }).waitFor();
    await office.page.getByLabel('新密码', { exact: true }).fill('1234567890');
    await office.page.getByLabel('再次输入新密码').fill('1234567890');
    await office.page.getByLabel('当前密码').fill(PASSWORD);
    await office.page.getByRole('button', { name: '修改密码' }).click();
    await office.page.getByText('这是最常见的密码之一').waitFor();
    await screenshot(office.page, 'my-account.zh');

    const leader = await leaderPage();
    await leader.goto(`${office.service.url}/admin/`);
    await switchLanguage(leader, 'zh');
    const token = await apiToken(office.service.url, 'office2');
    const staff = await callApi(office.service.url, 'staff.list', { token });
    const members = (staff.result?.data ?? []) as { id: string; username: string }[];
    const culture = members.find((m) => m.username === 'leader-culture');
    const reset = await callApi(office.service.url, 'staff.resetPassword', {
      token,
      method: 'POST',
      input: { idempotencyKey: `e2e-reset-${Date.now()}`, staffId: culture?.id },
    });
    const { temporaryPassword } = (reset.result?.data ?? {}) as { temporaryPassword?: string };
    if (!temporaryPassword) throw new Error(`no reset: ${JSON.stringify(reset.error)}`);
    await leader.getByLabel('用户名').fill('leader-culture');
    await leader.getByLabel('密码').fill(temporaryPassword);
    await leader.getByRole('button', { name: '登录' }).click();
    await leader.getByRole('heading', { name: '设置新密码' }).waitFor();
    await screenshot(leader, 'must-change-password.zh');
  });

  it('threw no script errors', () => {
    expect(office.errors).toEqual([]);
  });
});
