import type { AppRouter } from '@tally/ledger/router';
import { render } from '@testing-library/react';
import { createTRPCClient, TRPCClientError, type TRPCLink } from '@trpc/client';
import { observable } from '@trpc/server/observable';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import {
  type CatalogItem,
  type DoorActivity,
  type HelpClaim,
  type HelpRequest,
  type KioskActivity,
  type KioskApi,
  type KioskInputs,
  type KioskLinks,
  type KioskOutputs,
  type Resident,
  type ResidentPoll,
  type ResidentTopic,
  type SupportTopicRequest,
  type TimeBankInputs,
  type TimeBankOutputs,
  type TopicSupported,
  withSharedProcedures,
} from '../api/kiosk-client';
import type { Language } from '../device/device-settings';
import { createI18n } from '../i18n/i18n';

/** A refusal as the service sends it: a domain code, and details such as triesLeft. */
export function refusal(domainCode: string, details?: Record<string, unknown>, httpStatus = 412) {
  return TRPCClientError.from({
    error: {
      message: `refused: ${domainCode}`,
      code: -32600,
      data: { domainCode, httpStatus, ...(details ? { details } : {}) },
    },
  });
}

/** What fetch throws when the network is down: no answer at all. */
export const networkFailure = () => new TypeError('Failed to fetch');

export const resident: Resident = { id: 'r1', displayName: '王秀英', points: 300, minutes: 750 };

export function catalogItem(overrides: Partial<CatalogItem> = {}): CatalogItem {
  return {
    id: 'w1',
    name: { zh: '大米 5 公斤', en: 'Rice 5 kg' },
    description: { zh: '', en: '' },
    kind: 'goods',
    points: 120,
    stock: 20,
    perResidentLimit: 2,
    photoUrl: null,
    affordable: true,
    pointsShort: 0,
    limitLeft: 2,
    ...overrides,
  };
}

/** An upcoming activity the resident can sign up for, starting at `startsAt` (two hours long). */
export function kioskActivity(overrides: Partial<KioskActivity> = {}): KioskActivity {
  const startsAt = overrides.startsAt ?? new Date(Date.now() + 3 * 86_400_000).toISOString();
  return {
    id: 'a1',
    organizationName: { zh: '阳光志愿队', en: 'Sunshine Volunteers' },
    title: { zh: '社区义诊志愿服务', en: 'Volunteers for the free health check' },
    description: { zh: '', en: '' },
    category: 'elderly_care',
    place: '社区卫生站',
    startsAt,
    endsAt: new Date(Date.parse(startsAt) + 2 * 3_600_000).toISOString(),
    signUpOpensAt: null,
    status: 'published',
    cancelReason: null,
    slots: 10,
    slotsLeft: 4,
    waitingList: false,
    campaign: null,
    invite: null,
    mySignUp: null,
    canSignUp: true,
    whyNot: null,
    joinsWaitingList: false,
    canCancel: false,
    ...overrides,
  };
}

/** The activity whose door a kiosk in activity mode keeps: it started 10 minutes ago. */
export function doorActivity(overrides: Partial<DoorActivity> = {}): DoorActivity {
  const startsAt = new Date(Date.now() - 10 * 60_000).toISOString();
  return {
    id: 'a9',
    title: { zh: '中秋灯谜会', en: 'Lantern riddles evening' },
    organizationName: { zh: '文化队', en: 'Culture Club' },
    place: '中心庭院',
    startsAt,
    endsAt: new Date(Date.parse(startsAt) + 2 * 3_600_000).toISOString(),
    checkedIn: 3,
    ...overrides,
  };
}

/** A topic as the resident reads it: raised by kind at a kiosk, two supporters so far. */
export function residentTopic(overrides: Partial<ResidentTopic> = {}): ResidentTopic {
  return {
    id: 't1',
    kind: 'facilities',
    title: null,
    place: '3',
    status: 'raised',
    raisedAt: '2026-12-01T02:00:00.000Z',
    raisedBy: { type: 'resident', name: '一位居民' },
    supporters: 2,
    plannedFor: null,
    dueBy: null,
    overdue: false,
    openPoll: false,
    body: '',
    declineReason: null,
    decision: null,
    responsible: null,
    progress: null,
    carriedOutAt: null,
    supportedByMe: false,
    raisedByMe: false,
    ...overrides,
  };
}

/** An open poll on a topic, closing in three days, that the resident may vote in. */
export function residentPoll(overrides: Partial<ResidentPoll> = {}): ResidentPoll {
  return {
    id: 'p1',
    topicId: 't1',
    question: { zh: '地面停车位怎么分配？', en: 'How should the parking spaces be shared?' },
    options: [
      { id: 'o1', text: { zh: '按楼栋轮流', en: 'By building, in turn' } },
      { id: 'o2', text: { zh: '抽签', en: 'By lottery' } },
    ],
    eligibility: { ageBands: [], buildings: [] },
    opensAt: new Date(Date.now() - 86_400_000).toISOString(),
    closesAt: new Date(Date.now() + 3 * 86_400_000).toISOString(),
    secret: false,
    changeable: false,
    state: 'open',
    voters: 12,
    topicTitle: '地面停车位',
    topicKind: 'neighbours',
    voted: false,
    myOptionId: null,
    eligible: true,
    ...overrides,
  };
}

/** A neighbour's request for shopping help as a resident who is neither party reads it. */
export function helpRequest(overrides: Partial<HelpRequest> = {}): HelpRequest {
  return {
    id: 'h1',
    kind: 'shopping',
    description: '',
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
    via: 'kiosk',
    reason: null,
    poolEligible: false,
    showOnBoard: true,
    cancelReason: null,
    createdAt: '2026-12-01T02:00:00.000Z',
    claims: [],
    role: 'neighbour',
    ...overrides,
  };
}

/** A neighbour's part in a request: they said they would help, and no more yet. */
export function helpClaim(overrides: Partial<HelpClaim> = {}): HelpClaim {
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
    claimedAt: '2026-12-01T03:00:00.000Z',
    settledAt: null,
    ...overrides,
  };
}

const unexpected = (name: string) => () =>
  Promise.reject<never>(new Error(`unexpected call: ${name}`));

/** The time bank's procedures as a test fakes them: those a test does not name fail loudly. */
export type FakeTimeBank = {
  [Name in keyof TimeBankInputs]: (input: TimeBankInputs[Name]) => Promise<TimeBankOutputs[Name]>;
};

/** The service's side of each kiosk procedure, as a test fakes it (and of `topics.support`). */
export type FakeService = {
  [Name in keyof KioskInputs]: (input: KioskInputs[Name]) => Promise<KioskOutputs[Name]>;
} & {
  supportTopic: (input: SupportTopicRequest) => Promise<TopicSupported>;
  timebank: Partial<FakeTimeBank>;
};

/** The service's procedure for a call's path: `kiosk.x`, `topics.support` or `timebank.x`. */
function procedureOf(service: FakeService, path: string): (input: unknown) => Promise<unknown> {
  if (path === 'topics.support')
    return service.supportTopic as (input: unknown) => Promise<unknown>;
  if (path.startsWith('timebank.')) {
    const name = path.replace(/^timebank\./, '') as keyof FakeTimeBank;
    return (service.timebank[name] ?? unexpected(path)) as (input: unknown) => Promise<unknown>;
  }
  const name = path.replace(/^kiosk\./, '') as keyof KioskInputs;
  return service[name] as (input: unknown) => Promise<unknown>;
}

/** In place of the network: hands each call to the fake service's procedure of that name. */
function served(service: FakeService): TRPCLink<AppRouter> {
  return () =>
    ({ op }) =>
      observable((observer) => {
        procedureOf(
          service,
          op.path,
        )(op.input).then(
          (data) => {
            observer.next({ result: { type: 'data', data } });
            observer.complete();
          },
          (error: Error) => observer.error(TRPCClientError.from(error)),
        );
      });
}

/**
 * A kiosk client whose service is fake: every call fails loudly unless the test says what it
 * answers. Calls pass through `links` first, as the real client's do.
 */
export function fakeApi(overrides: Partial<FakeService> = {}, links: KioskLinks = []): KioskApi {
  const service: FakeService = {
    community: unexpected('community'),
    goals: unexpected('goals'),
    identify: unexpected('identify'),
    me: () => Promise.resolve(resident),
    history: () => Promise.resolve({ items: [], nextCursor: null }),
    catalog: () => Promise.resolve([catalogItem()]),
    redeem: unexpected('redeem'),
    donate: unexpected('donate'),
    changePin: unexpected('changePin'),
    proxies: unexpected('proxies'),
    addProxy: unexpected('addProxy'),
    removeProxy: unexpected('removeProxy'),
    signOut: () => Promise.resolve({ ok: true }),
    notices: () => Promise.resolve({ noticeDays: 7, items: [], nextCursor: null }),
    myRecords: () => Promise.resolve({ items: [], nextCursor: null }),
    myCorrections: () => Promise.resolve({ items: [], nextCursor: null }),
    requestCorrection: unexpected('requestCorrection'),
    recentActivities: () =>
      Promise.resolve({ organizations: [], activities: [], from: '2026-10-09', to: '2026-12-07' }),
    invitations: () => Promise.resolve([]),
    answerInvitation: unexpected('answerInvitation'),
    activities: () => Promise.resolve([]),
    upcomingActivities: () => Promise.resolve([]),
    mySignUps: () => Promise.resolve([]),
    signUp: unexpected('signUp'),
    cancelSignUp: unexpected('cancelSignUp'),
    mode: () => Promise.resolve({ activity: null }),
    checkIn: unexpected('checkIn'),
    topicPlaces: () => Promise.resolve(['1', '2', '3']),
    raiseTopic: unexpected('raiseTopic'),
    topics: () => Promise.resolve({ items: [] }),
    supportTopic: unexpected('supportTopic'),
    polls: () => Promise.resolve({ items: [] }),
    vote: unexpected('vote'),
    governance: () => Promise.resolve({ decisions: [], polls: [] }),
    ...overrides,
    timebank: {
      board: () =>
        Promise.resolve({ exchanges: [], monthExchanges: 0, monthMinutes: 0, poolBalance: 0 }),
      ...overrides.timebank,
    },
  };
  return withSharedProcedures(createTRPCClient<AppRouter>({ links: [...links, served(service)] }));
}

export function renderInLanguage(ui: ReactNode, language: Language = 'en') {
  return render(<I18nextProvider i18n={createI18n(language)}>{ui}</I18nextProvider>);
}
