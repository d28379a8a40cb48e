import { type RunningService, SERVICE_START_MS, startService } from '@tally/e2e/service';
import type { BrowserContext, Locator, Page } from 'playwright-core';
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
} from './helpers';

type Staff = Awaited<ReturnType<typeof staffApi>>;
type ResidentCard = { id: string; displayName: string };
type HelpRequestRow = {
  id: string;
  kind: string;
  minutesEstimate: number;
  requesterId: string | null;
  claims: { helperId: string; minutes: number | null; poolMinutes: number | null }[];
};

/** One exchange by taps: who asks, who helps, for what and about how long, in one language. */
type Exchange = {
  language: Language;
  asker: string;
  helper: string;
  kind: 'shopping' | 'repairs';
  /** The estimate's tile, e.g. "3 h", and the minutes it stands for. */
  estimate: number;
};

/** "2 h 30 min", "2小时30分钟": the time credit the screen shows, in minutes. */
function minutesOf(shown: string): number {
  const hours = /(\d+)\s*(?:h\b|小时)/.exec(shown)?.[1] ?? '0';
  const minutes = /(\d+)\s*(?:min\b|分钟)/.exec(shown)?.[1] ?? '0';
  return Number(hours) * 60 + Number(minutes);
}

// Issue 16 at the kiosk, against the real service on the demo database, in Chromium: a resident
// asks for help by taps alone; a neighbour sees the request without the asker's name, takes it
// and only then sees who asked; the asker comes back and confirms the time by taps; each one's
// time credit moves by the minutes (the asker's by what the care pool did not pay); the notice
// board thanks them by name, as both agreed. In English (landscape) and Chinese (portrait), with
// axe, the language check and no scrolling on every screen.
describe('the time bank at the kiosk', () => {
  let service: RunningService;
  let browser: BrowserContext;
  let office: Staff;
  const errors: string[] = [];

  beforeAll(async () => {
    service = await startService();
    await setDemoKioskActivity(service.url, null);
    office = await staffApi(service.url);
    // Whatever the demo holds, the care pool has enough to pay for the askers' shortfall.
    await office.mutate('timebank.grant', {
      idempotencyKey: crypto.randomUUID(),
      minutes: 600,
      note: '',
    });
    browser = await openKioskBrowser();
  }, SERVICE_START_MS);

  afterAll(async () => {
    await browser?.close();
    await service?.stop();
    expect(errors).toEqual([]);
  });

  const residentOf = (card: string) =>
    office.query<ResidentCard>('residents.findByCard', { cardNumber: card });

  async function openTimeBank(page: Page, card: string, language: Language) {
    const t = text[language];
    await identify(page, { card, language });
    await page.getByRole('heading', { name: t.rewards.title }).waitFor();
    await page.getByRole('button', { name: t.nav.timebank, exact: true }).click();
    await page.getByRole('heading', { name: t.timebank.title, exact: true }).waitFor();
  }

  async function creditShown(page: Page): Promise<number> {
    const credit = page.getByTestId('time-credit');
    await credit.waitFor();
    return minutesOf((await credit.textContent()) ?? '');
  }

  async function signOut(page: Page, language: Language) {
    await page.getByRole('button', { name: text[language].resident.signOut }).click();
    await page.getByRole('button', { name: new RegExp(text[language].idle.start) }).waitFor();
  }

  async function tile(page: Page, title: string) {
    await page.getByRole('button', { name: new RegExp(`^${title}`) }).click();
  }

  /** The request's card in a list, turning the pages until it shows. */
  async function findRequest(
    page: Page,
    { language, kind, estimate }: Pick<Exchange, 'language' | 'kind' | 'estimate'>,
  ): Promise<Locator> {
    const t = text[language];
    const about = t.timebank.about.replace('{{time}}', durationOf(estimate, language));
    const card = page
      .locator('li.help-card', {
        has: page.getByRole('heading', { name: t.helpKinds[kind], exact: true }),
      })
      .filter({ hasText: about })
      .first();
    await page.locator('li.help-card, .list-empty').first().waitFor();
    for (let turns = 0; turns < 10 && !(await card.isVisible()); turns++) {
      const more = page.getByRole('button', { name: t.timebank.nextPage, exact: true });
      if (!(await more.isVisible()) || !(await more.isEnabled())) break;
      await more.click();
    }
    await card.waitFor();
    return card;
  }

  async function exchangeByTaps(page: Page, exchange: Exchange) {
    const { language, asker, helper, kind, estimate } = exchange;
    const t = text[language];
    const time = durationOf(estimate, language);
    const requester = await residentOf(asker);
    const neighbour = await residentOf(helper);
    // The asker is on the office's care list: the care pool pays what their own credit cannot.
    await office.mutate('timebank.addToCareList', {
      idempotencyKey: crypto.randomUUID(),
      residentId: requester.id,
      note: '',
    });

    // The asker asks for help by taps alone.
    await openKiosk(page, service.url, { language });
    await openTimeBank(page, asker, language);
    await page.getByText(t.timebank.poolPays).waitFor();
    const askerBefore = await creditShown(page);
    await checkScreen(page, `kiosk-timebank-home.${language}`);
    await tile(page, t.timebank.ask);
    await page.getByRole('heading', { name: t.askHelp.kindTitle }).waitFor();
    await checkScreen(page, `kiosk-timebank-ask.${language}`);
    await page.getByRole('button', { name: t.helpKinds[kind], exact: true }).click();
    await page.getByRole('heading', { name: t.askHelp.timeTitle }).waitFor();
    await checkScreen(page, `kiosk-timebank-ask-time.${language}`);
    await page.getByRole('button', { name: time, exact: true }).click();
    await page.getByRole('heading', { name: t.askHelp.boardTitle }).waitFor();
    await checkScreen(page, `kiosk-timebank-ask-board.${language}`);
    await page.getByRole('button', { name: t.askHelp.boardYes }).click();
    await page.getByRole('heading', { name: t.askHelp.checkTitle }).waitFor();
    await checkScreen(page, `kiosk-timebank-ask-check.${language}`);
    await page.getByRole('button', { name: t.askHelp.send, exact: true }).click();
    await page.getByRole('heading', { name: t.askHelp.doneTitle }).waitFor();
    await checkScreen(page, `kiosk-timebank-asked.${language}`);
    const { items } = await office.query<{ items: HelpRequestRow[] }>('timebank.list', {
      status: 'open',
      limit: 100,
    });
    const asked = items.find((row) => row.requesterId === requester.id && row.kind === kind);
    expect(asked).toMatchObject({ minutesEstimate: estimate });
    const requestId = asked?.id ?? '';
    await signOut(page, language);

    // The neighbour sees what and roughly where, never who; takes it; then sees who asked.
    await openTimeBank(page, helper, language);
    const helperBefore = await creditShown(page);
    await tile(page, t.timebank.open);
    const open = await findRequest(page, exchange);
    expect(await page.locator('main').textContent()).not.toContain(requester.displayName);
    await checkScreen(page, `kiosk-timebank-open.${language}`);
    await open.getByRole('button', { name: t.timebank.canHelp }).click();
    await page.getByRole('button', { name: t.claimHelp.boardYes }).click();
    await checkScreen(page, `kiosk-timebank-claim.${language}`);
    await page.getByRole('button', { name: t.claimHelp.confirm, exact: true }).click();
    await page.getByRole('heading', { name: t.claimHelp.doneTitle }).waitFor();
    const contact = page.getByTestId('requester-contact');
    await contact.getByText(requester.displayName).waitFor();
    expect(await contact.textContent()).toContain(t.helpKinds[kind]);
    await checkScreen(page, `kiosk-timebank-claimed.${language}`);
    await signOut(page, language);

    // The asker comes back and confirms half an hour less than asked, by taps.
    await openTimeBank(page, asker, language);
    await tile(page, t.timebank.mine);
    const mine = await findRequest(page, exchange);
    await mine.getByText(neighbour.displayName).waitFor();
    await checkScreen(page, `kiosk-timebank-mine.${language}`);
    await mine.getByRole('button', { name: t.timebank.confirm }).click();
    await page.getByRole('heading', { name: t.confirmHelp.title }).waitFor();
    await page.locator('.stepper-value', { hasText: time }).waitFor();
    await page.getByRole('button', { name: t.timebank.fewer }).click();
    await page.getByRole('button', { name: t.timebank.fewer }).click();
    const confirmed = estimate - 30;
    const confirmedTime = durationOf(confirmed, language);
    await page.locator('.stepper-value', { hasText: confirmedTime }).waitFor();
    await checkScreen(page, `kiosk-timebank-confirm.${language}`);
    await page
      .getByRole('button', { name: t.confirmHelp.confirm.replace('{{time}}', confirmedTime) })
      .click();
    await page.getByRole('heading', { name: t.confirmHelp.doneTitle }).waitFor();
    await page
      .getByText(
        t.confirmHelp.moved
          .replace('{{time}}', confirmedTime)
          .replace('{{name}}', neighbour.displayName),
      )
      .waitFor();
    await checkScreen(page, `kiosk-timebank-confirmed.${language}`);
    const settled = await office.query<HelpRequestRow>('timebank.get', { id: requestId });
    const claim = settled.claims.find((candidate) => candidate.helperId === neighbour.id);
    expect(claim?.minutes).toBe(confirmed);
    const pool = claim?.poolMinutes ?? 0;
    await page.getByRole('button', { name: t.timebank.done, exact: true }).click();
    expect(await creditShown(page)).toBe(askerBefore - (confirmed - pool));
    await signOut(page, language);

    // The helper's credit grew by the minutes confirmed.
    await openTimeBank(page, helper, language);
    expect(await creditShown(page)).toBe(helperBefore + confirmed);
    await signOut(page, language);
    return { requester, neighbour, confirmed };
  }

  /** The board's time-bank page, turning the board until it shows the thanks. */
  async function boardThanks(page: Page, language: Language, line: string) {
    const t = text[language];
    await openKiosk(page, service.url, { language });
    const heading = page.getByRole('heading', { name: t.timebankBoard.title });
    const next = page.locator('.notice-next');
    for (let turns = 0; turns < 30 && !(await heading.isVisible()); turns++) await next.click();
    await heading.waitFor();
    await page.getByText(line).waitFor();
    await checkScreen(page, `kiosk-timebank-board.${language}`);
  }

  it('asks, helps, confirms by taps and moves the time credit, then thanks both on the board (English)', async () => {
    const page = await newKioskPage(browser, errors);
    const { requester, neighbour } = await exchangeByTaps(page, {
      language: 'en',
      asker: 'Q0051',
      helper: 'Q0052',
      kind: 'shopping',
      estimate: 180,
    });
    await boardThanks(
      page,
      'en',
      `${requester.displayName} got help with shopping from ${neighbour.displayName}`,
    );
    await page.close();
  });

  it('does it all in Chinese in portrait', async () => {
    const portrait = await openKioskBrowser(PORTRAIT);
    try {
      const page = await newKioskPage(portrait, errors);
      const { requester, neighbour } = await exchangeByTaps(page, {
        language: 'zh',
        asker: 'Q0053',
        helper: 'Q0054',
        kind: 'repairs',
        estimate: 120,
      });
      await boardThanks(
        page,
        'zh',
        `${requester.displayName}得到${neighbour.displayName}的帮助：小修小补`,
      );
      await page.close();
    } finally {
      await portrait.close();
    }
  });
});

/** The time as the kiosk says it: "3 h", "1 h 30 min", "2小时". */
function durationOf(minutes: number, language: Language): string {
  const words = text[language].timebank.duration;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return words.minutes.replace('{{minutes}}', String(rest));
  if (rest === 0) return words.hours.replace('{{hours}}', String(hours));
  return words.hoursMinutes
    .replace('{{hours}}', String(hours))
    .replace('{{minutes}}', String(rest));
}
