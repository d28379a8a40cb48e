import { randomUUID } from 'node:crypto';
import type { Topic } from '@tally/domain/deliberation';
import { collectPageErrors, launchBrowser } from '@tally/e2e/browser';
import { type RunningService, SERVICE_START_MS, startService } from '@tally/e2e/service';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiToken, callApi, LAPTOP, localDay, screenshot, signIn } from './helpers';

const PIN = '1234';
const KIOSK = { width: 1920, height: 1080 };
const PHONE = { width: 390, height: 844 };
/** The kiosk resident who raises the matter and votes there; two neighbours on their phones. */
const RAISER = 'Q0047';
const NEIGHBOURS = ['Q0005', 'Q0006'];
const BUILDING = '4';

// Issue 15 end to end, each person in their own app against one real service: a resident
// raises a matter at the kiosk by taps; two neighbours support it on their phones; the office
// accepts it and links a consultation meeting, where residents check in and which closes (the
// topic is then consulted); the office records the decision and opens a secret poll; residents
// vote at the kiosk and on the phone; the office closes the poll and the result is on the
// notice board and on the phone. Each app's own browser tests check every screen in both
// languages; this one follows the story in English.
describe('a matter from the kiosk to the notice board', () => {
  let service: RunningService;
  const browsers: BrowserContext[] = [];
  let office: Page;
  let token = '';
  let topicId = '';
  const errors: string[] = [];

  beforeAll(async () => {
    service = await startService();
    token = await apiToken(service.url, 'office');
    const officeBrowser = await launchBrowser({ viewport: LAPTOP, locale: 'en-GB' });
    browsers.push(officeBrowser);
    office = await officeBrowser.newPage();
    collectPageErrors(office, errors, 'admin');
    await signIn(office, service.url, 'office', '/topics');
  }, SERVICE_START_MS);

  afterAll(async () => {
    for (const browser of browsers) await browser.close();
    await service?.stop();
    expect(errors).toEqual([]);
  });

  /** One browser for the kiosk and one for the phones, opened when first needed. */
  const opened = new Map<string, BrowserContext>();
  async function browserFor(kind: 'kiosk' | 'phone'): Promise<BrowserContext> {
    const found = opened.get(kind);
    if (found) return found;
    const browser = await launchBrowser(
      kind === 'kiosk'
        ? { viewport: KIOSK, locale: 'en-GB' }
        : { viewport: PHONE, locale: 'en-GB', mobile: true },
    );
    browsers.push(browser);
    opened.set(kind, browser);
    return browser;
  }

  async function kioskAs(card: string): Promise<Page> {
    const page = await (await browserFor('kiosk')).newPage();
    collectPageErrors(page, errors, 'kiosk');
    await page.goto(`${service.url}/kiosk/?token=demo-kiosk-token&lang=en`);
    await page.getByRole('button', { name: /Start/ }).click();
    for (const char of card) {
      if (/[A-Z]/.test(char)) await tap(page, 'Show letters');
      await tap(page, char);
    }
    await tap(page, 'Next');
    for (const digit of PIN) await tap(page, digit);
    await tap(page, 'OK');
    await page.getByRole('button', { name: 'Community matters', exact: true }).click();
    await page.getByRole('heading', { name: 'Community matters', exact: true }).waitFor();
    return page;
  }

  /** A new tab signs in afresh: the app keeps an unremembered sign-in to its own tab. */
  async function phoneAs(card: string): Promise<Page> {
    const page = await (await browserFor('phone')).newPage();
    collectPageErrors(page, errors, 'phone');
    await page.goto(`${service.url}/me/?lang=en`);
    // The demo street holds three communities: the phone asks which one.
    await page
      .getByRole('combobox', { name: /^Your community/ })
      .selectOption({ label: 'Q Community' });
    await page.getByLabel('Card number', { exact: true }).fill(card);
    await page.getByLabel('PIN', { exact: true }).fill(PIN);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByTestId('balance-points').waitFor();
    await page.getByTestId('matters-entry').click();
    await page.getByRole('heading', { name: 'Community matters', level: 1 }).waitFor();
    return page;
  }

  it('raises a matter at the kiosk by taps', async () => {
    const kiosk = await kioskAs(RAISER);
    await kiosk.getByRole('button', { name: /^Raise a matter/ }).click();
    await kiosk.getByRole('button', { name: /^Safety/ }).click();
    await tap(kiosk, `Building ${BUILDING}`);
    await kiosk.getByRole('button', { name: 'Send to the community office' }).click();
    await kiosk.getByRole('heading', { name: 'Thank you!' }).waitFor();
    await screenshot(kiosk, 'journey-1-kiosk-raised.en');
    const raised = await api<{ items: Topic[] }>('topics.list', { status: 'raised', limit: 50 });
    const mine = raised.items.filter(
      (topic) => topic.kind === 'safety' && topic.place === BUILDING && topic.title === null,
    );
    expect(mine).toHaveLength(1);
    topicId = mine[0]?.id ?? '';
    await kiosk.close();
  });

  it('gathers two neighbours’ support on their phones', async () => {
    for (const card of NEIGHBOURS) {
      const phone = await phoneAs(card);
      const matter = phone.getByTestId('topic-card').filter({ hasText: `Building ${BUILDING}` });
      await matter.getByRole('button', { name: 'Support', exact: true }).click();
      await matter.getByTestId('supported').waitFor();
      await screenshot(phone, `journey-2-phone-supported-${card}.en`);
      await phone.close();
    }
    expect((await topic()).supporters).toBe(3);
  });

  it('is accepted by the office, consulted at a meeting residents came to, and decided', async () => {
    await office.goto(`${service.url}/admin/topics/${topicId}`);
    await expect.poll(() => office.getByTestId('topic-supporters').textContent()).toContain('3');
    await office.getByRole('button', { name: 'Triage' }).click();
    const triage = office.getByRole('dialog');
    await triage.getByLabel('Accept for consultation').check();
    await triage.getByLabel('Planned consultation date').fill(localDay(0));
    await triage.getByRole('button', { name: 'Save' }).click();
    await office.getByText('Topic accepted for consultation.').waitFor();

    // The meeting started a few minutes ago in the community office; the office links it.
    const meeting = await publishMeeting();
    await office.reload();
    await office.getByRole('button', { name: 'Link a meeting' }).click();
    const link = office.getByRole('dialog');
    await link.getByLabel('Meeting').selectOption(meeting);
    await link.getByRole('button', { name: 'Link' }).click();
    await office.getByText('Meeting linked.').waitFor();
    // Residents are checked in at the door, and the meeting is closed: the topic is consulted.
    for (const card of [RAISER, ...NEIGHBOURS]) {
      await api('activities.checkIn', {
        idempotencyKey: randomUUID(),
        activityId: meeting,
        cardNumber: card,
      });
    }
    await api('activities.close', { idempotencyKey: randomUUID(), id: meeting });
    expect((await topic()).status).toBe('consulted');
    await office.reload();

    await office.getByRole('button', { name: 'Record the decision' }).click();
    const decide = office.getByRole('dialog');
    await decide.getByLabel('Decision', { exact: true }).fill('Light the path behind building 4');
    await decide.getByLabel('Who is responsible').fill('Property management');
    await decide.getByLabel('By when').fill(localDay(30));
    await decide.getByLabel('Minutes').fill('Residents of building 4 spoke for two lamps.');
    await decide.getByRole('button', { name: 'Record' }).click();
    await office.getByText('Decision recorded.').waitFor();
    const history = (await topic()).history.map((step) => step.kind);
    expect(history).toEqual(['raised', 'accepted', 'meeting_linked', 'consulted', 'decided']);
    await screenshot(office, 'journey-3-office-decided.en');
  });

  it('opens a secret poll; residents vote at the kiosk and on the phone', async () => {
    await office.getByRole('button', { name: 'Open a poll' }).click();
    const poll = office.getByRole('dialog');
    await poll.getByLabel('Question (Chinese)').fill('路灯装几盏？');
    await poll.getByLabel('Question (English)').fill('How many lamps?');
    await poll.getByLabel('Option 1 (Chinese)').fill('两盏');
    await poll.getByLabel('Option 1 (English)').fill('Two lamps');
    await poll.getByLabel('Option 2 (Chinese)').fill('四盏');
    await poll.getByLabel('Option 2 (English)').fill('Four lamps');
    await poll.getByRole('button', { name: 'Open the poll' }).click();
    await office.getByText('Poll opened.').waitFor();

    const kiosk = await kioskAs(RAISER);
    await kiosk.getByRole('button', { name: /^Votes/ }).click();
    const card = kiosk.locator('li.poll-card', {
      has: kiosk.getByRole('heading', { name: 'How many lamps?', exact: true }),
    });
    await card.getByRole('button', { name: 'Four lamps', exact: true }).click();
    await kiosk.getByRole('button', { name: 'Yes, vote for it' }).click();
    await kiosk.getByText('Your vote was counted', { exact: false }).waitFor();
    expect(await kiosk.locator('main').textContent()).not.toContain('Four lamps');
    await screenshot(kiosk, 'journey-4-kiosk-voted.en');
    await kiosk.close();

    for (const [index, neighbour] of NEIGHBOURS.entries()) {
      const phone = await phoneAs(neighbour);
      await phone.getByRole('link', { name: 'Votes', exact: true }).click();
      const ballot = phone.getByTestId('poll-card').filter({ hasText: 'How many lamps?' });
      await ballot.getByRole('button', { name: 'Vote' }).click();
      await phone.getByRole('radio', { name: index === 0 ? 'Four lamps' : 'Two lamps' }).check();
      await phone.getByRole('button', { name: 'Continue' }).click();
      await phone.getByRole('button', { name: 'Cast my vote' }).click();
      await expect
        .poll(() => phone.getByTestId('vote-answer').textContent())
        .toContain('Your vote was counted; it is secret.');
      if (index === 0) await screenshot(phone, 'journey-5-phone-voted.en');
      await phone.close();
    }
  });

  it('closes the poll, and the result is on the notice board and on the phone', async () => {
    await office.reload();
    await office.getByText('3 residents have voted so far').waitFor();
    await office.getByRole('button', { name: 'Close poll now' }).click();
    await office.getByRole('dialog').getByRole('button', { name: 'Close poll now' }).click();
    await office.getByText('Poll closed.').waitFor();
    await expect
      .poll(() => office.getByTestId('option-votes').allTextContents())
      .toEqual(['1 vote', '2 votes']);

    await office.goto(`${service.url}/admin/notices`);
    const board = office.getByRole('region', { name: 'Decisions and polls' });
    await board.getByText('Light the path behind building 4').waitFor();
    await board.getByText('How many lamps?').waitFor();
    await screenshot(office, 'journey-6-notice-board.en');

    const phone = await phoneAs(NEIGHBOURS[1] ?? '');
    await phone.getByRole('link', { name: 'Decisions', exact: true }).click();
    await phone.getByText('Light the path behind building 4').first().waitFor();
    await phone.getByText('How many lamps?').first().waitFor();
    await screenshot(phone, 'journey-7-phone-decisions.en');
    await phone.close();
  });

  async function tap(page: Page, name: string) {
    await page.getByRole('button', { name, exact: true }).click();
  }

  async function topic(): Promise<Topic> {
    return api<Topic>('topics.get', { id: topicId });
  }

  /** A community-affairs meeting that began ten minutes ago, published by the office. */
  async function publishMeeting(): Promise<string> {
    const [organization] = await api<{ id: string }[]>('organizations.list');
    const starts = Date.now() - 10 * 60_000;
    const created = await api<{ id: string }>('activities.create', {
      idempotencyKey: randomUUID(),
      organizationId: organization?.id,
      title: { zh: '4号楼路灯议事会', en: 'Building 4 lighting meeting' },
      category: 'community_affairs',
      place: '社区办公室',
      startsAt: new Date(starts).toISOString(),
      endsAt: new Date(starts + 90 * 60_000).toISOString(),
    });
    await api('activities.publish', { idempotencyKey: randomUUID(), id: created.id });
    return created.id;
  }

  /** The office's call; a query without `idempotencyKey`, else a mutation. */
  async function api<T = unknown>(path: string, input?: Record<string, unknown>): Promise<T> {
    const mutation = input !== undefined && 'idempotencyKey' in input;
    const answer = await callApi(service.url, path, {
      token,
      ...(mutation ? { method: 'POST' } : {}),
      ...(input !== undefined ? { input } : {}),
    });
    if (!answer.result) throw new Error(`${path} refused: ${JSON.stringify(answer.error)}`);
    return answer.result.data as T;
  }
});
