import { randomUUID } from 'node:crypto';
import type { StaffActivity } from '@tally/domain/activities';
import type { Resident } from '@tally/domain/residents';
import { seriousAccessibilityViolations } from '@tally/e2e/axe';
import { collectPageErrors } from '@tally/e2e/browser';
import { LATIN_ALLOWED_IN_CHINESE, typedTexts, wordsNotInLanguage } from '@tally/e2e/language';
import { directUrl, type RunningService, SERVICE_START_MS, startService } from '@tally/e2e/service';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  allowAxe,
  apiToken,
  callApi,
  openBrowser,
  screenshot,
  signIn,
  switchLanguage,
  type Viewport,
} from './helpers';

const PHONE: Viewport = { width: 390, height: 844 };
const DEMO_KIOSK_TOKEN = 'demo-kiosk-token';
const PIN = '1234';

// One story against the real service on a fresh demo database: the Sunshine Volunteers' leader
// publishes an activity from a phone, signs up two members who phoned, a third signs up at the
// kiosk (through the API, as the kiosk app would), the office puts the kiosk at the door, the
// leader checks people in on the phone (a walk-in too), closes the activity with one adjustment,
// and the office approves the sheet: the member's balance rises.
describe('an activity, from a leader’s phone to credited hours', () => {
  let service: RunningService;
  let leaderBrowser: BrowserContext;
  let officeBrowser: BrowserContext;
  let leader: Page;
  let office: Page;
  const errors: string[] = [];
  const title = { zh: '楼道清洁日', en: `Stairwell clean-up ${Date.now() % 100_000}` };
  const place = 'Building 5 stairwell';
  /** Signed up by the leader (A came, B did not), at the kiosk (K), and a walk-in (W). */
  let A: Resident;
  let B: Resident;
  let K: Resident;
  let W: Resident;
  let activity: StaffActivity;
  let pointsBefore = 0;
  /** The leader's token for reading through the API (sign-ins are rate-limited). */
  let leaderToken = '';
  const offLanguage: string[] = [];

  beforeAll(async () => {
    service = await startService();
    leaderBrowser = await openBrowser(PHONE);
    officeBrowser = await openBrowser();
    leader = await leaderBrowser.newPage();
    office = await officeBrowser.newPage();
    for (const page of [leader, office]) {
      collectPageErrors(page, errors);
      await allowAxe(page);
    }
    // Four members of the leader's organization, leaving out the leader's own card.
    leaderToken = await apiToken(service.url, 'leader');
    const token = leaderToken;
    const [sunshine] = data<{ id: string }[]>(
      await callApi(service.url, 'organizations.list', { token }),
    );
    const members = data<{ items: Resident[] }>(
      await callApi(service.url, 'organizations.members', {
        token,
        input: { organizationId: sunshine?.id, limit: 50 },
      }),
    );
    const others = members.items.filter((member) => member.name !== '张伟');
    [A, B, K, W] = others as [Resident, Resident, Resident, Resident];
    expect(W).toBeDefined();
    const officeToken = await apiToken(service.url, 'office');
    const before = data<{ points: number }>(
      await callApi(service.url, 'residents.get', { token: officeToken, input: { id: A.id } }),
    );
    pointsBefore = before.points;
  }, SERVICE_START_MS);

  afterAll(async () => {
    await leaderBrowser?.close();
    await officeBrowser?.close();
    await service?.stop();
  });

  it('lets a leader draft and publish an activity on a phone', async () => {
    await signIn(leader, service.url, 'leader', '/activities');
    await leader.getByRole('heading', { name: 'Activities', level: 1 }).waitFor();
    await leader.getByRole('button', { name: 'New activity' }).click();
    const dialog = leader.getByRole('dialog');
    // Half an hour from now: residents can still sign up, and the door is already open.
    const starts = new Date(Date.now() + 30 * 60_000);
    await dialog.getByLabel('Title (Chinese)').fill(title.zh);
    await dialog.getByLabel('Title (English)').fill(title.en);
    await dialog.getByLabel('Category').selectOption('environment');
    await dialog.getByLabel('Place', { exact: true }).fill(place);
    await fillTimes(dialog, starts, 120);
    await dialog.getByLabel('Places', { exact: true }).fill('3');
    await dialog.getByLabel('When full, residents join a waiting list').check();
    await screenshot(leader, 'activity-create-phone.en');
    expect(await seriousAccessibilityViolations(leader)).toEqual([]);
    await dialog.getByRole('button', { name: 'Save as draft' }).click();

    await leader.getByRole('heading', { name: title.en, level: 1 }).waitFor();
    await leader.getByText('This is a draft').waitFor();
    await leader.getByRole('button', { name: 'Publish' }).click();
    await leader.getByRole('dialog').getByRole('button', { name: 'Publish' }).click();
    await leader.getByText('Open for sign-up').first().waitFor();
    activity = await activityOnPage();
    expect(activity).toMatchObject({ status: 'published', slots: 3, waitingList: true });
    await screenshot(leader, 'activity-published-phone.en');
    expect(await seriousAccessibilityViolations(leader)).toEqual([]);
  });

  it('lets the leader sign up two members who phoned', async () => {
    await leader.getByRole('button', { name: 'Sign up a member' }).click();
    const dialog = leader.getByRole('dialog');
    for (const member of [A, B]) {
      await dialog.getByLabel('Find a resident').fill(member.cardNumber);
      await dialog
        .getByRole('listitem')
        .filter({ hasText: member.cardNumber })
        .getByRole('button', { name: 'Sign up' })
        .click();
      await dialog.getByText(`${member.name} has a place.`).waitFor();
    }
    await screenshot(leader, 'activity-sign-up-member-phone.en');
    expect(await seriousAccessibilityViolations(leader)).toEqual([]);
    await dialog.getByRole('button', { name: 'Close' }).last().click();
    await expect.poll(() => leader.getByTestId('activity-signedUp').textContent()).toBe('2 / 3');
  });

  it('takes a sign-up from the kiosk, as the kiosk app sends it', async () => {
    const residentToken = await kioskIdentify(K.cardNumber);
    const signUp = await kioskCall('kiosk.signUp', {
      residentToken,
      input: { idempotencyKey: randomUUID(), activityId: activity.id },
    });
    expect(signUp).toMatchObject({ status: 'signed_up', waitingPosition: null });
  });

  it('lets the office put the kiosk at the activity’s door', async () => {
    await signIn(office, service.url, 'office', '/kiosks');
    // The office's own kiosk (the demo's other one already stands at today's activity).
    const row = office.locator('tbody tr', { hasText: '社区办公室自助机' });
    await row
      .getByRole('button', { name: /activity/i })
      .first()
      .click();
    const dialog = office.getByRole('dialog');
    const choice = dialog.getByLabel('Activity');
    const option = await choice.locator('option', { hasText: title.en }).getAttribute('value');
    await choice.selectOption(option ?? '');
    await dialog.getByRole('button', { name: 'Switch to activity mode' }).click();
    await row.getByRole('link', { name: title.en }).waitFor();
    await screenshot(office, 'kiosks-activity-mode.en');
    expect(await seriousAccessibilityViolations(office)).toEqual([]);
    // The kiosk at the door: K taps their card.
    const checkedIn = await kioskCall('kiosk.checkIn', {
      input: { idempotencyKey: randomUUID(), activityId: activity.id, cardNumber: K.cardNumber },
    });
    expect(checkedIn).toMatchObject({ residentId: K.id, walkIn: false, alreadyCheckedIn: false });
  });

  it('checks residents in at the door on the phone, a walk-in too', async () => {
    await leader.getByRole('link', { name: 'Check-in page' }).click();
    const card = leader.getByLabel('Card number');
    await card.fill(A.cardNumber);
    await card.press('Enter');
    await leader.getByText(`${A.displayName} checked in at`).waitFor();
    await card.fill(W.cardNumber);
    await leader.getByRole('button', { name: 'Check in', exact: true }).click();
    await leader.getByText(`${W.displayName} checked in at`).waitFor();
    await leader.getByText('a walk-in, not signed up').waitFor();
    // W leaves at once; their minutes are put right when closing.
    await leader.getByRole('button', { name: `Check out ${W.name}` }).click();
    await leader.getByText(`${W.displayName} checked out at`).waitFor();
    const arrivals = leader.getByRole('region', { name: 'Who came' });
    for (const resident of [A, K, W]) await arrivals.getByText(resident.name).waitFor();
    await expect
      .poll(() => leader.getByTestId('door-count').textContent())
      .toBe('3 came · 3 signed up');
    await screenshot(leader, 'activity-door-phone.en');
    await checkScreen(leader, 'activity-door-phone', 'en');
    await switchLanguage(leader, 'zh');
    await leader.getByRole('heading', { name: '签到', level: 1 }).waitFor();
    await screenshot(leader, 'activity-door-phone.zh');
    await checkScreen(leader, 'activity-door-phone', 'zh');
    await switchLanguage(leader, 'en');
  });

  it('lets the leader close it with one adjustment', async () => {
    // The service's clock cannot be moved: the leader moves the start to this minute instead
    // (the volunteers came early), so the activity has started and can be closed.
    await leader.goto(`${service.url}/admin/activities/${activity.id}`);
    await leader.getByRole('button', { name: 'Edit' }).click();
    const dialog = leader.getByRole('dialog');
    await fillTimes(dialog, new Date(), 120);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await leader.getByText('Under way').first().waitFor();
    await leader.getByRole('link', { name: 'Close the activity' }).click();
    await leader.getByText('3 people came').waitFor();
    await leader.getByText('1 signed up and did not come').waitFor();
    // The toast said in English goes first: it is not part of the screen being checked.
    await leader.locator('.toast').first().waitFor({ state: 'detached' });
    await switchLanguage(leader, 'zh');
    await leader.getByText('到场 3 人').waitFor();
    await screenshot(leader, 'activity-close-phone.zh');
    await checkScreen(leader, 'activity-close-phone', 'zh');
    await switchLanguage(leader, 'en');

    await leader.getByRole('button', { name: `Adjust the minutes of ${W.name}` }).click();
    const adjust = leader.getByRole('dialog');
    await adjust.getByLabel('Minutes to count').fill('90');
    await adjust.getByRole('button', { name: 'Adjust' }).click();
    await adjust.getByText('Say why the minutes are adjusted.').waitFor();
    await adjust.getByLabel('Reason').fill('Carried the ladders before checking in');
    await adjust.getByRole('button', { name: 'Adjust' }).click();
    await leader.getByText('Closing writes 3 records, 5.5 hours in all.').waitFor();
    await screenshot(leader, 'activity-close-phone.en');
    await checkScreen(leader, 'activity-close-phone', 'en');
    await leader.getByRole('button', { name: 'Close the activity' }).click();
    await leader.getByRole('dialog').getByRole('button', { name: 'Close the activity' }).click();
    await expect
      .poll(() => leader.getByTestId('close-outcome').textContent())
      .toBe('3 records are waiting for the office’s approval; 1 did not come.');
    // A leader cannot approve: they are sent to the hours they logged.
    await leader.getByRole('link', { name: 'See the logged hours' }).waitFor();
    await screenshot(leader, 'activity-closed-phone.en');
    expect(await seriousAccessibilityViolations(leader)).toEqual([]);
  });

  it('lets the office approve the sheet in Approvals, and the member’s balance rises', async () => {
    await office.goto(`${service.url}/admin/approvals`);
    await office.getByRole('heading', { name: 'Approvals' }).waitFor();
    const ours = office.getByRole('checkbox', { name: new RegExp(title.zh) });
    await expect.poll(() => ours.count()).toBe(3);
    for (let i = 0; i < 3; i++) await ours.nth(i).check();
    await office.getByRole('button', { name: 'Approve (3)' }).click();
    const approve = office.getByRole('dialog');
    await approve.getByText('3 records, 3 people, 5.5 hours in total.').waitFor();
    await approve.getByRole('button', { name: 'Approve 3' }).click();
    await office.getByText(/Approved 3 records; [\d,]+ points credited/).waitFor();
    await expect.poll(() => ours.count()).toBe(0);

    await office.goto(`${service.url}/admin/residents/${A.id}`);
    const points = office.getByTestId('resident-points');
    await expect
      .poll(async () => Number(((await points.textContent()) ?? '').replace(/[^\d]/g, '')))
      .toBeGreaterThan(pointsBefore);
    await screenshot(office, 'activity-member-credited.en');
  });

  it('shows the activity, its list and its poster in both languages', async () => {
    for (const language of ['en', 'zh'] as const) {
      if (language === 'zh') await switchLanguage(leader, 'zh');
      await leader.goto(`${service.url}/admin/activities`);
      await leader.locator('tbody tr').first().waitFor();
      await screenshot(leader, `activities-phone.${language}`);
      await checkScreen(leader, 'activities-phone', language);

      await leader.goto(`${service.url}/admin/activities/${activity.id}`);
      await leader.getByTestId('activity-noShows').waitFor();
      await screenshot(leader, `activity-phone.${language}`);
      await checkScreen(leader, 'activity-phone', language);

      await leader.setViewportSize({ width: 1280, height: 900 });
      await leader.goto(`${service.url}/admin/activities/${activity.id}/poster`);
      await leader.locator('.activity-sheet .qr-code').first().waitFor();
      await screenshot(leader, `activity-poster.${language}`);
      await checkScreen(leader, 'activity-poster', language);
      await leader
        .getByRole('radio', { name: language === 'en' ? 'Sign-in sheet' : '签到表' })
        .check();
      await leader.locator('.sign-in-table').waitFor();
      await screenshot(leader, `activity-sign-in-sheet.${language}`);
      await checkScreen(leader, 'activity-sign-in-sheet', language);
      await leader.setViewportSize(PHONE);
    }
    expect(offLanguage).toEqual([]);
    expect(errors).toEqual([]);
  });

  /** The date and the start and end times, as the dialog's fields take them. */
  async function fillTimes(dialog: ReturnType<Page['getByRole']>, starts: Date, minutes: number) {
    const ends = new Date(starts.getTime() + minutes * 60_000);
    const pad = (n: number) => String(n).padStart(2, '0');
    const time = (date: Date) => `${pad(date.getHours())}:${pad(date.getMinutes())}`;
    const day = `${starts.getFullYear()}-${pad(starts.getMonth() + 1)}-${pad(starts.getDate())}`;
    await dialog.getByLabel('Date', { exact: true }).fill(day);
    await dialog.getByLabel('Starts at').fill(time(starts));
    await dialog.getByLabel('Ends at').fill(time(ends));
  }

  /** The activity the leader's page shows, as the service answers it. */
  async function activityOnPage(): Promise<StaffActivity> {
    const id = leader.url().match(/activities\/([0-9a-f-]{36})/)?.[1];
    return data(
      await callApi(service.url, 'activities.get', { token: leaderToken, input: { id } }),
    );
  }

  /** Axe finds nothing serious, and the screen speaks only the reader's language. */
  async function checkScreen(page: Page, name: string, language: 'en' | 'zh') {
    // A toast said in the language before a switch is not part of the screen being checked.
    await page.locator('.toast').first().waitFor({ state: 'detached' });
    expect(await seriousAccessibilityViolations(page), `${name} (${language})`).toEqual([]);
    const token = leaderToken;
    const answers = await Promise.all([
      callApi(service.url, 'activities.list', { token, input: { limit: 100 } }),
      callApi(service.url, 'activities.attendance', {
        token,
        input: { activityId: activity.id },
      }),
    ]);
    const typed = [
      ...answers.flatMap((answer) => typedTexts(answer.result?.data)),
      place,
      'Carried the ladders before checking in',
    ];
    const foreign = await wordsNotInLanguage(page, language, {
      allow: LATIN_ALLOWED_IN_CHINESE,
      typed,
    });
    if (foreign.length > 0) offLanguage.push(`${name}.${language}: ${foreign.join(' ')}`);
  }

  /** What the service answered, or the test stops saying why it refused. */
  function data<T>(answer: Awaited<ReturnType<typeof callApi>>): T {
    if (!answer.result) throw new Error(`refused: ${JSON.stringify(answer.error)}`);
    return answer.result.data as T;
  }

  async function kioskIdentify(cardNumber: string): Promise<string> {
    const answer = (await kioskCall('kiosk.identify', { input: { cardNumber, pin: PIN } })) as {
      residentToken: string;
    };
    return answer.residentToken;
  }

  /** A call as the kiosk app makes it: its device token, and the resident's once identified. */
  async function kioskCall(
    path: string,
    { input, residentToken }: { input: unknown; residentToken?: string },
  ): Promise<unknown> {
    const response = await fetch(`${directUrl(service.url)}/trpc/${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${DEMO_KIOSK_TOKEN}`,
        ...(residentToken ? { 'x-resident-token': residentToken } : {}),
      },
      body: JSON.stringify(input),
    });
    const answer = (await response.json()) as { result?: { data: unknown }; error?: unknown };
    if (!answer.result) throw new Error(`${path} refused: ${JSON.stringify(answer.error)}`);
    return answer.result.data;
  }
});
