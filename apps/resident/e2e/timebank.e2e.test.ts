import { directUrl, type RunningService, SERVICE_START_MS, startService } from '@tally/e2e/service';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkScreen,
  demoCommunityId,
  type Language,
  newPhonePage,
  openPhoneBrowser,
  openSignedIn,
  PIN,
  staffApi,
  text,
} from './helpers';

type Office = Awaited<ReturnType<typeof staffApi>>;

/** Residents this test uses, away from the demo's own time-bank story. */
const cards = { requester: 'Q0052', helper: 'Q0053', neighbour: 'Q0054', elder: 'Q0055' };

/** Made for this test, so the assertions never lean on the demo's own requests. */
const ask = {
  description: '帮我把手机字体调大一点',
  place: '7号楼302室，按门铃两下',
};
const confirmedMinutes = 45;

/** A resident's calls to the service as the phone makes them (a session from card and PIN). */
async function residentApi(baseUrl: string, card: string) {
  const call = async (path: string, init: RequestInit, token?: string) => {
    const response = await fetch(`${directUrl(baseUrl)}/trpc/${path}`, {
      ...init,
      headers: {
        'content-type': 'application/json',
        'x-device-id': `e2e-timebank-${card}`,
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
    });
    const body = (await response.json()) as { result?: { data: unknown }; error?: unknown };
    if (!body.result) throw new Error(`${path}: ${JSON.stringify(body.error)}`);
    return body.result.data;
  };
  const { token } = (await call('me.signIn', {
    method: 'POST',
    body: JSON.stringify({
      cardNumber: card,
      pin: PIN,
      communityId: await demoCommunityId(directUrl(baseUrl)),
    }),
  })) as { token: string };
  return <T>(path: string, input: unknown) =>
    call(path, { method: 'POST', body: JSON.stringify(input) }, token) as Promise<T>;
}

async function residentId(office: Office, card: string): Promise<string> {
  const page = await office.query<{ items: { id: string; cardNumber: string }[] }>(
    'residents.list',
    { query: card },
  );
  const found = page.items.find((resident) => resident.cardNumber === card);
  if (!found) throw new Error(`no demo resident ${card}`);
  return found.id;
}

/**
 * The requester earns an hour of credit first, helping an elder on the office's care list (the
 * care pool pays for the elder): what they spend later on the phone is their own.
 */
async function earnAnHour(baseUrl: string, office: Office) {
  await office.mutate('timebank.addToCareList', {
    idempotencyKey: crypto.randomUUID(),
    residentId: await residentId(office, cards.elder),
    note: '独居',
  });
  await office.mutate('timebank.grant', {
    idempotencyKey: crypto.randomUUID(),
    minutes: 600,
    note: '',
  });
  const elder = await residentApi(baseUrl, cards.elder);
  const requester = await residentApi(baseUrl, cards.requester);
  const { id } = await elder<{ id: string }>('timebank.request', {
    idempotencyKey: crypto.randomUUID(),
    kind: 'visit',
    minutesEstimate: 60,
  });
  await requester('timebank.claim', { idempotencyKey: crypto.randomUUID(), requestId: id });
  await elder('timebank.confirm', {
    idempotencyKey: crypto.randomUUID(),
    requestId: id,
    helperId: await residentId(office, cards.requester),
    minutes: 60,
  });
}

/** Minutes from what the screen says: "2 hours 30 minutes", "2小时30分钟", "45 minutes". */
function minutesOf(shown: string): number {
  const hours = /(\d+)\s*(?:hours?|小时)/.exec(shown)?.[1] ?? '0';
  const minutes = /(\d+)\s*(?:minutes?|分钟)/.exec(shown)?.[1] ?? '0';
  return Number(hours) * 60 + Number(minutes);
}

async function openTimeBank(page: Page, language: Language) {
  await page.getByTestId('timebank-entry').click();
  await page.getByRole('heading', { name: text[language].timebank.title, level: 1 }).waitFor();
}

async function creditOnScreen(page: Page): Promise<number> {
  return minutesOf((await page.getByTestId('time-credit-balance').textContent()) ?? '');
}

// The time bank on two phones against the real service: a resident asks for help by taps
// (Chinese); a neighbour on another phone (English) sees it without the requester's name or
// place, takes it, then sees both and says how long it took; the requester confirms and both
// balances move by those minutes. A third resident who did not take it never sees the place.
// Each screen is checked in both languages.
describe('the time bank on the phone', () => {
  let service: RunningService;
  let office: Office;
  let requesterPhone: BrowserContext;
  let helperPhone: BrowserContext;
  const errors: string[] = [];
  const typed = [ask.description, ask.place];
  const names = { requester: '', helper: '' };

  beforeAll(async () => {
    service = await startService();
    office = await staffApi(service.url);
    await earnAnHour(service.url, office);
    for (const role of ['requester', 'helper'] as const) {
      const page = await office.query<{ items: { cardNumber: string; displayName: string }[] }>(
        'residents.list',
        { query: cards[role] },
      );
      names[role] = page.items.find((r) => r.cardNumber === cards[role])?.displayName ?? '';
    }
    requesterPhone = await openPhoneBrowser();
    helperPhone = await openPhoneBrowser();
  }, SERVICE_START_MS);

  afterAll(async () => {
    await requesterPhone?.close();
    await helperPhone?.close();
    await service?.stop();
  });

  afterAll(() => {
    expect(errors).toEqual([]);
  });

  it('asks, takes, says how long and confirms: both balances move by the minutes', async () => {
    const zh = text.zh.timebank;
    const en = text.en.timebank;

    // The requester, in Chinese: their credit, then asking by taps.
    const requester = await newPhonePage(requesterPhone, errors);
    await openSignedIn(requester, service.url, { card: cards.requester, language: 'zh' });
    await openTimeBank(requester, 'zh');
    const requesterBefore = await creditOnScreen(requester);
    expect(requesterBefore).toBeGreaterThanOrEqual(60);
    await checkScreen(requester, 'timebank-home', { typed });
    await requester.getByRole('link', { name: zh.ask }).click();
    await requester.getByRole('heading', { name: zh.askTitle }).waitFor();
    await requester.getByRole('button', { name: zh.kinds.tech }).click();
    await requester.getByLabel(zh.askDescription).fill(ask.description);
    await requester.getByRole('button', { name: zh.days['1'] }).click();
    await requester.getByRole('button', { name: /^下午/ }).click();
    await requester.getByLabel(zh.askPlace).fill(ask.place);
    await requester.getByRole('button', { name: '30分钟', exact: true }).click();
    // Two helpers: the request stays open after one takes it, for the neighbour to see.
    await requester.getByRole('button', { name: '2', exact: true }).click();
    await checkScreen(requester, 'timebank-ask', { typed });
    await requester.getByRole('button', { name: zh.askSend }).click();
    await requester.getByRole('heading', { name: zh.askedTitle }).waitFor();
    await requester.getByRole('link', { name: zh.seeMine }).click();
    const mine = requester.getByTestId('my-help-request').filter({ hasText: ask.description });
    await mine.getByTestId('exact-place').waitFor();
    await mine.getByText(zh.noHelperYet).waitFor();
    await checkScreen(requester, 'timebank-mine', { typed });

    // The helper, in English on another phone: the request without name or place.
    const helper = await newPhonePage(helperPhone, errors);
    await openSignedIn(helper, service.url, { card: cards.helper, language: 'en' });
    await openTimeBank(helper, 'en');
    const helperBefore = await creditOnScreen(helper);
    await checkScreen(helper, 'timebank-home', { typed });
    await helper.getByRole('link', { name: en.help }).click();
    const open = helper.getByTestId('help-request').filter({ hasText: ask.description });
    await open.getByText(en.neighbour).waitFor();
    expect(await helper.locator('main').textContent()).not.toContain(ask.place);
    expect(await open.textContent()).not.toContain(names.requester);
    await checkScreen(helper, 'timebank-requests', { typed });
    await open.getByRole('button', { name: en.canHelp }).click();
    await open.getByLabel(en.claimBoard).check();
    await open.getByRole('button', { name: en.claimYes }).click();
    await open.getByRole('link', { name: en.seeHelping }).click();
    const helping = helper.getByTestId('helping-request').filter({ hasText: ask.description });
    expect(await helping.getByTestId('exact-place').textContent()).toBe(
      en.place.replace('{{place}}', ask.place),
    );
    expect(await helping.getByTestId('requester').textContent()).toBe(
      en.helpingFor.replace('{{name}}', names.requester),
    );
    await checkScreen(helper, 'timebank-helping', { typed });
    await helping.getByRole('button', { name: en.propose }).click();
    await helping.getByRole('button', { name: en.more }).click();
    await helping.getByRole('button', { name: 'Send: 45 minutes' }).click();
    await helping.getByText(en.proposedDone.replace('{{name}}', names.requester)).waitFor();

    // A neighbour who did not take it: the request, but never the place or the name.
    const neighbour = await newPhonePage(requesterPhone, errors);
    await openSignedIn(neighbour, service.url, { card: cards.neighbour, language: 'zh' });
    await neighbour.goto(`${service.url}/me/help/requests?lang=zh`);
    const seen = neighbour.getByTestId('help-request').filter({ hasText: ask.description });
    await seen.getByText(text.zh.timebank.neighbour).waitFor();
    expect(await neighbour.locator('main').textContent()).not.toContain(ask.place);
    expect(await seen.textContent()).not.toContain(names.requester);
    await neighbour.goto(`${service.url}/me/help/helping?lang=zh`);
    await neighbour.getByRole('heading', { name: zh.title, level: 1 }).waitFor();
    await neighbour
      .getByText(zh.helpingEmpty)
      .or(neighbour.getByTestId('helping-request').first())
      .waitFor();
    expect(await neighbour.locator('main').textContent()).not.toContain(ask.place);
    await neighbour.close();

    // The requester confirms the helper's 45 minutes.
    await requester.reload();
    const claim = mine.getByTestId('help-claim').filter({ hasText: names.helper });
    await claim.getByTestId('proposed').waitFor();
    await claim.getByRole('button', { name: zh.confirm }).click();
    expect(minutesOf((await claim.getByTestId('minutes-value').textContent()) ?? '')).toBe(
      confirmedMinutes,
    );
    await claim.getByRole('button', { name: /^确认45分钟/ }).scrollIntoViewIfNeeded();
    await checkScreen(requester, 'timebank-confirm', { typed });
    await claim.getByRole('button', { name: /^确认45分钟/ }).click();
    await claim.getByTestId('confirmed').waitFor();
    await claim.getByTestId('confirmed').scrollIntoViewIfNeeded();
    await checkScreen(requester, 'timebank-confirmed', { typed });

    // Both balances, as each phone shows them.
    await requester.goto(`${service.url}/me/help?lang=zh`);
    await requester.getByTestId('time-credit-balance').waitFor();
    expect(await creditOnScreen(requester)).toBe(requesterBefore - confirmedMinutes);
    await helper.goto(`${service.url}/me/help?lang=en`);
    await helper.getByTestId('time-credit-balance').waitFor();
    expect(await creditOnScreen(helper)).toBe(helperBefore + confirmedMinutes);
  });

  it('shows every time-bank screen in the other language too', async () => {
    // The requester's phone in English, the helper's in Chinese.
    const requester = await newPhonePage(requesterPhone, errors);
    await openSignedIn(requester, service.url, { card: cards.requester, language: 'en' });
    await openTimeBank(requester, 'en');
    await checkScreen(requester, 'timebank-home', { typed });
    await requester.getByRole('link', { name: text.en.timebank.ask }).click();
    await requester.getByRole('button', { name: text.en.timebank.kinds.shopping }).click();
    await requester.getByRole('button', { name: text.en.timebank.days['2'] }).click();
    await checkScreen(requester, 'timebank-ask', { typed });
    await requester.goto(`${service.url}/me/help/mine?lang=en`);
    await requester.getByTestId('my-help-request').filter({ hasText: ask.description }).waitFor();
    await checkScreen(requester, 'timebank-mine', { typed });
    await requester.goto(`${service.url}/me/help/give?lang=en`);
    await requester.getByTestId('give-balance').waitFor();
    await checkScreen(requester, 'timebank-give', { typed });

    const helper = await newPhonePage(helperPhone, errors);
    await openSignedIn(helper, service.url, { card: cards.helper, language: 'zh' });
    await helper.goto(`${service.url}/me/help/requests?lang=zh`);
    await helper.getByRole('heading', { name: text.zh.timebank.title, level: 1 }).waitFor();
    await helper
      .getByTestId('help-request')
      .or(helper.getByText(text.zh.timebank.openEmpty))
      .first()
      .waitFor();
    await checkScreen(helper, 'timebank-requests', { typed });
    await helper.goto(`${service.url}/me/help/helping?lang=zh`);
    const helping = helper.getByTestId('helping-request').filter({ hasText: ask.description });
    await helping.getByTestId('earned').waitFor();
    await checkScreen(helper, 'timebank-helping', { typed });
    await helper.goto(`${service.url}/me/help/offers?lang=zh`);
    await helper.getByRole('button', { name: text.zh.timebank.offer }).click();
    await helper.getByRole('button', { name: text.zh.timebank.kinds.repairs }).click();
    // Not the demo offer's words ("工作日晚上"): the new offer must be told apart from it.
    const offerWhen = '周二周四晚上七点后';
    await helper.getByLabel(text.zh.timebank.offerWhenLabel).fill(offerWhen);
    await helper.getByRole('button', { name: text.zh.timebank.offerSend }).click();
    await helper.getByText(text.zh.timebank.offeredDone).waitFor();
    await helper.getByTestId('help-offer').filter({ hasText: offerWhen }).waitFor();
    await checkScreen(helper, 'timebank-offers', { typed: [...typed, offerWhen] });
    await helper.goto(`${service.url}/me/help/give?lang=zh`);
    await helper.getByTestId('give-balance').waitFor();
    await checkScreen(helper, 'timebank-give', { typed });
  });
});
