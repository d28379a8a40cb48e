import { render } from '@testing-library/react';
import { TRPCClientError } from '@trpc/client';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { CatalogItem, KioskApi, Resident } from '../api/kiosk-client';
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
    name: 'Rice 5 kg · 大米 5 公斤',
    description: '',
    kind: 'goods',
    points: 120,
    stock: 20,
    perResidentLimit: 2,
    affordable: true,
    pointsShort: 0,
    limitLeft: 2,
    ...overrides,
  };
}

const unexpected = (name: string) => () => Promise.reject(new Error(`unexpected call: ${name}`));

/** A fake service: every call fails loudly unless the test says what it answers. */
export function fakeApi(overrides: Partial<KioskApi> = {}): KioskApi {
  return {
    community: unexpected('community'),
    goals: unexpected('goals'),
    identify: unexpected('identify'),
    me: () => Promise.resolve(resident),
    history: () => Promise.resolve({ items: [], nextCursor: null }),
    catalog: () => Promise.resolve([catalogItem()]),
    redeem: unexpected('redeem'),
    donate: unexpected('donate'),
    signOut: () => Promise.resolve({ ok: true }),
    notices: () => Promise.resolve({ noticeDays: 7, items: [], nextCursor: null }),
    myRecords: () => Promise.resolve({ items: [], nextCursor: null }),
    myCorrections: () => Promise.resolve({ items: [], nextCursor: null }),
    requestCorrection: unexpected('requestCorrection'),
    invitations: () => Promise.resolve([]),
    answerInvitation: unexpected('answerInvitation'),
    ...overrides,
  };
}

export function renderInLanguage(ui: ReactNode, language: Language = 'en') {
  return render(<I18nextProvider i18n={createI18n(language)}>{ui}</I18nextProvider>);
}
