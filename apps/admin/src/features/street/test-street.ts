import type { Move, StreetCommunity, StreetOverview } from '@tally/domain/street';

// Small factories for the street's answers, as the service gives them.

let next = 0;
const id = () => `00000000-0000-4000-8000-${String(++next).padStart(12, '0')}`;

export function streetCommunity(overrides: Partial<StreetCommunity> = {}): StreetCommunity {
  return {
    id: id(),
    name: { zh: '青桐社区', en: 'Q Community' },
    timeZone: 'Asia/Shanghai',
    active: true,
    createdAt: '2026-01-05T02:00:00.000Z',
    residents: 60,
    participants: 41,
    pointsHeld: 12_400,
    timeCreditHeld: 300,
    awaitingReview: 4,
    lastServiceAt: '2026-12-01T06:00:00.000Z',
    ...overrides,
  };
}

export function streetOverview(communities: StreetCommunity[]): StreetOverview {
  return {
    street: { id: id(), name: { zh: '城南街道', en: 'Chengnan Street' } },
    openCommunityId: communities[0]?.id ?? id(),
    communities,
  };
}

export function move(overrides: Partial<Move> = {}): Move {
  return {
    id: id(),
    status: 'proposed',
    resident: { id: id(), name: '沈阳', cardNumber: 'W0010' },
    from: { communityId: id(), name: { zh: '梧桐社区', en: 'Wutong Community' } },
    to: { communityId: id(), name: { zh: '青桐社区', en: 'Q Community' } },
    note: null,
    proposedAt: '2026-12-05T02:00:00.000Z',
    proposedBy: '赵敏',
    decidedAt: null,
    decidedBy: null,
    declineReason: null,
    points: null,
    timeCredit: null,
    history: null,
    arrived: null,
    outTransactionId: null,
    inTransactionId: null,
    ...overrides,
  };
}
