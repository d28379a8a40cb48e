import type { ServiceCategory } from '@tally/domain/categories';
import type { ServiceRecord } from '@tally/domain/service';
import { useApi } from '../../api/api-context';
import { useApiQuery } from '../../api/queries';

/** How many approved records the dashboard reads at most (until `insights.dashboard` exists). */
const MAX_RECORDS = 2000;

export type MonthFigures = {
  minutes: number;
  participants: number;
  records: number;
  /** Minutes per day of the month (index 0 is the 1st). */
  byDay: number[];
  byCategory: { category: ServiceCategory; minutes: number }[];
  /** True when there were more records than the dashboard reads. */
  truncated: boolean;
};

/** Adds up this month's approved service (by the day it was served, in local time). */
export function summarizeMonth(
  records: ServiceRecord[],
  monthStart: Date,
  truncated: boolean,
): MonthFigures {
  const days = new Date(monthStart.getFullYear(), monthStart.getMonth() + 1, 0).getDate();
  const byDay = Array.from({ length: days }, () => 0);
  const byCategory = new Map<ServiceCategory, number>();
  const people = new Set<string>();
  let minutes = 0;
  for (const record of records) {
    minutes += record.minutes;
    people.add(record.resident.id);
    const day = new Date(record.startedAt).getDate() - 1;
    byDay[day] = (byDay[day] ?? 0) + record.minutes;
    byCategory.set(
      record.activity.category,
      (byCategory.get(record.activity.category) ?? 0) + record.minutes,
    );
  }
  return {
    minutes,
    participants: people.size,
    records: records.length,
    byDay,
    byCategory: [...byCategory.entries()]
      .map(([category, total]) => ({ category, minutes: total }))
      .sort((a, b) => b.minutes - a.minutes),
    truncated,
  };
}

export function useMonthService(monthStart: Date) {
  const api = useApi();
  const from = monthStart.toISOString();
  return useApiQuery('service.list', { status: 'approved', from, dashboard: true }, async () => {
    const records: ServiceRecord[] = [];
    let cursor: string | null = null;
    do {
      const page = await api.service.list.query({
        status: 'approved',
        from,
        limit: 200,
        ...(cursor ? { cursor } : {}),
      });
      records.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor && records.length < MAX_RECORDS);
    return summarizeMonth(records, monthStart, cursor !== null);
  });
}
