import { z } from 'zod';
import { CalendarMonth } from './calendar';
import { ServiceCategory } from './categories';
import { Id } from './ledger';
import { LocalizedText } from './localized-text';

/** A reward is running low at this stock or less. */
export const LOW_STOCK_AT_MOST = 5;

/** How many days, up to and including today, the dashboard's daily chart covers. */
export const DASHBOARD_DAYS = 30;

const Count = z.number().int().nonnegative();

/**
 * The office's home page. Months and days are the community's own (its time
 * zone); service counts when it started, once it is approved.
 */
/** Before this day of the month, the month so far is too short to show on its own. */
export const FULL_MONTH_FROM_DAY = 8;
/** The days shown instead early in a month, or while the month has no approved service yet. */
export const RECENT_DAYS = 30;

/**
 * The days a community's headline figures cover, in its own time zone: this month so far, or the
 * last `RECENT_DAYS` days early in a month (before the `FULL_MONTH_FROM_DAY`th) or while this
 * month has no approved service yet — so no screen shouts "0 hours" on the 1st.
 */
export const FiguresPeriod = z.object({
  kind: z.enum(['month', 'recentDays']),
  days: z.number().int().positive(),
  from: z.iso.date(),
  to: z.iso.date(),
});
export type FiguresPeriod = z.infer<typeof FiguresPeriod>;

export const Dashboard = z.object({
  /** This month, `YYYY-MM`. */
  month: z.string().regex(/^\d{4}-\d{2}$/),
  /** The days the headline figures cover: this month, or the last 30 days early in a month. */
  period: FiguresPeriod,
  /** Approved minutes of service that started in the period (this month: all of it). */
  approvedMinutes: Count,
  /** Residents with approved service in the period. */
  participants: Count,
  /** Of those, the ones with no approved service before the period. */
  newParticipants: Count,
  /** Service records waiting for review, whenever logged. */
  pendingApprovals: Count,
  /** Active rewards with stock of `LOW_STOCK_AT_MOST` or less, emptiest first. */
  lowStockRewards: z.array(z.object({ id: Id, name: LocalizedText, stock: Count })),
  /** Every one of the last `DASHBOARD_DAYS` days, oldest first, today last (0 when none). */
  minutesByDay: z.array(z.object({ date: z.iso.date(), minutes: Count })),
  /** The period's approved minutes for every category, in the catalogue's order (0 when none). */
  minutesByCategory: z.array(z.object({ category: ServiceCategory, minutes: Count })),
});
export type Dashboard = z.infer<typeof Dashboard>;

/** How many volunteers the poster thanks by name, at most (the rest are counted). */
export const POSTER_THANKS_AT_MOST = 60;

export const PosterInput = z.object({
  /** The month the poster is about, `YYYY-MM`; default the month before this one. */
  month: CalendarMonth.optional(),
});
export type PosterInput = z.infer<typeof PosterInput>;

/**
 * The printable monthly community poster: what the community gave in a month (its own calendar
 * month; service that counts — approved and not reversed), the goals it is funding, and thanks
 * to the volunteers who agreed to be named (display names only; the others are only counted).
 */
export const Poster = z.object({
  communityName: LocalizedText,
  month: z.string().regex(/^\d{4}-\d{2}$/),
  minutes: Count,
  hours: z.number().nonnegative(),
  participants: Count,
  /** Residents whose first counted service ever was this month. */
  newParticipants: Count,
  /** Organizations with counted service this month, most hours first. */
  organizations: z.array(z.object({ id: Id, name: LocalizedText, minutes: Count })),
  /** Categories with counted service this month, most hours first. */
  categories: z.array(z.object({ category: ServiceCategory, minutes: Count })),
  /** Points residents gave to goals this month (net of any reversal). */
  pointsDonated: z.number().int(),
  /** Goals open during the month, with what they had raised by its end. */
  goals: z.array(
    z.object({
      id: Id,
      title: LocalizedText,
      targetPoints: Count,
      raisedPoints: Count,
      funded: z.boolean(),
    }),
  ),
  /** Display names of this month's volunteers who agreed to be shown, alphabetical. */
  thanks: z.array(z.string()).max(POSTER_THANKS_AT_MOST),
  /** This month's volunteers not named above (not agreed to be shown, or past the limit). */
  otherVolunteers: Count,
  /**
   * The signed ledger checkpoint that vouches for the month (the first made once it was
   * over, else the newest), printed as its short code for the office to keep: with it,
   * `ledger.verify` shows any later truncation or rewriting of the ledger.
   */
  checkpoint: z
    .object({
      code: z.string(),
      sequence: z.number().int().positive(),
      signedAt: z.iso.datetime({ offset: true }),
    })
    .nullable(),
});
export type Poster = z.infer<typeof Poster>;

/**
 * How far behind the primary the figures are: reports, exports and journal pages are read from
 * a streaming replica when the service has one. `lagSeconds` is 0 when the replica has replayed
 * everything the primary had written when asked, and null when it cannot tell (nothing replayed
 * yet since the replica started).
 */
export const Freshness = z.object({
  replica: z.boolean(),
  lagSeconds: z.number().nonnegative().nullable(),
  asOf: z.iso.datetime({ offset: true }),
});
export type Freshness = z.infer<typeof Freshness>;
