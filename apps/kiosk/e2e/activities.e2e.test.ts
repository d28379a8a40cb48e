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
  staffApi,
  text,
  typeCard,
} from './helpers';

type Staff = Awaited<ReturnType<typeof staffApi>>;
type Attendance = {
  entries: { resident: { cardNumber: string }; checkedInAt: string | null; walkIn: boolean }[];
};

const MINUTE = 60_000;
/** Made by the leader for this test: it starts in half an hour, so both sign-up and the door are open. */
const stairway = { zh: '楼道清洁日', en: 'Stairway clean-up day' };

// Issue 13 at the kiosk, against the real service in Chromium: residents find an activity the
// Sunshine leader published, sign up (one joins a waiting list), see their sign-ups and cancel
// one; then the office puts the kiosk at the activity's door, and two residents check in there,
// one by tapping a card, one by typing card and PIN. Key steps run in English and in Chinese.
describe('activities at the kiosk', () => {
  let service: RunningService;
  let browser: BrowserContext;
  let leader: Staff;
  let activityId = '';
  const errors: string[] = [];

  beforeAll(async () => {
    service = await startService();
    // The demo kiosk starts at the door of the demo's running activity: first, its usual screens.
    await setDemoKioskActivity(service.url, null);
    leader = await staffApi(service.url, 'leader');
    const [sunshine] = await leader.query<{ id: string }[]>('organizations.list');
    const startsAt = Date.now() + 30 * MINUTE;
    const created = await leader.mutate<{ id: string }>('activities.create', {
      idempotencyKey: crypto.randomUUID(),
      organizationId: sunshine?.id,
      title: stairway,
      category: 'environment',
      place: '3号楼',
      startsAt: new Date(startsAt).toISOString(),
      endsAt: new Date(startsAt + 2 * 60 * MINUTE).toISOString(),
      slots: 20,
    });
    activityId = created.id;
    await leader.mutate('activities.publish', {
      idempotencyKey: crypto.randomUUID(),
      id: activityId,
    });
    // A kiosk's clock is its community's: the browser (started with this environment) reads
    // times as the service's door does, so "20:55" on the door and in the confirmation agree.
    process.env.TZ = 'Asia/Shanghai';
    browser = await openKioskBrowser();
  }, SERVICE_START_MS);

  afterAll(async () => {
    await browser?.close();
    await service?.stop();
  });

  async function displayNameOf(card: string): Promise<string> {
    const office = await staffApi(service.url);
    const { items } = await office.query<{ items: { cardNumber: string; displayName: string }[] }>(
      'residents.list',
      { query: card, limit: 5 },
    );
    const found = items.find((resident) => resident.cardNumber === card);
    if (!found) throw new Error(`the demo has no card ${card}`);
    return found.displayName;
  }

  const cardOf = (page: Page, title: string) =>
    page.locator('.activity-card', { has: page.getByRole('heading', { name: title }) });

  async function openActivities(page: Page, card: string, language: Language) {
    const t = text[language];
    await openKiosk(page, service.url, { language });
    await identify(page, { card, language });
    await page.getByRole('heading', { name: t.rewards.title }).waitFor();
    await page.getByRole('button', { name: t.nav.activities, exact: true }).click();
    await page.getByRole('heading', { name: t.activities.title }).waitFor();
    await cardOf(page, stairway[language]).waitFor();
  }

  it('signs a resident up, joins a waiting list, and cancels one from My activities (English)', async () => {
    const t = text.en;
    const page = await newKioskPage(browser, errors);
    await openActivities(page, 'Q0040', 'en');
    const stairs = cardOf(page, stairway.en);
    expect(await stairs.textContent()).toMatch(/Today, \d\d:\d\d–\d\d:\d\d/);
    expect(await stairs.textContent()).toContain('3号楼 · Sunshine Volunteers');
    expect(await stairs.textContent()).toContain('20 places left');
    await checkScreen(page, 'activities.en');

    await stairs.getByRole('button', { name: t.activities.signUp }).click();
    await page.getByRole('heading', { name: t.signedUp.title }).waitFor();
    await page
      .getByText(/^You are signed up for “Stairway clean-up day” on \w+day \d+ \w+, \d\d:\d\d–/)
      .waitFor();
    await checkScreen(page, 'activity-signed-up.en');
    await page.getByRole('button', { name: t.signedUp.done }).click();

    // The demo's health check has 4 places, all taken, and two already waiting.
    const health = cardOf(page, 'Volunteers for the free health check');
    expect(await health.textContent()).toContain(t.activities.fullWaiting);
    expect(await stairs.textContent()).toContain(t.activities.signedUp);
    await health.getByRole('button', { name: t.activities.joinWaitingList }).click();
    await page.getByRole('heading', { name: t.signedUp.waitingTitle }).waitFor();
    await page.getByText(/you are on the waiting list: number 3\./).waitFor();
    await checkScreen(page, 'activity-waiting-list.en');

    await page.getByRole('button', { name: t.signedUp.seeMine }).click();
    await page.getByRole('heading', { name: t.activities.mine }).waitFor();
    const waiting = cardOf(page, 'Volunteers for the free health check');
    await waiting.getByText('You are on the waiting list, number 3').waitFor();
    await cardOf(page, stairway.en).getByText(t.myActivities.hasPlace).waitFor();
    await checkScreen(page, 'my-activities.en');

    await waiting.getByRole('button', { name: t.myActivities.cancel }).click();
    await waiting
      .getByText('Cancel your sign-up for “Volunteers for the free health check”?', {
        exact: false,
      })
      .waitFor();
    await checkScreen(page, 'my-activities-cancel.en');
    await waiting.getByRole('button', { name: t.myActivities.yes }).click();
    await page
      .getByText('Your sign-up for “Volunteers for the free health check” is cancelled.')
      .waitFor();
    await expect.poll(() => waiting.count()).toBe(0);
    await cardOf(page, stairway.en).waitFor();
    await page.getByRole('button', { name: t.resident.signOut }).click();
    await page.close();
  });

  it('shows a cancellation plainly with the reason, and why some cannot be signed up for (Chinese)', async () => {
    const t = text.zh;
    const page = await newKioskPage(browser, errors);
    await openActivities(page, 'Q0001', 'zh');
    await checkScreen(page, 'activities.zh');
    await cardOf(page, stairway.zh).getByRole('button', { name: t.activities.signUp }).click();
    await page.getByRole('heading', { name: t.signedUp.title }).waitFor();
    await page
      .getByText(/^您已报名“楼道清洁日”，时间：\d+月\d+日星期.+ \d\d:\d\d–\d\d:\d\d。$/)
      .waitFor();
    await checkScreen(page, 'activity-signed-up.zh');
    await page.getByRole('button', { name: t.signedUp.done }).click();

    // The next page: one for another group, one whose sign-up opens tomorrow.
    await page.getByRole('button', { name: t.activities.nextPage }).click();
    await page.getByText(t.activities.notInvited).first().waitFor();
    await page.getByText(/^明天 \d\d:\d\d 开始报名$/).waitFor();
    await checkScreen(page, 'activities-page-2.zh');

    // The demo's planting day was cancelled for the weather; Q0001 had signed up.
    await page.getByRole('button', { name: t.activities.mine, exact: true }).click();
    const planting = cardOf(page, '社区菜园播种');
    await planting.getByText(t.myActivities.cancelledTitle).waitFor();
    await planting.getByText('原因：天气预报有暴雨，活动改期，另行通知。').waitFor();
    expect(await planting.getByRole('button').count()).toBe(0);
    await checkScreen(page, 'my-activities.zh');

    const lifts = cardOf(page, '加装电梯议事协商');
    await lifts.getByRole('button', { name: t.myActivities.cancel }).click();
    await lifts.getByRole('button', { name: t.myActivities.yes }).click();
    await page.getByText('已取消“加装电梯议事协商”的报名。').waitFor();
    await expect.poll(() => lifts.count()).toBe(0);
    await page.getByRole('button', { name: t.resident.signOut }).click();
    await page.close();
  });

  it('fits a portrait screen too', async () => {
    const portrait = await openKioskBrowser(PORTRAIT);
    try {
      const page = await newKioskPage(portrait, errors);
      await openActivities(page, 'Q0039', 'zh');
      await checkScreen(page, 'activities.portrait.zh');
      await page.getByRole('button', { name: text.zh.resident.signOut }).click();
    } finally {
      await portrait.close();
    }
  });

  it('keeps the door once the office switches it into activity mode: a tapped card, and a typed card with its PIN', async () => {
    const page = await newKioskPage(browser, errors);
    await openKiosk(page, service.url, { language: 'en' });
    await setDemoKioskActivity(service.url, activityId);
    // The idle kiosk looks for its mode every half minute: no reload needed.
    await page.getByRole('heading', { name: stairway.en }).waitFor({ timeout: 45_000 });
    await page.getByText(text.en.door.prompt).waitFor();
    await checkScreen(page, 'door.en');

    // The card reader types the number and Enter: checked in by the number alone.
    const q0040 = await displayNameOf('Q0040');
    await page.keyboard.type('Q0040');
    await page.keyboard.press('Enter');
    const english = page.getByText(new RegExp(`^Checked in — ${q0040}, \\d\\d:\\d\\d$`));
    await english.waitFor();
    await checkScreen(page, 'door-checked-in.en', { axe: true });
    // It returns to the door by itself for the next person.
    await english.waitFor({ state: 'detached', timeout: 15_000 });

    const t = text.zh;
    await page.getByRole('button', { name: text.en.language.switchTo, exact: true }).click();
    await page.getByText(t.door.prompt).waitFor();
    await typeCard(page, 'Q0001', 'zh');
    await page.getByRole('button', { name: t.common.next, exact: true }).click();
    await page.getByText('卡号 Q0001：请输入密码，再按“签到”。').waitFor();
    for (const digit of '1234')
      await page.getByRole('button', { name: digit, exact: true }).click();
    await checkScreen(page, 'door-pin.zh');
    await page.getByRole('button', { name: t.door.checkIn, exact: true }).click();
    const q0001 = await displayNameOf('Q0001');
    await page.getByText(new RegExp(`^签到成功 ${q0001} \\d\\d:\\d\\d$`)).waitFor();
    await checkScreen(page, 'door-checked-in.zh');
    await page.getByRole('button', { name: t.door.next }).click();
    await page.getByText(t.door.checkedInSoFar_other.replace('{{count, number}}', '2')).waitFor();
    await checkScreen(page, 'door.zh');

    // The leader's sheet has both, at the door just now.
    const sheet = await leader.query<Attendance>('activities.attendance', { activityId });
    const checkedIn = sheet.entries.filter((entry) => entry.checkedInAt !== null);
    expect(checkedIn.map((entry) => entry.resident.cardNumber).sort()).toEqual(['Q0001', 'Q0040']);
    await page.close();

    const portrait = await openKioskBrowser(PORTRAIT);
    try {
      const upright = await newKioskPage(portrait, errors);
      await upright.goto(`${service.url}/kiosk/?token=demo-kiosk-token&lang=zh`);
      await upright.getByRole('heading', { name: stairway.zh }).waitFor();
      await checkScreen(upright, 'door.portrait.zh');
    } finally {
      await portrait.close();
    }
  });

  it('ran every screen above without a script error', () => {
    expect(errors).toEqual([]);
  });
});
