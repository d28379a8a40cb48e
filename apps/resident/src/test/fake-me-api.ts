import { TRPCClientError } from '@trpc/client';
import type { MeApi } from '../api/me-client';
import type { KioskActivity, MeSession } from '../api/me-types';

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

type Fakes = {
  [K in keyof MeApi]?: Partial<Record<'query' | 'mutate', (...args: never[]) => unknown>>;
};

/**
 * The `me` client over a fake service: each procedure answers what the test says, and any
 * other call fails loudly, so a test shows every call its screen makes.
 */
export function fakeMeApi(fakes: Fakes): MeApi {
  return new Proxy({} as MeApi, {
    get(_target, name: string) {
      const fake = fakes[name as keyof MeApi];
      const missing = () => Promise.reject(new Error(`unexpected call: me.${name}`));
      return { query: fake?.query ?? missing, mutate: fake?.mutate ?? missing };
    },
  });
}
