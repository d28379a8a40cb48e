import { seriousAccessibilityViolations } from '@tally/e2e/axe';
import { type RunningService, SERVICE_START_MS, startService } from '@tally/e2e/service';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allowAxe, openBrowser, screenshot, signIn, switchLanguage } from './helpers';

// Joining an organization needs the resident's consent or the office's approval (issue 10,
// F10), in real Chromium against the real service on the demo: the Sunshine team's leader
// (张伟) invites the holder of card Q0055 and sees only a masked name; the office approves
// one of the demo's waiting invitations (Q0049, 吴勇); the leader then sees the new member.

// The admin reads in English here: names show in English only.
const SUNSHINE = 'Sunshine Volunteers';

describe('invitations to join an organization', () => {
  let service: RunningService;
  let leaderBrowser: BrowserContext;
  let officeBrowser: BrowserContext;
  let leader: Page;
  let office: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    service = await startService();
    leaderBrowser = await openBrowser();
    officeBrowser = await openBrowser();
    leader = await leaderBrowser.newPage();
    office = await officeBrowser.newPage();
    for (const page of [leader, office]) {
      page.on('pageerror', (error) => errors.push(error.message));
      await allowAxe(page);
    }
    await signIn(leader, service.url, 'leader', '/organizations');
    await signIn(office, service.url, 'office', '/organizations');
  }, SERVICE_START_MS);

  afterAll(async () => {
    await leaderBrowser?.close();
    await officeBrowser?.close();
    await service?.stop();
  });

  async function checkScreen(page: Page, name: string) {
    await screenshot(page, name);
    expect(await seriousAccessibilityViolations(page), name).toEqual([]);
  }

  const waitingRows = (page: Page) => page.getByTestId('invitation-row');
  const membersTable = (page: Page) => page.getByRole('table', { name: 'Members', exact: true });

  async function openSunshine(page: Page) {
    await page.goto(`${service.url}/admin/organizations`);
    await page.getByRole('link', { name: SUNSHINE }).first().click();
    await page.getByRole('heading', { name: SUNSHINE }).waitFor();
  }

  it('lets a leader invite a card holder, knowing no more of them than a masked name', async () => {
    await openSunshine(leader);
    await waitingRows(leader).first().waitFor();
    // The demo's two newcomers wait to answer; the leader sees them masked.
    expect(await waitingRows(leader).allTextContents()).toEqual([
      expect.stringMatching(/张\*\s*Q0051/),
      expect.stringMatching(/吴\*\s*Q0049/),
    ]);

    await leader.getByRole('button', { name: 'Invite a member' }).click();
    const dialog = leader.getByRole('dialog', { name: 'Invite a member' });
    await dialog
      .getByText(
        'The resident joins once they accept at the kiosk or the community office approves',
        {
          exact: false,
        },
      )
      .waitFor();
    await dialog.getByLabel('Card number').fill('Q0055');
    await dialog.getByRole('button', { name: 'Find card' }).click();
    await dialog.getByText('赵*国').waitFor();
    // Nothing but the card and the masked name: no building, no birth year, no points.
    expect(await dialog.locator('.pick-list').textContent()).toMatch(
      /^赵\*国 Q0055 · Name shown once they join\s*Invite$/,
    );
    await checkScreen(leader, 'invite-member.en');
    await dialog.getByRole('button', { name: 'Invite', exact: true }).click();
    await leader.getByText('Invitation sent to 赵*国.', { exact: false }).waitFor();
    await dialog.getByText('Invitation waiting').waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();

    await expect.poll(() => waitingRows(leader).count()).toBe(3);
    expect(await waitingRows(leader).first().textContent()).toMatch(/赵\*国\s*Q0055/);
    // An invitee is not a member: the members table does not list them.
    expect(await membersTable(leader).textContent()).not.toContain('Q0055');
    await checkScreen(leader, 'organization-invitations.leader.en');
    await switchLanguage(leader, 'zh');
    await leader.getByRole('heading', { name: '待加入' }).waitFor();
    await checkScreen(leader, 'organization-invitations.leader.zh');
    await switchLanguage(leader, 'en');
  });

  it('shows the office its queue with names and a count in the menu, and takes its approval', async () => {
    await office.reload();
    const menuCount = office.getByRole('link', { name: /Organizations/ }).locator('.nav-count');
    await expect.poll(() => menuCount.textContent()).toContain('3');
    await office.getByRole('heading', { name: 'Invitations waiting for an answer' }).waitFor();
    await expect.poll(() => waitingRows(office).count()).toBe(3);
    const rows = await waitingRows(office).allTextContents();
    // The office sees whole names.
    expect(rows.join('\n')).toMatch(/吴勇\s*Q0049/);
    expect(rows.join('\n')).not.toContain('*');
    await checkScreen(office, 'invitation-queue.en');

    await office.getByRole('button', { name: `Approve: 吴勇, ${SUNSHINE}` }).click();
    const dialog = office.getByRole('dialog', { name: `Approve 吴勇 joining ${SUNSHINE}?` });
    await dialog
      .getByText('Approve only if the resident agreed to join', { exact: false })
      .waitFor();
    await checkScreen(office, 'invitation-approve.en');
    await dialog.getByRole('button', { name: 'Approve', exact: true }).click();
    await office.getByText(`吴勇 has joined ${SUNSHINE}.`).waitFor();
    await expect.poll(() => waitingRows(office).count()).toBe(2);

    await switchLanguage(office, 'zh');
    await office.getByRole('heading', { name: '等待答复的邀请' }).waitFor();
    await checkScreen(office, 'invitation-queue.zh');
    await switchLanguage(office, 'en');
  });

  it('lets the leader see the new member, and withdraw an invitation', async () => {
    await openSunshine(leader);
    await membersTable(leader).getByText('Q0049').waitFor();
    await expect.poll(() => waitingRows(leader).count()).toBe(2);

    await leader.getByRole('button', { name: `Withdraw: 赵*国, ${SUNSHINE}` }).click();
    const dialog = leader.getByRole('dialog', { name: 'Withdraw the invitation to 赵*国?' });
    await dialog.getByRole('button', { name: 'Withdraw', exact: true }).click();
    await leader.getByText('The invitation to 赵*国 was withdrawn.').waitFor();
    await expect.poll(() => waitingRows(leader).count()).toBe(1);
    expect(errors).toEqual([]);
  });
});
