import { z } from 'zod';
import { ServiceCategory } from './categories';
import { Id } from './ledger';

/** A reward is running low at this stock or less. */
export const LOW_STOCK_AT_MOST = 5;

/** How many days, up to and including today, the dashboard's daily chart covers. */
export const DASHBOARD_DAYS = 30;

const Count = z.number().int().nonnegative();

/**
 * The office's home page. Months and days are the community's own (its time
 * zone); service counts when it started, once it is approved.
 */
export const Dashboard = z.object({
  /** This month, `YYYY-MM`. */
  month: z.string().regex(/^\d{4}-\d{2}$/),
  /** Approved minutes of service that started this month. */
  approvedMinutes: Count,
  /** Residents with approved service this month. */
  participants: Count,
  /** Of those, the ones with no approved service before this month. */
  newParticipants: Count,
  /** Service records waiting for review, whenever logged. */
  pendingApprovals: Count,
  /** Active rewards with stock of `LOW_STOCK_AT_MOST` or less, emptiest first. */
  lowStockRewards: z.array(z.object({ id: Id, name: z.string(), stock: Count })),
  /** Every one of the last `DASHBOARD_DAYS` days, oldest first, today last (0 when none). */
  minutesByDay: z.array(z.object({ date: z.iso.date(), minutes: Count })),
  /** This month's approved minutes for every category, in the catalogue's order (0 when none). */
  minutesByCategory: z.array(z.object({ category: ServiceCategory, minutes: Count })),
});
export type Dashboard = z.infer<typeof Dashboard>;
