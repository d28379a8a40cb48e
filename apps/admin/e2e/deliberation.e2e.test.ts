import { randomUUID } from 'node:crypto';
import type { Topic } from '@tally/domain/deliberation';
import type { Resident } from '@tally/domain/residents';
import { seriousAccessibilityViolations } from '@tally/e2e/axe';
import { LATIN_ALLOWED_IN_CHINESE, typedTexts, wordsNotInLanguage } from '@tally/e2e/language';
import { directUrl } from '@tally/e2e/service';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  apiToken,
  callApi,
  localDay,
  screenshot,
  signedInSession,
  switchLanguage,
} from './helpers';

const DEMO_KIOSK_TOKEN = 'demo-kiosk-token';
const PIN = '1234';

// One topic's whole life in the office's hands, against the real service on a fresh demo
// database: the office raises it, accepts it, links a community-affairs meeting, records the
// decision and opens a poll; three residents vote at the kiosk (through the API, as the kiosk
// app sends it); the office sees "results after the close", closes the poll and reads the
// counts, then reports the work done and the topic is carried out.
describe('a topic, from raising it to carrying it out', () => {
  const session = signedInSession('office', { path: '/topics', axe: true });
  const title = `儿童游乐场加装围栏 ${Date.now() % 100_000}`;
  const decision = '游乐场四周加装1.2米围栏，入口设自闭门。';
  const progress = '围栏已于本周装好，入口自闭门已调试。';
  let officeToken = '';
  let topicUrl = '';
  const offLanguage: string[] = [];

  beforeAll(async () => {
    officeToken = await apiToken(session.service.url, 'office');
  });

  it('lists the demo’s topics by stage and counts the overdue ones', async () => {
    const { page } = session;
    await page.getByRole('heading', { name: 'Deliberation', level: 1 }).waitFor();
    await page.locator('tbody tr').first().waitFor();
    // The demo's rain shelter is decided and past its "by when".
    await expect.poll(() => page.getByTestId('overdue-count').textContent()).toBe('1');
    await page.getByRole('link', { name: /^Overdue/ }).click();
    await page.getByText('past their “by when”', { exact: false }).waitFor();
    await expect.poll(() => page.locator('tbody tr').count()).toBe(1);
    await page.getByRole('link', { name: 'All', exact: true }).click();
    await expect.poll(() => page.locator('tbody tr').count()).toBeGreaterThan(3);
    await checkBothLanguages(page, 'topics', async () => {
      await page.locator('tbody tr').first().waitFor();
    });
  });

  it('lets the office raise a topic and accept it for consultation', async () => {
    const { page } = session;
    await page.getByRole('button', { name: 'Raise a topic' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Title').fill(title);
    await dialog.getByLabel('What and why').fill('游乐场紧邻车道，孩子容易跑出去。');
    await dialog.getByLabel('Where', { exact: true }).fill('中心花园');
    await dialog.getByLabel('Kind').selectOption('safety');
    await dialog.getByRole('button', { name: 'Raise it' }).click();
    await page.getByRole('heading', { name: title, level: 1 }).waitFor();
    topicUrl = page.url();
    await page.getByText('Raised', { exact: true }).first().waitFor();

    await page.getByRole('button', { name: 'Triage' }).click();
    const triage = page.getByRole('dialog');
    await triage.getByLabel('Accept for consultation').check();
    await triage.getByLabel('Planned consultation date').fill(localDay(7));
    await triage.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Topic accepted for consultation.').waitFor();
    await page.getByRole('button', { name: 'Link a meeting' }).waitFor();
    expect((await topicOnPage()).status).toBe('accepted');
  });

  it('links a community-affairs meeting, after offering to create one with that category', async () => {
    const { page } = session;
    await page.getByRole('button', { name: 'Link a meeting' }).click();
    await page
      .getByRole('dialog')
      .getByRole('link', { name: 'Create a meeting in Activities' })
      .click();
    // The new activity's dialog opens with its category chosen.
    const create = page.getByRole('dialog');
    await expect.poll(() => create.getByLabel('Category').inputValue()).toBe('community_affairs');
    await create.getByRole('button', { name: 'Cancel' }).click();

    const meeting = await createMeeting();
    await page.goto(topicUrl);
    await page.getByRole('button', { name: 'Link a meeting' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Meeting').selectOption(meeting.id);
    await dialog.getByRole('button', { name: 'Link' }).click();
    await page.getByText('Meeting linked.').waitFor();
    await page
      .getByRole('region', { name: 'Consultation meetings' })
      .getByText(meeting.title)
      .waitFor();
  });

  it('records the decision, with minutes that say views and not votes', async () => {
    const { page } = session;
    await page.getByRole('button', { name: 'Record the decision' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Never how a named person voted', { exact: false }).waitFor();
    await dialog.getByLabel('Decision', { exact: true }).fill(decision);
    await dialog.getByLabel('Who is responsible').fill('物业公司');
    await dialog.getByLabel('By when').fill(localDay(30));
    await dialog
      .getByLabel('Minutes')
      .fill('居民代表王阿姨主张加高围栏；物业提出预算有限，建议分两期。');
    await dialog.getByRole('button', { name: 'Record' }).click();
    await page.getByText('Decision recorded.').waitFor();
    await expect.poll(() => page.getByTestId('topic-decision').textContent()).toBe(decision);
    expect((await topicOnPage()).status).toBe('decided');
  });

  it('opens a poll, and says its results come after the close', async () => {
    const { page } = session;
    await page.getByRole('button', { name: 'Open a poll' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Question (Chinese)').fill('围栏选用哪种颜色？');
    await dialog.getByLabel('Question (English)').fill('Which colour for the fence?');
    await dialog.getByLabel('Option 1 (Chinese)').fill('绿色');
    await dialog.getByLabel('Option 1 (English)').fill('Green');
    await dialog.getByLabel('Option 2 (Chinese)').fill('白色');
    await dialog.getByLabel('Option 2 (English)').fill('White');
    await dialog.getByRole('button', { name: 'Add an option' }).click();
    await dialog.getByLabel('Option 3 (Chinese)').fill('临时');
    await dialog.getByRole('button', { name: 'Remove option 3' }).click();
    await expect.poll(() => dialog.getByLabel('Option 3 (Chinese)').count()).toBe(0);
    // A secret ballot cannot be changed: the choice appears only for an open one.
    await expect.poll(() => dialog.getByLabel(/may change their vote/).count()).toBe(0);
    await dialog.getByLabel('Secret ballot').uncheck();
    await dialog.getByLabel(/may change their vote/).waitFor();
    await dialog.getByLabel('Secret ballot').check();
    await screenshot(page, 'deliberation-open-poll.en');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Open the poll' }).click();
    await page.getByText('Poll opened.').waitFor();
    await page.getByTestId('poll-after-close').waitFor();
    await checkBothLanguages(page, 'deliberation-topic', async () => {
      await page.getByTestId('poll-after-close').waitFor();
    });
  });

  it('counts the votes residents cast at the kiosk once the office closes the poll', async () => {
    const { page } = session;
    const topic = await topicOnPage();
    const [poll] = topic.polls;
    if (!poll) throw new Error('the poll is not on the topic');
    const [green, white] = poll.options;
    const voters = await residents(3);
    for (const [index, resident] of voters.entries()) {
      const residentToken = await kioskIdentify(resident.cardNumber);
      await kioskCall('kiosk.vote', {
        residentToken,
        input: {
          idempotencyKey: randomUUID(),
          pollId: poll.id,
          optionId: index < 2 ? green?.id : white?.id,
        },
      });
    }
    await page.reload();
    await page.getByText('3 residents have voted so far').waitFor();
    // Still no counts while the poll is open.
    expect(await page.getByTestId('option-votes').count()).toBe(0);

    await page.getByRole('button', { name: 'Close poll now' }).click();
    const confirm = page.getByRole('dialog');
    await confirm.getByText('This cannot be undone', { exact: false }).waitFor();
    await confirm.getByRole('button', { name: 'Close poll now' }).click();
    await page.getByText('Poll closed.').waitFor();
    await expect
      .poll(() => page.getByTestId('option-votes').allTextContents())
      .toEqual(['2 votes', '1 vote']);
    await page.getByRole('table', { name: 'Turnout by age band' }).waitFor();
    await page.getByRole('table', { name: 'Turnout by building' }).waitFor();
    await checkBothLanguages(page, 'deliberation-poll-results', async () => {
      await page.getByTestId('option-votes').first().waitFor();
    });
  });

  it('reports the work done, and the topic is carried out and on the notice board', async () => {
    const { page } = session;
    await page.getByRole('button', { name: 'Report progress' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('What was done').fill(progress);
    await dialog.getByLabel('Carried out: the decision is done').check();
    await dialog.getByRole('button', { name: 'Report', exact: true }).click();
    await page.getByText('Topic carried out.').waitFor();
    await page.getByText(/^Carried out on /).waitFor();
    expect((await topicOnPage()).status).toBe('carried_out');
    const history = page.getByRole('list', { name: /What happened to this topic/ });
    for (const step of ['Raised', 'Accepted for consultation', 'Decided', 'Carried out'])
      await history.getByText(step, { exact: true }).first().waitFor();

    await page.goto(`${session.service.url}/admin/notices`);
    const board = page.getByRole('region', { name: 'Decisions and polls' });
    await board.getByText(decision).waitFor();
    await board.getByText(progress).waitFor();
    await board.getByText('Which colour for the fence?').waitFor();
    await checkBothLanguages(page, 'deliberation-notices', async () => {
      await page.getByRole('region', { name: /Decisions and polls|协商决定与投票/ }).waitFor();
    });
    expect(offLanguage).toEqual([]);
    expect(session.errors).toEqual([]);
  });

  /** A screenshot, axe and the language check in English, then the same in Chinese. */
  async function checkBothLanguages(page: Page, name: string, ready: () => Promise<void>) {
    for (const language of ['en', 'zh'] as const) {
      if (language === 'zh') {
        await switchLanguage(page, 'zh');
        await ready();
      }
      // A toast in the other language is not part of the screen being checked.
      await page.locator('.toast').first().waitFor({ state: 'detached' });
      await screenshot(page, `${name}.${language}`);
      expect(await seriousAccessibilityViolations(page), `${name} (${language})`).toEqual([]);
      const typed = await typedOnScreens();
      const foreign = await wordsNotInLanguage(page, language, {
        allow: LATIN_ALLOWED_IN_CHINESE,
        typed,
      });
      if (foreign.length > 0) offLanguage.push(`${name}.${language}: ${foreign.join(' ')}`);
    }
    await switchLanguage(page, 'en');
    await ready();
  }

  /** Names, titles and places as people typed them, which every screen shows as written. */
  async function typedOnScreens(): Promise<string[]> {
    const token = officeToken;
    const answers = await Promise.all([
      callApi(session.service.url, 'topics.list', { token, input: { limit: 200 } }),
      callApi(session.service.url, 'notices.governance', { token }),
      callApi(session.service.url, 'notices.list', { token, input: { limit: 100 } }),
      callApi(session.service.url, 'staff.list', { token }),
    ]);
    return answers.flatMap((answer) => typedTexts(answer.result?.data));
  }

  async function topicOnPage(): Promise<Topic> {
    const id = session.page.url().match(/topics\/([0-9a-f-]{36})/)?.[1];
    return data(
      await callApi(session.service.url, 'topics.get', { token: officeToken, input: { id } }),
    );
  }

  /** A published community-affairs activity tomorrow evening, as the office would make it. */
  async function createMeeting(): Promise<{ id: string; title: string }> {
    const token = officeToken;
    const [organization] = data<{ id: string }[]>(
      await callApi(session.service.url, 'organizations.list', { token }),
    );
    const starts = new Date(Date.now() + 24 * 3_600_000);
    const meetingTitle = { zh: '游乐场围栏议事会', en: 'Playground fence meeting' };
    const created = data<{ id: string }>(
      await callApi(session.service.url, 'activities.create', {
        token,
        method: 'POST',
        input: {
          idempotencyKey: randomUUID(),
          organizationId: organization?.id,
          title: meetingTitle,
          category: 'community_affairs',
          place: '社区议事厅',
          startsAt: starts.toISOString(),
          endsAt: new Date(starts.getTime() + 90 * 60_000).toISOString(),
        },
      }),
    );
    data(
      await callApi(session.service.url, 'activities.publish', {
        token,
        method: 'POST',
        input: { idempotencyKey: randomUUID(), id: created.id },
      }),
    );
    return { id: created.id, title: meetingTitle.en };
  }

  async function residents(count: number): Promise<Resident[]> {
    const page = data<{ items: Resident[] }>(
      await callApi(session.service.url, 'residents.list', {
        token: officeToken,
        input: { limit: 40 },
      }),
    );
    // Residents with an unlocked card; the last of the list, away from those other tests use.
    return page.items.filter((resident) => !resident.cardLocked).slice(-count);
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
    const response = await fetch(`${directUrl(session.service.url)}/trpc/${path}`, {
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
