import { fireEvent, render, screen, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { HelpClaim, HelpRequest, MeSession } from '../api/me-types';
import { App } from '../app';
import { createI18n } from '../i18n/i18n';
import { LocationProvider } from '../router/location';
import { fakeMeApi, refusal, session } from '../test/fake-me-api';

function renderAt(api: ReturnType<typeof fakeMeApi>, path: string) {
  sessionStorage.setItem('tally.me.token', 'tok');
  window.history.replaceState(null, '', path);
  return render(
    <I18nextProvider i18n={createI18n('en')}>
      <LocationProvider>
        <App storages={{ local: localStorage, session: sessionStorage }} makeApi={() => api} />
      </LocationProvider>
    </I18nextProvider>,
  );
}

function request(overrides: Partial<HelpRequest> = {}): HelpRequest {
  return {
    id: 'h1',
    kind: 'shopping',
    description: '买米和油',
    when: null,
    building: '3',
    place: null,
    minutesEstimate: 60,
    helpersNeeded: 1,
    placesLeft: 1,
    status: 'open',
    requesterId: null,
    requesterName: null,
    contactPhone: null,
    via: 'phone',
    reason: null,
    poolEligible: false,
    showOnBoard: false,
    cancelReason: null,
    createdAt: '2026-05-01T02:00:00.000Z',
    claims: [],
    role: 'neighbour',
    ...overrides,
  };
}

function claim(overrides: Partial<HelpClaim> = {}): HelpClaim {
  return {
    helperId: 'r2',
    helperName: '李明',
    status: 'claimed',
    proposedMinutes: null,
    minutes: null,
    poolMinutes: null,
    pointsEarned: null,
    transactionId: null,
    reversalId: null,
    disputeReason: null,
    disputedBy: null,
    resolution: null,
    claimedAt: '2026-05-01T03:00:00.000Z',
    settledAt: null,
    ...overrides,
  };
}

const page = <T,>(items: T[]) => ({ items, nextCursor: null });
const signedIn = (value: MeSession = session) => ({ session: { query: async () => value } });

describe('the time bank on the phone', () => {
  beforeEach(() => {
    localStorage.clear();
    sessionStorage.clear();
  });

  it("shows my time credit apart from points, that the pool pays for me, and the board's thanks", async () => {
    renderAt(
      fakeMeApi({
        ...signedIn(),
        timebank: {
          balance: {
            query: async () => ({
              balance: 150,
              helpedMinutes: 180,
              receivedMinutes: 30,
              poolEligible: true,
              recipients: [],
            }),
          },
          pool: {
            query: async () => ({
              balance: 600,
              rule: { minAge: 75, careListSize: 2 },
              paidMinutes: 60,
              giftedMinutes: 60,
              grantedMinutes: 600,
            }),
          },
          board: {
            query: async () => ({
              exchanges: [
                {
                  requesterName: '王阿姨',
                  helperName: '李明',
                  kind: 'shopping',
                  minutes: 60,
                  confirmedAt: '2026-05-01T05:00:00.000Z',
                },
              ],
              monthExchanges: 3,
              monthMinutes: 210,
              poolBalance: 600,
            }),
          },
        },
      }),
      '/me/help',
    );
    expect((await screen.findByTestId('time-credit-balance')).textContent).toBe(
      '2 hours 30 minutes',
    );
    screen.getByText('I helped others: 3 hours');
    screen.getByTestId('pool-pays');
    expect((await screen.findByTestId('pool-balance')).textContent).toBe('10 hours');
    expect(screen.getByTestId('timebank-board').textContent).toBe(
      '王阿姨 got help from 李明: Shopping, 1 hour',
    );
    screen.getByText(
      'This month: neighbours helped each other 3 times, 3 hours 30 minutes in all.',
    );
  });

  it('shows a neighbour’s request without a name or place, and claims it once asked about the board', async () => {
    const list = vi.fn().mockResolvedValue(page([request()]));
    const claimHelp = vi
      .fn()
      .mockResolvedValue({ requestId: 'h1', status: 'claimed', placesLeft: 0 });
    renderAt(
      fakeMeApi({
        ...signedIn(),
        timebank: { list: { query: list }, claim: { mutate: claimHelp } },
      }),
      '/me/help/requests',
    );
    const card = await screen.findByTestId('help-request');
    within(card).getByRole('heading', { name: 'Shopping' });
    within(card).getByText('Near Building 3');
    within(card).getByText('A neighbour');
    within(card).getByText('1 more helper wanted');
    expect(within(card).queryByTestId('exact-place')).toBeNull();
    fireEvent.click(within(card).getByRole('button', { name: 'I can help' }));
    const board = within(card).getByLabelText('The notice board may thank me by name');
    expect((board as HTMLInputElement).checked).toBe(false);
    fireEvent.click(board);
    fireEvent.click(within(card).getByRole('button', { name: 'Yes, I will help' }));
    await within(card).findByRole('link', { name: 'See where to go' });
    expect(list).toHaveBeenCalledWith({ view: 'open' });
    expect(claimHelp).toHaveBeenCalledWith({
      idempotencyKey: expect.any(String),
      requestId: 'h1',
      showOnBoard: true,
    });
  });

  it('words a refusal to claim in the reader’s language', async () => {
    renderAt(
      fakeMeApi({
        ...signedIn(),
        timebank: {
          list: { query: async () => page([request()]) },
          claim: { mutate: () => Promise.reject(refusal('ALREADY_CLAIMED', undefined, 409)) },
        },
      }),
      '/me/help/requests',
    );
    const card = await screen.findByTestId('help-request');
    fireEvent.click(within(card).getByRole('button', { name: 'I can help' }));
    fireEvent.click(within(card).getByRole('button', { name: 'Yes, I will help' }));
    await within(card).findByText('Someone has already taken this request, or you already have.');
  });

  it('asks for help by taps, the place told only to the helper', async () => {
    const ask = vi.fn().mockResolvedValue({ id: 'h9', status: 'open' });
    renderAt(fakeMeApi({ ...signedIn(), timebank: { request: { mutate: ask } } }), '/me/help/ask');
    await screen.findByRole('heading', { name: 'Ask for help' });
    fireEvent.click(screen.getByRole('button', { name: 'Ask the neighbours' }));
    screen.getByText('Please tap what you need help with.');
    fireEvent.click(screen.getByRole('button', { name: 'Small repairs' }));
    fireEvent.click(screen.getByRole('button', { name: 'Tomorrow' }));
    fireEvent.click(screen.getByRole('button', { name: 'Ask the neighbours' }));
    screen.getByText('Please tap a time of day, or “Any time”.');
    fireEvent.click(screen.getByRole('button', { name: /^Morning/ }));
    fireEvent.change(screen.getByLabelText(/^Exactly where/), { target: { value: ' 3号楼201 ' } });
    fireEvent.click(screen.getByRole('button', { name: '1 hour 30 minutes' }));
    fireEvent.click(screen.getByRole('button', { name: '2' }));
    fireEvent.click(screen.getByRole('button', { name: 'Ask the neighbours' }));
    await screen.findByRole('heading', { name: 'Your request is up' });
    const sent = ask.mock.calls[0]?.[0];
    expect(sent).toMatchObject({
      kind: 'repairs',
      description: '',
      place: '3号楼201',
      minutesEstimate: 90,
      helpersNeeded: 2,
      showOnBoard: false,
    });
    expect(new Date(sent.when).getHours()).toBe(9);
  });

  it("confirms a helper's proposal, adjusted, and says what moved and what the pool paid", async () => {
    const confirm = vi.fn().mockResolvedValue({
      transactionId: 'x1',
      minutes: 75,
      poolMinutes: 45,
      pointsEarned: 0,
      requestStatus: 'done',
    });
    const mine = request({
      role: 'requester',
      status: 'claimed',
      placesLeft: 0,
      place: '3号楼201',
      requesterName: '王秀英',
      poolEligible: true,
      claims: [claim({ status: 'proposed', proposedMinutes: 90 })],
    });
    const list = vi.fn().mockResolvedValue(page([mine]));
    renderAt(
      fakeMeApi({
        ...signedIn(),
        timebank: { list: { query: list }, confirm: { mutate: confirm } },
      }),
      '/me/help/mine',
    );
    const card = await screen.findByTestId('my-help-request');
    within(card).getByText('Says it took 1 hour 30 minutes');
    fireEvent.click(within(card).getByRole('button', { name: 'Confirm the help' }));
    expect(within(card).getByTestId('minutes-value').textContent).toBe('1 hour 30 minutes');
    fireEvent.click(within(card).getByRole('button', { name: '15 minutes less' }));
    within(card).getByText('If the time credit is not enough, the care pool pays the rest.');
    fireEvent.click(within(card).getByRole('button', { name: 'Confirm 1 hour 15 minutes' }));
    const done = await within(card).findByTestId('confirmed');
    expect(done.textContent).toContain('1 hour 15 minutes of time credit went to 李明.');
    expect(done.textContent).toContain('The care pool paid 45 minutes of it.');
    expect(confirm).toHaveBeenCalledWith({
      idempotencyKey: expect.any(String),
      requestId: 'h1',
      helperId: 'r2',
      minutes: 75,
    });
    expect(list).toHaveBeenCalledWith({ view: 'mine' });
  });

  it('shows a helper who they help, exactly where and whom to call, and sends how long it took', async () => {
    const propose = vi.fn().mockResolvedValue({
      requestId: 'h1',
      helperId: 'r2',
      status: 'proposed',
      requestStatus: 'claimed',
    });
    renderAt(
      fakeMeApi({
        ...signedIn(),
        timebank: {
          list: {
            query: async () =>
              page([
                request({
                  role: 'helper',
                  place: '3号楼201',
                  requesterName: '王秀英',
                  contactPhone: '13800000001',
                  claims: [claim()],
                }),
              ]),
          },
          propose: { mutate: propose },
        },
      }),
      '/me/help/helping',
    );
    const card = await screen.findByTestId('helping-request');
    expect(within(card).getByTestId('requester').textContent).toBe('For 王秀英');
    expect(within(card).getByTestId('exact-place').textContent).toBe('Exactly where: 3号楼201');
    expect(within(card).getByRole('link', { name: 'Call 13800000001' }).getAttribute('href')).toBe(
      'tel:13800000001',
    );
    fireEvent.click(within(card).getByRole('button', { name: 'Say how long it took' }));
    fireEvent.click(within(card).getByRole('button', { name: '15 minutes more' }));
    fireEvent.click(within(card).getByRole('button', { name: 'Send: 1 hour 15 minutes' }));
    await within(card).findByText('Sent. 王秀英 will confirm it.', { exact: false });
    expect(propose).toHaveBeenCalledWith({
      idempotencyKey: expect.any(String),
      requestId: 'h1',
      minutes: 75,
    });
  });

  it('gives time credit to a family member after a confirm', async () => {
    const give = vi.fn().mockResolvedValue({ transactionId: 'x2', creditAfter: 90 });
    renderAt(
      fakeMeApi({
        ...signedIn(),
        timebank: {
          balance: {
            query: async () => ({
              balance: 150,
              helpedMinutes: 150,
              receivedMinutes: 0,
              poolEligible: false,
              recipients: [{ residentId: 'r7', name: '王大爷' }],
            }),
          },
          give: { mutate: give },
        },
      }),
      '/me/help/give',
    );
    fireEvent.click(await screen.findByRole('radio', { name: '王大爷' }));
    fireEvent.click(screen.getByRole('button', { name: '1 hour' }));
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    expect(screen.getByRole('main').textContent).toContain(
      'You give 1 hour of time credit to 王大爷.',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Give 1 hour' }));
    expect((await screen.findByTestId('credit-after')).textContent).toBe(
      'You have 1 hour 30 minutes of time credit left.',
    );
    expect(give).toHaveBeenCalledWith({
      idempotencyKey: expect.any(String),
      minutes: 60,
      toResidentId: 'r7',
    });
  });

  it('does not offer giving to a family member acting for a resident', async () => {
    const proxy: MeSession = {
      ...session,
      signedInAs: { kind: 'family', id: 'f1', displayName: '王小红' },
      asProxy: true,
    };
    renderAt(fakeMeApi({ ...signedIn(proxy), timebank: {} }), '/me/help/give');
    expect((await screen.findByTestId('proxy-cannot-give')).textContent).toBe(
      'Only 王秀英 can give their time credit, not someone acting for them.',
    );
    expect(screen.queryByRole('button', { name: 'Continue' })).toBeNull();
  });
});
