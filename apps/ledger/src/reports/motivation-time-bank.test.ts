import { SUPPRESSED } from '@tally/domain/reports';
import { describe, expect, it } from 'vitest';
import type { CountedRecord } from './counted-service';
import { buildMotivationReport } from './motivation-report';

// The motivation report's time-bank share: hours neighbours exchanged beside hours served for
// points, hidden like every figure when fewer than five residents stand behind it.

const period = {
  communityId: 'c',
  from: '2026-01-01',
  to: '2026-12-31',
  organizationId: null,
  timeZone: 'Asia/Shanghai',
  today: '2026-12-07',
};

function served(residentId: string, minutes: number): CountedRecord {
  return {
    id: `${residentId}-${minutes}`,
    residentId,
    organizationId: 'o',
    category: 'elderly_care',
    minutes,
    points: minutes / 6,
    serviceDate: '2026-06-01',
  };
}

const people = ['a', 'b', 'c', 'd', 'e', 'f'];

describe('the time bank beside service, in the motivation report', () => {
  it('puts the hours exchanged beside the hours served, with the pool’s share', () => {
    const report = buildMotivationReport({
      period,
      records: people.map((id) => served(id, 120)),
      redemptions: [],
      donations: [],
      exchanges: people.slice(0, 5).map((id, i) => ({
        residentId: id,
        minutes: 60,
        poolMinutes: i < 2 ? 60 : 0,
      })),
    });
    expect(report.timeBank).toEqual({
      exchanges: 5,
      helpers: 5,
      exchangedHours: 5,
      servedHours: 12,
      // 300 of the 1,020 minutes given went through the time bank.
      timeBankShare: 0.2941,
      poolShare: 0.4,
    });
  });

  it('hides the time bank’s figures when fewer than five neighbours helped', () => {
    const report = buildMotivationReport({
      period,
      records: people.map((id) => served(id, 60)),
      redemptions: [],
      donations: [],
      exchanges: [{ residentId: 'a', minutes: 90, poolMinutes: 90 }],
    });
    expect(report.timeBank).toMatchObject({
      exchanges: SUPPRESSED,
      helpers: SUPPRESSED,
      exchangedHours: SUPPRESSED,
      poolShare: SUPPRESSED,
      // The share would give the hidden hours away beside the hours served.
      timeBankShare: SUPPRESSED,
      servedHours: 6,
    });
  });
});
