import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type {
  AskHelpRequest,
  ClaimHelpRequest,
  ConfirmHelpRequest,
  HelpRequest,
} from '../api/kiosk-client';
import { ResidentArea } from '../resident/resident-area';
import {
  type FakeTimeBank,
  fakeApi,
  helpClaim,
  helpRequest,
  networkFailure,
  refusal,
  renderInLanguage,
  resident,
} from '../test/fake-api';

const balance = (overrides: Partial<Awaited<ReturnType<FakeTimeBank['balance']>>> = {}) =>
  Promise.resolve({
    balance: 90,
    helpedMinutes: 120,
    receivedMinutes: 30,
    poolEligible: false,
    recipients: [],
    ...overrides,
  });

function renderTimeBank(timebank: Partial<FakeTimeBank>, language: 'en' | 'zh' = 'en') {
  renderInLanguage(
    <ResidentArea
      api={fakeApi({ timebank: { balance: () => balance(), ...timebank } })}
      resident={resident}
      communityName="Q Community"
      onResident={() => undefined}
      onSignOut={() => undefined}
    />,
    language,
  );
  fireEvent.click(
    screen.getByRole('button', { name: language === 'en' ? 'Help each other' : '邻里互助' }),
  );
}

const tap = (name: string | RegExp) => fireEvent.click(screen.getByRole('button', { name }));

/** A helper's line on the requester's card: their name, then where their part stands. */
const claimLine = (text: string) => (_: string, element: Element | null) =>
  element?.classList.contains('help-claim-who') === true && element.textContent === text;

const page = (items: HelpRequest[]) => Promise.resolve({ items, nextCursor: null });

const card = async (title: string) => {
  const heading = await screen.findByRole('heading', { name: title });
  const item = heading.closest('li');
  if (!item) throw new Error(`no card for ${title}`);
  return within(item);
};

describe('the time bank’s home at the kiosk', () => {
  it('shows my time credit in hours and minutes, apart from points, and when the pool pays', async () => {
    renderTimeBank({ balance: () => balance({ balance: 150, poolEligible: true }) });
    await screen.findByText('2 h 30 min');
    screen.getByText('You have helped for 2 h');
    screen.getByText('You have been helped for 30 min');
    screen.getByText('The care pool pays for you when your own time credit runs out.');
    for (const tile of [/^Ask for help/, /^Help a neighbour/, /^My requests/, /^I’m helping/])
      screen.getByRole('button', { name: tile });
  });

  it('does not promise the pool to a resident it does not pay for, in Chinese', async () => {
    renderTimeBank({}, 'zh');
    await screen.findByText('1小时30分钟');
    expect(screen.queryByText(/互助关爱池替您支付/)).toBeNull();
  });
});

describe('asking for help by taps', () => {
  it('asks with a kind, a time and the board’s answer, once, and says it is up', async () => {
    const asked: AskHelpRequest[] = [];
    const request = vi.fn((input: AskHelpRequest) => {
      asked.push(input);
      return Promise.resolve({ id: 'h9', status: 'open' as const });
    });
    renderTimeBank({ request });
    tap(/^Ask for help/);
    await screen.findByRole('heading', { name: 'What would you like help with?' });
    screen.getByText('Step 1 of 4');
    tap('Shopping');
    await screen.findByRole('heading', { name: 'About how long will it take?' });
    tap('1 h 30 min');
    await screen.findByRole('heading', { name: 'May the notice board thank your helper by name?' });
    tap('Yes, thank them by name');
    await screen.findByRole('heading', { name: 'Please check' });
    screen.getByText('You ask for help with: Shopping');
    screen.getByText('It will take about 1 h 30 min.');
    screen.getByText('The notice board may thank your helper by name.');
    const send = screen.getByRole('button', { name: 'Ask for help' });
    fireEvent.click(send);
    fireEvent.click(send);

    await screen.findByRole('heading', { name: 'Your request is up' });
    expect(asked).toEqual([
      {
        idempotencyKey: expect.any(String),
        kind: 'shopping',
        minutesEstimate: 90,
        showOnBoard: true,
      },
    ]);
    tap('See my requests');
    await screen.findByRole('heading', { name: 'My requests' });
  });

  it('re-sends a request whose answer was lost under the same key', async () => {
    const keys: string[] = [];
    const request = vi.fn((input: AskHelpRequest) => {
      keys.push(input.idempotencyKey);
      return keys.length === 1
        ? Promise.reject(networkFailure())
        : Promise.resolve({ id: 'h9', status: 'open' as const });
    });
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      renderTimeBank({ request }, 'zh');
      tap(/^我要求助/);
      tap('陪伴聊天');
      tap('30分钟');
      tap('不用，不写名字');
      await screen.findByText('公告栏不会写出你们的名字。');
      tap('发出求助');
      await vi.advanceTimersByTimeAsync(1500);
      await screen.findByRole('heading', { name: '您的求助已发出' });
    } finally {
      vi.useRealTimers();
    }
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
  });
});

describe('helping a neighbour', () => {
  it('lists a request without who asked, takes it with the board’s answer, then shows who and where', async () => {
    const claimed: ClaimHelpRequest[] = [];
    const claim = vi.fn((input: ClaimHelpRequest) => {
      claimed.push(input);
      return Promise.resolve({ requestId: 'h1', status: 'claimed' as const, placesLeft: 0 });
    });
    const get = vi.fn(() =>
      Promise.resolve(
        helpRequest({
          role: 'helper',
          requesterName: '王秀英',
          place: '3号楼2单元301',
          contactPhone: '13800000001',
          claims: [helpClaim({ helperName: resident.displayName })],
        }),
      ),
    );
    const list = vi.fn(() => page([helpRequest()]));
    renderTimeBank({ list, claim, get });
    tap(/^Help a neighbour/);
    const shopping = await card('Shopping');
    shopping.getByText('Building 3');
    shopping.getByText('About 1 h');
    shopping.getByText('1 helper still needed');
    expect(screen.queryByText('王秀英')).toBeNull();
    expect(list).toHaveBeenCalledWith({ view: 'open' });

    fireEvent.click(shopping.getByRole('button', { name: 'I can help' }));
    await screen.findByRole('heading', { name: 'Help a neighbour: Shopping' });
    const willHelp = screen.getByRole('button', { name: 'I will help' });
    expect((willHelp as HTMLButtonElement).disabled).toBe(true);
    tap('No, keep my name off');
    fireEvent.click(willHelp);

    await screen.findByRole('heading', { name: 'Thank you for helping!' });
    await screen.findByText('王秀英');
    screen.getByText('3号楼2单元301');
    screen.getByText('13800000001');
    expect(claimed).toEqual([
      { idempotencyKey: expect.any(String), requestId: 'h1', showOnBoard: false },
    ]);
    expect(get).toHaveBeenCalledWith({ id: 'h1' });
  });

  it('says in words that someone was quicker, and offers only the way back', async () => {
    const claim = vi.fn().mockRejectedValue(refusal('ALREADY_CLAIMED', undefined, 409));
    renderTimeBank({ list: () => page([helpRequest()]), claim }, 'zh');
    tap(/^帮助邻居/);
    fireEvent.click((await card('代买代购')).getByRole('button', { name: '我来帮忙' }));
    tap('可以，写出我的名字');
    tap('我来帮忙');
    await screen.findByText('已经有邻居报名了，或者您已经报过名。');
    expect(screen.queryByRole('button', { name: '我来帮忙' })).toBeNull();
    tap('返回');
    await screen.findByRole('heading', { name: '帮助邻居' });
  });

  it('says how long it took by taps, and gives a place back after asking twice', async () => {
    const propose = vi.fn().mockResolvedValue({
      requestId: 'h1',
      helperId: 'r1',
      status: 'proposed',
      requestStatus: 'claimed',
    });
    const withdraw = vi.fn().mockResolvedValue({
      requestId: 'h1',
      helperId: 'r1',
      status: 'withdrawn',
      requestStatus: 'open',
    });
    const mine = helpRequest({
      status: 'claimed',
      placesLeft: 0,
      role: 'helper',
      requesterName: '王秀英',
      claims: [helpClaim({ helperId: 'r1', helperName: resident.displayName })],
    });
    renderTimeBank({ list: () => page([mine]), propose, withdraw });
    tap(/^I’m helping/);
    const shopping = await card('Shopping');
    shopping.getByText('王秀英');
    fireEvent.click(shopping.getByRole('button', { name: 'Say how long it took' }));
    await screen.findByRole('heading', { name: 'How long did it take?' });
    screen.getByText('1 h');
    tap('15 minutes more');
    tap('15 minutes more');
    tap('It took 1 h 30 min');
    await screen.findByText(
      'You said it took 1 h 30 min. When 王秀英 confirms it, the time credit comes to you.',
    );
    expect(propose).toHaveBeenCalledWith({
      idempotencyKey: expect.any(String),
      requestId: 'h1',
      minutes: 90,
    });

    tap('Done');
    const again = await card('Shopping');
    fireEvent.click(again.getByRole('button', { name: 'Give back my place' }));
    again.getByText(/^Give back your place\?/);
    fireEvent.click(again.getByRole('button', { name: 'Yes, give it back' }));
    await vi.waitFor(() =>
      expect(withdraw).toHaveBeenCalledWith({
        idempotencyKey: expect.any(String),
        requestId: 'h1',
      }),
    );
  });
});

describe('my requests', () => {
  const claimed = () =>
    helpRequest({
      status: 'claimed',
      placesLeft: 0,
      role: 'requester',
      requesterName: resident.displayName,
      claims: [helpClaim({ status: 'proposed', proposedMinutes: 75 })],
    });

  it('confirms the help by taps from the helper’s word and says what moved and what the pool paid', async () => {
    const confirmed: ConfirmHelpRequest[] = [];
    const confirm = vi.fn((input: ConfirmHelpRequest) => {
      confirmed.push(input);
      return Promise.resolve({
        transactionId: 'x1',
        minutes: input.minutes,
        poolMinutes: 30,
        pointsEarned: 0,
        requestStatus: 'done' as const,
      });
    });
    const list = vi.fn(() => page([claimed()]));
    renderTimeBank({ list, confirm });
    tap(/^My requests/);
    const shopping = await card('Shopping');
    shopping.getByText('A neighbour will help');
    shopping.getByText(claimLine('李明 · Says it took 1 h 15 min'));
    expect(list).toHaveBeenCalledWith({ view: 'mine' });
    fireEvent.click(shopping.getByRole('button', { name: 'Confirm the help' }));

    await screen.findByRole('heading', { name: 'Confirm the help' });
    screen.getByText('李明 says it took 1 h 15 min.');
    tap('15 minutes less');
    screen.getByText('1 h of time credit will go from you to 李明.');
    tap('Confirm: 1 h');
    await screen.findByText('1 h moved to 李明.');
    screen.getByText('The care pool paid 30 min of it.');
    expect(confirmed).toEqual([
      { idempotencyKey: expect.any(String), requestId: 'h1', helperId: 'r2', minutes: 60 },
    ]);
    tap('Done');
    await screen.findByRole('heading', { name: 'Help each other' });
  });

  it('says in words when there is not enough credit', async () => {
    const confirm = vi.fn().mockRejectedValue(refusal('INSUFFICIENT_CREDIT'));
    renderTimeBank({ list: () => page([claimed()]), confirm }, 'zh');
    tap(/^我的求助/);
    fireEvent.click((await card('代买代购')).getByRole('button', { name: '确认帮忙' }));
    tap('确认：1小时15分钟');
    await screen.findByText('时间币不够。');
  });

  it('marks a helper who did not come, and cancels a request, each after asking twice', async () => {
    const noShow = vi.fn().mockResolvedValue({
      requestId: 'h1',
      helperId: 'r2',
      status: 'no_show',
      requestStatus: 'open',
    });
    const cancel = vi.fn().mockResolvedValue({ id: 'h1', status: 'cancelled' });
    const list = vi
      .fn()
      .mockImplementationOnce(() => page([claimed()]))
      .mockImplementation(() =>
        page([
          helpRequest({
            role: 'requester',
            claims: [helpClaim({ status: 'no_show' })],
          }),
        ]),
      );
    renderTimeBank({ list, noShow, cancel });
    tap(/^My requests/);
    const shopping = await card('Shopping');
    fireEvent.click(shopping.getByRole('button', { name: 'Did not come' }));
    fireEvent.click(shopping.getByRole('button', { name: 'Yes, did not come' }));
    const reloaded = await card('Shopping');
    await reloaded.findByText(claimLine('李明 · Did not come'));
    expect(noShow).toHaveBeenCalledWith({
      idempotencyKey: expect.any(String),
      requestId: 'h1',
      helperId: 'r2',
    });

    fireEvent.click(reloaded.getByRole('button', { name: 'Cancel my request' }));
    fireEvent.click(reloaded.getByRole('button', { name: 'Yes, cancel it' }));
    await vi.waitFor(() =>
      expect(cancel).toHaveBeenCalledWith({ idempotencyKey: expect.any(String), requestId: 'h1' }),
    );
  });
});
