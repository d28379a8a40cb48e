import { TRPCClientError } from '@trpc/client';
import type { MeApi } from '../api/me-client';
import type {
  GovernanceBoard,
  KioskActivity,
  MeSession,
  ResidentPoll,
  ResidentTopic,
} from '../api/me-types';

/** A refusal as the service sends it: a domain code, and details such as triesLeft. */
export function refusal(domainCode: string, details?: Record<string, unknown>, httpStatus = 412) {
  return TRPCClientError.from({
    error: {
      message: domainCode,
      code: -32600,
      data: { domainCode, httpStatus, ...(details ? { details } : {}) },
    },
  });
}

export const session: MeSession = {
  signedInAs: { kind: 'resident', id: 'r1', displayName: '王秀英' },
  actingFor: { residentId: 'r1', displayName: '王秀英' },
  asProxy: false,
  canActFor: [{ residentId: 'r1', displayName: '王秀英' }],
  remember: false,
  expiresAt: '2026-12-08T10:00:00.000Z',
  community: { id: 'c1', name: { zh: 'Q社区', en: 'Q Community' } },
};

export function activity(overrides: Partial<KioskActivity> = {}): KioskActivity {
  return {
    id: 'a1',
    organizationName: { zh: '阳光志愿队', en: 'Sunshine Volunteers' },
    title: { zh: '河边健步走', en: 'Riverside walk' },
    description: { zh: '', en: '' },
    category: 'environment' as KioskActivity['category'],
    place: '河边',
    startsAt: '2030-05-01T01:00:00.000Z',
    endsAt: '2030-05-01T02:30:00.000Z',
    signUpOpensAt: null,
    status: 'published',
    cancelReason: null,
    slots: 30,
    slotsLeft: 30,
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

export function topic(overrides: Partial<ResidentTopic> = {}): ResidentTopic {
  return {
    id: 't1',
    kind: 'facilities',
    title: '3号楼门口加装扶手',
    place: '3号楼',
    status: 'raised',
    raisedAt: '2026-12-01T02:00:00.000Z',
    raisedBy: { type: 'resident', name: '李桂兰' },
    supporters: 3,
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

export function poll(overrides: Partial<ResidentPoll> = {}): ResidentPoll {
  return {
    id: 'p1',
    topicId: 't1',
    question: { zh: '停车位怎么分？', en: 'How should parking spaces be shared?' },
    options: [
      { id: 'o1', text: { zh: '按户轮流', en: 'Households take turns' } },
      { id: 'o2', text: { zh: '先到先停', en: 'First come, first parked' } },
    ],
    eligibility: { ageBands: [], buildings: [] },
    opensAt: '2026-12-01T00:00:00.000Z',
    closesAt: '2030-12-20T10:00:00.000Z',
    secret: true,
    changeable: false,
    state: 'open',
    voters: 12,
    topicTitle: null,
    topicKind: 'facilities',
    voted: false,
    myOptionId: null,
    eligible: true,
    ...overrides,
  };
}

export const emptyBoard: GovernanceBoard = { decisions: [], polls: [] };

type Procedure = Partial<Record<'query' | 'mutate', (...args: never[]) => unknown>>;
type Fakes = { [K in Exclude<keyof MeApi, 'timebank'>]?: Procedure } & {
  timebank?: { [K in keyof MeApi['timebank']]?: Procedure };
};

function procedures(branch: string, fakes: Record<string, Procedure | undefined>) {
  return (name: string) => {
    const fake = fakes[name];
    const missing = () => Promise.reject(new Error(`unexpected call: ${branch}.${name}`));
    return { query: fake?.query ?? missing, mutate: fake?.mutate ?? missing };
  };
}

/**
 * The `me` client over a fake service: each procedure answers what the test says, and any
 * other call fails loudly, so a test shows every call its screen makes. The time bank's
 * procedures sit under `timebank`, as in the real client.
 */
export function fakeMeApi(fakes: Fakes): MeApi {
  const me = procedures('me', fakes as Record<string, Procedure>);
  const timebank = procedures('timebank', (fakes.timebank ?? {}) as Record<string, Procedure>);
  const timebankBranch = new Proxy({}, { get: (_target, name: string) => timebank(name) });
  return new Proxy({} as MeApi, {
    get: (_target, name: string) => (name === 'timebank' ? timebankBranch : me(name)),
  });
}
