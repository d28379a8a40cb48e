import { todayLocal } from '../../ui/dates';

export type Period = { from: string; to: string };
export type PeriodErrors = {
  from?: 'dayMissing';
  to?: 'dayMissing' | 'endsBeforeStart' | 'inFuture';
};

/** The last 12 months up to today, both ends included: a year ago tomorrow, to today. */
export function lastTwelveMonths(today: string = todayLocal()): Period {
  const [year = 0, month = 1, day = 1] = today.split('-').map(Number);
  // 29 February a year back is 28 February (not 1 March), so the period is exactly a year.
  const lastDay = new Date(Date.UTC(year - 1, month, 0)).getUTCDate();
  const start = new Date(Date.UTC(year - 1, month - 1, Math.min(day, lastDay) + 1));
  return { from: start.toISOString().slice(0, 10), to: today };
}

/** What is wrong with a period before the service is asked (it checks the same on its own). */
export function periodErrors({ from, to }: Period, today: string = todayLocal()): PeriodErrors {
  if (!from || !to) {
    return { ...(from ? {} : { from: 'dayMissing' }), ...(to ? {} : { to: 'dayMissing' }) };
  }
  if (to < from) return { to: 'endsBeforeStart' };
  if (to > today) return { to: 'inFuture' };
  return {};
}
