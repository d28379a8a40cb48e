import type { CorrectionRequest } from '@tally/domain/corrections';

// Correction requests for component and form tests.

export const REQUEST_ID = '00000000-0000-4000-8000-0000000000a1';

/** Wang Fang asks, still waiting, for her 2 h record (20 points) to be `proposedMinutes` long. */
export function wrongHoursRequest(proposedMinutes: number | null = 180): CorrectionRequest {
  return {
    id: REQUEST_ID,
    kind: 'wrong_hours',
    status: 'open',
    reason: 'I stayed an extra hour to tidy up',
    proposedMinutes,
    resident: { id: 'r1', name: 'Wang Fang', displayName: 'Fang', cardNumber: 'Q0012' },
    record: {
      id: 's1',
      organization: { id: 'o1', name: { zh: '绿色家园', en: 'Green Team' } },
      activity: { title: 'Courtyard clean-up', category: 'environment' },
      startedAt: '2026-11-20T01:00:00.000Z',
      minutes: 120,
      points: 20,
    },
    missing: null,
    requestedAt: '2026-11-21T01:00:00.000Z',
    resolution: null,
  };
}

/** Wang Fang says a 90-minute service was never recorded. */
export function missingRecordRequest(): CorrectionRequest {
  return {
    ...wrongHoursRequest(90),
    kind: 'missing_record',
    record: null,
    missing: {
      organization: { id: 'o1', name: { zh: '绿色小队', en: 'Green Team' } },
      serviceDate: '2026-11-29',
      activityTitle: 'Tree planting',
    },
  };
}
