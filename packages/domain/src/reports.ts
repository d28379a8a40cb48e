import { z } from 'zod';
import { AgeBand } from './age-bands';
import { CalendarDay } from './calendar';
import { ServiceCategory } from './categories';
import { Id } from './ledger';
import { LocalizedText } from './localized-text';

// The participation reports: one per problem the community office watches
// (structure, willingness, motivation) plus the organizations' own health.

/** The smallest group a report shows a figure for: fewer residents than this and the cell hides. */
export const SMALL_GROUP_MIN = 5;
export const SUPPRESSED = '<5' as const;

/**
 * A report cell: a number, or "<5" when the figure counts (or is computed from) fewer than five
 * residents, so that no report identifies a person.
 */
export const Cell = z.union([z.number().nonnegative(), z.literal(SUPPRESSED)]);
export type Cell = z.infer<typeof Cell>;

/**
 * The one small-group rule: a figure about `residents` people is shown only when there are at
 * least five of them. `value` defaults to the count itself; pass a rate, share or hours computed
 * from those residents to hide it with them. Zero is a small group too.
 */
export function smallGroupCell(residents: number, value: number = residents): Cell {
  return residents < SMALL_GROUP_MIN ? SUPPRESSED : value;
}

/** `part / whole` as a fraction rounded to 4 decimals; 0 when the whole is 0. */
export function fraction(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 10_000) / 10_000;
}

/**
 * A rate between two counts of residents: hidden if either count is, since a rate and the
 * shown count would give the hidden one away.
 */
export function rateCell(part: number, whole: number): Cell {
  return part < SMALL_GROUP_MIN || whole < SMALL_GROUP_MIN ? SUPPRESSED : fraction(part, whole);
}

/** The longest period a report covers. */
export const MAX_REPORT_DAYS = 3 * 366;

/** Periods counted back from the community's today (not the reader's, which may differ). */
export const reportPeriodPresets = [
  'last_30_days',
  'last_90_days',
  'last_365_days',
  'this_year',
] as const;
export const ReportPeriodPreset = z.enum(reportPeriodPresets);
export type ReportPeriodPreset = z.infer<typeof ReportPeriodPreset>;

/**
 * Which service a report looks at: calendar days in the community's time zone, both ends
 * included — given as `from` and `to`, or as a `last` preset (default: the 365 days up to
 * today) — and optionally one organization.
 */
export const ReportInput = z
  .object({
    from: CalendarDay.optional(),
    to: CalendarDay.optional(),
    last: ReportPeriodPreset.optional(),
    organizationId: Id.optional(),
  })
  .refine((input) => !input.last || (input.from === undefined && input.to === undefined), {
    message: 'Give the period as from and to, or as a preset, not both',
    path: ['last'],
  })
  .refine((input) => (input.from === undefined) === (input.to === undefined), {
    message: 'Give both ends of the period (from and to) or neither',
    path: ['to'],
  })
  .refine((input) => !input.from || !input.to || input.from <= input.to, {
    message: 'The period must not end before it starts',
    path: ['to'],
  });
export type ReportInput = z.infer<typeof ReportInput>;

export const ReportPeriod = z.object({
  from: z.iso.date(),
  to: z.iso.date(),
  organizationId: Id.nullable(),
  timeZone: z.string(),
});
export type ReportPeriod = z.infer<typeof ReportPeriod>;

const Month = z.string().regex(/^\d{4}-\d{2}$/);

// ---- Structure: who takes part ----

export const participationWindows = [
  'period',
  'last_30_days',
  'last_90_days',
  'last_365_days',
] as const;
export const ParticipationWindow = z.enum(participationWindows);

/** "unknown" collects residents without a birth year, or without a building. */
export const GroupParticipation = z.object({
  group: z.string(),
  residents: Cell,
  participants: Cell,
  rate: Cell,
});
export type GroupParticipation = z.infer<typeof GroupParticipation>;

export const WindowParticipation = z.object({
  /** `period` is the report's period; the others are the days up to its end. */
  window: ParticipationWindow,
  from: z.iso.date(),
  to: z.iso.date(),
  total: GroupParticipation,
  byAgeBand: z.array(GroupParticipation),
  byBuilding: z.array(GroupParticipation),
});

export const UnderRepresentedGroup = z.object({
  dimension: z.enum(['age_band', 'building']),
  group: z.string(),
  residents: Cell,
  participants: Cell,
  rate: Cell,
  /** The whole community's (or organization's) rate over the same period. */
  overallRate: Cell,
});
export type UnderRepresentedGroup = z.infer<typeof UnderRepresentedGroup>;

/** The ways a resident takes part in running the community (issue 15), beside serving it. */
export const governanceActs = ['raised', 'supported', 'attended', 'voted'] as const;
export type GovernanceAct = (typeof governanceActs)[number];

/**
 * How many residents of a group took part in governance in the period: raised a topic,
 * supported one, attended a consultation meeting (an activity of category community affairs),
 * voted in a poll; `tookPart` did any of these. Cells under five residents hide.
 */
export const GovernanceGroup = z.object({
  group: z.string(),
  residents: Cell,
  raised: Cell,
  supported: Cell,
  attended: Cell,
  voted: Cell,
  tookPart: Cell,
  rate: Cell,
});
export type GovernanceGroup = z.infer<typeof GovernanceGroup>;

export const GovernanceParticipation = z.object({
  total: GovernanceGroup,
  byAgeBand: z.array(GovernanceGroup),
  byBuilding: z.array(GovernanceGroup),
});
export type GovernanceParticipation = z.infer<typeof GovernanceParticipation>;

export const StructureReport = z.object({
  period: ReportPeriod,
  /** The age bands and their edges (ages from birth year at the period's end). */
  ageBands: z.array(
    z.object({ id: AgeBand, minAge: z.number().int(), maxAge: z.number().int().nullable() }),
  ),
  windows: z.array(WindowParticipation),
  /** Residents whose first approved service ever fell in each month of the period. */
  newParticipantsByMonth: z.array(z.object({ month: Month, newParticipants: Cell })),
  /** Residents with approved service in the period … */
  participants: Cell,
  /** … of whom this was their first … */
  newParticipants: Cell,
  /** … and who had served before the period. */
  returningParticipants: Cell,
  /** How much of the period's hours the most active tenth of participants gave. */
  concentration: z.object({
    /** The top 10% of participants (rounded up, at least one). */
    topParticipants: Cell,
    topShareOfHours: Cell,
    totalHours: Cell,
  }),
  /**
   * Up to three groups with at least five residents whose participation rate in the period is
   * below the overall rate, lowest first: the callout "who is missing".
   */
  underRepresented: z.array(UnderRepresentedGroup),
  /** Who takes part in governance in the period, beside who serves. */
  governance: GovernanceParticipation,
});
export type StructureReport = z.infer<typeof StructureReport>;

// ---- Willingness: the first step and the second ----

/** Days after a first service within which a second one counts as coming back. */
export const RETURN_WITHIN_DAYS = 90;

/**
 * An activity's way from being seen to being come back to, over activities that started in the
 * period (published or closed; drafts and cancelled ones aside). Residents are counted once
 * each, however many of the activities they saw, signed up for or came to.
 */
export const ActivityFunnel = z.object({
  /** Activities that started in the period. */
  activities: z.number().int().nonnegative(),
  /** Residents who saw one at a kiosk (or, later, on their phone). */
  viewed: Cell,
  /** Residents who signed up for one (a place, or the waiting list). */
  signedUp: Cell,
  /** Residents checked in at one. */
  attended: Cell,
  /** Of those, residents checked in at another activity within 90 days after their first here. */
  cameBackWithin90Days: Cell,
  /** Of the places held at the closed ones, the share whose holder never came; null: none closed. */
  noShowRate: Cell.nullable(),
});
export type ActivityFunnel = z.infer<typeof ActivityFunnel>;

export const WillingnessReport = z.object({
  period: ReportPeriod,
  /** Activities, from seeing one to coming back: in all, per organization, per invited group. */
  activities: z.object({
    total: ActivityFunnel,
    byOrganization: z.array(ActivityFunnel.extend({ id: Id, name: LocalizedText })),
    /**
     * Per group invited: `everyone`, or the age bands and buildings an activity was limited to
     * (`group` names them, e.g. `under_30`, `7`, `under_30 + 7`).
     */
    byInvitedGroup: z.array(
      ActivityFunnel.extend({
        group: z.string(),
        ageBands: z.array(AgeBand),
        buildings: z.array(z.string()),
      }),
    ),
  }),
  /** Up to the period's end: residents → served once → served again within 90 days. */
  funnel: z.object({
    residents: Cell,
    servedOnce: Cell,
    servedAgainWithin90Days: Cell,
    firstStepRate: Cell,
    secondStepRate: Cell,
  }),
  /** Residents whose first service fell in the period, and what became of them. */
  firstStepsInPeriod: z.object({
    residents: Cell,
    servedAgainWithin90Days: Cell,
    /** Their 90 days are not over yet at the period's end, and they have not come back (yet). */
    stillWithin90Days: Cell,
  }),
  /** Median days from card issue to first service, for the first steps in the period. */
  medianDaysCardToFirstService: Cell,
});
export type WillingnessReport = z.infer<typeof WillingnessReport>;

// ---- Motivation: what the points are for ----

export const MotivationReport = z.object({
  period: ReportPeriod,
  /** Residents credited points for service in the period. */
  earners: Cell,
  points: z.object({
    earned: Cell,
    /** Shares of the points earned: spent on rewards, given to goals, still held. */
    redeemedShare: Cell,
    donatedShare: Cell,
    heldShare: Cell,
  }),
  redemptions: z.object({
    /** Residents who redeemed in the period. */
    residents: Cell,
    count: Cell,
    points: Cell,
    /** Share of redeemed points that went to service or privilege rewards. */
    nonMaterialShare: Cell,
  }),
  /** Participants who served on two or more days in the period and redeemed nothing in it. */
  steadyWithoutRedeeming: z.object({ residents: Cell, ofParticipants: Cell }),
  hours: z.object({
    /** Community affairs, organization activities, neighbourly help. */
    participation: Cell,
    /** The usual service kinds. */
    service: Cell,
    participationShare: Cell,
    byCategory: z.array(
      z.object({
        category: ServiceCategory,
        group: z.enum(['participation', 'service']),
        hours: Cell,
      }),
    ),
  }),
  /**
   * The time bank beside service for points: hours neighbours helped each other (exchanges
   * confirmed in the period and not reversed), by how many helpers, and their share of all the
   * hours given (exchanged plus served). Reason to serve: the community, not the gift shop.
   */
  timeBank: z.object({
    exchanges: Cell,
    helpers: Cell,
    exchangedHours: Cell,
    servedHours: Cell,
    timeBankShare: Cell,
    /** Of the exchanged hours, the share the care pool paid for residents it covers. */
    poolShare: Cell,
  }),
});
export type MotivationReport = z.infer<typeof MotivationReport>;

// ---- Organizations: are they growing ----

/** An organization whose leader has logged no service for this many days may be fading. */
export const DORMANT_AFTER_DAYS = 30;

export const OrganizationHealth = z.object({
  id: Id,
  name: LocalizedText,
  /** Members at the period's end. */
  members: Cell,
  /** Members with approved service for the organization in the period. */
  activeMembers: Cell,
  /** Members who joined in the period. */
  newMembers: Cell,
  hours: Cell,
  trend: z.array(z.object({ month: Month, activeMembers: Cell, hours: Cell })),
  /** When a leader of the organization last logged service for it; null if never. */
  leaderLastLoggedAt: z.iso.datetime({ offset: true }).nullable(),
  daysSinceLeaderLogged: z.number().int().nonnegative().nullable(),
  /** Its activities that started in the period and were run and closed. */
  activitiesRun: z.number().int().nonnegative(),
  /**
   * Of the places those offered (activities with a number of places), the share taken; null
   * when none had a limit.
   */
  fillRate: Cell.nullable(),
});
export type OrganizationHealth = z.infer<typeof OrganizationHealth>;

export const OrganizationsReport = z.object({
  period: ReportPeriod,
  months: z.array(Month),
  organizations: z.array(OrganizationHealth),
});
export type OrganizationsReport = z.infer<typeof OrganizationsReport>;

export const reportNames = ['structure', 'willingness', 'motivation', 'organizations'] as const;
export type ReportName = (typeof reportNames)[number];

// ---- Campaign effect: did the lever move the group ----

/**
 * A campaign's group and days, as in the earning rule: residents of the age band and/or the
 * building (neither: everyone), from `from` to `to`, community calendar days, both included.
 */
export const CampaignEffectInput = z
  .object({
    from: CalendarDay,
    to: CalendarDay,
    ageBand: AgeBand.optional(),
    building: z.string().trim().min(1).max(50).optional(),
  })
  .refine((input) => input.from <= input.to, {
    message: 'The campaign must not end before it starts',
    path: ['to'],
  });
export type CampaignEffectInput = z.infer<typeof CampaignEffectInput>;

/** One group's participation in one stretch of days; every figure follows the small-group rule. */
export const StretchParticipation = z.object({
  residents: Cell,
  participants: Cell,
  rate: Cell,
  hours: Cell,
});
export type StretchParticipation = z.infer<typeof StretchParticipation>;

const Stretch = z.object({ from: z.iso.date(), to: z.iso.date() });

export const CampaignEffect = z.object({
  timeZone: z.string(),
  /**
   * The campaign's days so far (from its start to today, or to its end once it ended); null
   * while it has not started.
   */
  during: Stretch.nullable(),
  /** As many days just before the campaign started, to compare with. */
  before: Stretch,
  /** The campaign's group, before and during. */
  group: z.object({ before: StretchParticipation, during: StretchParticipation.nullable() }),
  /** Every other resident; absent when the campaign is for everyone. */
  everyoneElse: z
    .object({ before: StretchParticipation, during: StretchParticipation.nullable() })
    .nullable(),
});
export type CampaignEffect = z.infer<typeof CampaignEffect>;
