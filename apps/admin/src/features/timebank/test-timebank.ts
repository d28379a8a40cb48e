import type {
  CareListEntry,
  CarePool,
  HelpClaim,
  HelpOffer,
  HelpRequest,
} from '@tally/domain/timebank';

// Small factories for the time bank's tests: requests, claims, the pool and offers as the
// service answers them to the office.

export const timebankId = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

export function helpClaim(fields: Partial<HelpClaim> = {}): HelpClaim {
  return {
    helperId: timebankId(20),
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
    claimedAt: '2026-12-01T02:00:00.000Z',
    settledAt: null,
    ...fields,
  };
}

export function helpRequest(fields: Partial<HelpRequest> = {}): HelpRequest {
  return {
    id: timebankId(1),
    kind: 'repairs',
    description: '厨房水龙头漏水',
    when: '2026-12-05T06:00:00.000Z',
    building: '3',
    place: '3号楼2单元301',
    minutesEstimate: 60,
    helpersNeeded: 1,
    placesLeft: 0,
    status: 'claimed',
    requesterId: timebankId(10),
    requesterName: '王秀英',
    contactPhone: '13800000001',
    via: 'kiosk',
    reason: null,
    poolEligible: true,
    showOnBoard: false,
    cancelReason: null,
    createdAt: '2026-12-01T01:00:00.000Z',
    claims: [helpClaim()],
    role: 'office',
    ...fields,
  };
}

export function carePool(fields: Partial<CarePool> = {}): CarePool {
  return {
    balance: 1200,
    rule: { minAge: 75, careListSize: 1 },
    paidMinutes: 90,
    giftedMinutes: 60,
    grantedMinutes: 1230,
    ...fields,
  };
}

export function careListEntry(fields: Partial<CareListEntry> = {}): CareListEntry {
  return {
    residentId: timebankId(30),
    name: '赵建国',
    building: '5',
    note: '独居，坐轮椅',
    addedAt: '2026-11-20T02:00:00.000Z',
    ...fields,
  };
}

export function helpOffer(fields: Partial<HelpOffer> = {}): HelpOffer {
  return {
    id: timebankId(40),
    kind: 'repairs',
    description: '会修水龙头',
    when: '工作日晚上',
    residentId: timebankId(20),
    residentName: '李明',
    building: '2',
    status: 'open',
    mine: false,
    createdAt: '2026-11-28T02:00:00.000Z',
    ...fields,
  };
}
