import { z } from 'zod';
import { AgeBand } from './age-bands';
import { Moment } from './calendar';
import { ServiceCategory } from './categories';
import { ServiceMinutes } from './earning-rules';
import { Id, IdempotencyKey } from './ledger';
import { LocalizedText, localizedNameInput, localizedTextInput } from './localized-text';
import { PageInput } from './pagination';
import { Building } from './residents';
import { ACTIVITY_TITLE_MAX } from './service';

// Activities (issue 13): published by a leader for their organization, or by the office; residents
// sign up at the kiosk (or a leader signs them up), are checked in at the door, and closing the
// activity turns attendance into pending service records for the office to review.

export const activityStatuses = ['draft', 'published', 'cancelled', 'closed'] as const;
export const ActivityStatus = z.enum(activityStatuses);
export type ActivityStatus = z.infer<typeof ActivityStatus>;

/** An activity lasts at most a day, like one service record. */
export const ACTIVITY_MAX_MINUTES = 1440;
/** Check-in at the door opens this long before the activity starts. */
export const CHECK_IN_OPENS_MINUTES_BEFORE = 60;
export const ACTIVITY_MAX_SLOTS = 10_000;

const distinct = (items: readonly string[]) => new Set(items).size === items.length;

/**
 * Who an activity is for, when not everyone: residents in one of `ageBands` (by birth year, in
 * the activity's year) and living in one of `buildings`; an empty list does not limit. With
 * `campaign`, the invitation serves the running earning campaign: its group is used when no
 * bands or buildings are given, and residents see its bonus.
 */
export const ActivityInviteInput = z
  .object({
    ageBands: z.array(AgeBand).max(5).refine(distinct, 'Name each age band once').default([]),
    buildings: z.array(Building).max(100).refine(distinct, 'Name each building once').default([]),
    campaign: z.boolean().default(false),
  })
  .refine((invite) => invite.campaign || invite.ageBands.length + invite.buildings.length > 0, {
    message: 'Invite a group: name age bands or buildings, or the running campaign',
  });
export type ActivityInviteInput = z.infer<typeof ActivityInviteInput>;

const ActivityFields = z.object({
  title: localizedNameInput({ max: ACTIVITY_TITLE_MAX, message: 'Name the activity' }),
  category: ServiceCategory,
  place: z.string().trim().min(1, 'Say where it takes place').max(200),
  startsAt: Moment,
  endsAt: Moment,
  /** Without it, no limit. */
  slots: z.number().int().min(1, 'At least 1 place').max(ACTIVITY_MAX_SLOTS).optional(),
  /** With slots: once they are taken, residents join a waiting list and move up in order. */
  waitingList: z.boolean().default(false),
  /** When residents may start signing up; without it, as soon as the activity is published. */
  signUpOpensAt: Moment.optional(),
  description: localizedTextInput({ max: 2000 }).default({ zh: '', en: '' }),
  /** Without it, everyone may sign up. */
  invite: ActivityInviteInput.optional(),
});

type Timed = {
  startsAt: string;
  endsAt: string;
  signUpOpensAt?: string | undefined;
  slots?: number | undefined;
  waitingList: boolean;
};

/** The rules between fields: it ends after it starts, within a day; sign-up opens before. */
function timedRightly(activity: Timed, context: z.RefinementCtx): void {
  const starts = Date.parse(activity.startsAt);
  const ends = Date.parse(activity.endsAt);
  if (ends <= starts)
    context.addIssue({ code: 'custom', path: ['endsAt'], message: 'It must end after it starts' });
  else if (ends - starts > ACTIVITY_MAX_MINUTES * 60_000)
    context.addIssue({
      code: 'custom',
      path: ['endsAt'],
      message: 'An activity lasts a day at most',
    });
  if (activity.signUpOpensAt && Date.parse(activity.signUpOpensAt) > starts)
    context.addIssue({
      code: 'custom',
      path: ['signUpOpensAt'],
      message: 'Sign-up must open before the activity starts',
    });
  if (activity.waitingList && activity.slots === undefined)
    context.addIssue({
      code: 'custom',
      path: ['waitingList'],
      message: 'A waiting list needs a number of places',
    });
}

export const CreateActivityInput = ActivityFields.extend({
  idempotencyKey: IdempotencyKey,
  organizationId: Id,
}).superRefine(timedRightly);
export type CreateActivityInput = z.infer<typeof CreateActivityInput>;

/**
 * An activity's new terms, all of them (what is left out is cleared: no slots means no limit).
 * Its organization stays. Fewer places than residents signed up is refused; more places move
 * the waiting list up.
 */
export const UpdateActivityInput = ActivityFields.extend({
  idempotencyKey: IdempotencyKey,
  id: Id,
}).superRefine(timedRightly);
export type UpdateActivityInput = z.infer<typeof UpdateActivityInput>;

export const ActivityActionInput = z.object({ idempotencyKey: IdempotencyKey, id: Id });

export const CancelActivityInput = z.object({
  idempotencyKey: IdempotencyKey,
  id: Id,
  reason: z.string().trim().min(1, 'Say why it is cancelled').max(500),
});

export const ListActivitiesInput = PageInput.extend({
  status: ActivityStatus.optional(),
  organizationId: Id.optional(),
  /** Activities starting at or after this moment. */
  from: Moment.optional(),
  /** Activities starting before this moment. */
  to: Moment.optional(),
});
export type ListActivitiesInput = z.infer<typeof ListActivitiesInput>;

export const GetActivityInput = z.object({ id: Id });
export const AttendanceInput = z.object({ activityId: Id });

/** The campaign an invitation serves, as residents are told of it. */
export const ActivityCampaign = z.object({
  ruleVersion: z.number().int().positive(),
  bonusPercent: z.number().int().positive(),
  from: z.iso.date(),
  to: z.iso.date(),
});

export const ActivityInvite = z.object({
  ageBands: z.array(AgeBand),
  buildings: z.array(z.string()),
  /** The earning campaign the invitation serves; null when none, or its rule is gone. */
  campaign: ActivityCampaign.nullable(),
});
export type ActivityInvite = z.infer<typeof ActivityInvite>;

/** An activity as staff see it. */
export const StaffActivity = z.object({
  id: Id,
  organization: z.object({ id: Id, name: LocalizedText }),
  title: LocalizedText,
  description: LocalizedText,
  category: ServiceCategory,
  place: z.string(),
  startsAt: z.iso.datetime({ offset: true }),
  endsAt: z.iso.datetime({ offset: true }),
  signUpOpensAt: z.iso.datetime({ offset: true }).nullable(),
  /** Null: no limit. */
  slots: z.number().int().positive().nullable(),
  waitingList: z.boolean(),
  /** Null: open to everyone. */
  invite: ActivityInvite.nullable(),
  status: ActivityStatus,
  cancelReason: z.string().nullable(),
  /** Residents holding a place (not those waiting). */
  signedUp: z.number().int().nonnegative(),
  waitlisted: z.number().int().nonnegative(),
  /** Residents checked in at the door, walk-ins included. */
  checkedIn: z.number().int().nonnegative(),
  /** After closing: residents who signed up and never came. */
  noShows: z.number().int().nonnegative(),
  createdBy: z.object({ id: Id, displayName: z.string() }),
  createdAt: z.iso.datetime(),
  publishedAt: z.iso.datetime().nullable(),
  cancelledAt: z.iso.datetime().nullable(),
  closedAt: z.iso.datetime().nullable(),
});
export type StaffActivity = z.infer<typeof StaffActivity>;

// Sign-up.

export const signUpStatuses = ['signed_up', 'waitlisted', 'cancelled', 'no_show'] as const;
export const SignUpStatus = z.enum(signUpStatuses);
export type SignUpStatus = z.infer<typeof SignUpStatus>;

/** Why a resident cannot sign up: the domain code a sign-up would be refused with. */
export const signUpRefusals = [
  'ACTIVITY_NOT_OPEN',
  'ACTIVITY_FULL',
  'ALREADY_SIGNED_UP',
  'NOT_INVITED',
] as const;
export const SignUpRefusal = z.enum(signUpRefusals);
export type SignUpRefusal = z.infer<typeof SignUpRefusal>;

export const SignUpMemberInput = z.object({
  idempotencyKey: IdempotencyKey,
  activityId: Id,
  residentId: Id,
});
export const KioskSignUpInput = z.object({ idempotencyKey: IdempotencyKey, activityId: Id });

export const SignUpResult = z.object({
  activityId: Id,
  residentId: Id,
  /** A place, or a place on the waiting list. */
  status: z.enum(['signed_up', 'waitlisted']),
  /** On the waiting list: 1 is next to move up. */
  waitingPosition: z.number().int().positive().nullable(),
});
export type SignUpResult = z.infer<typeof SignUpResult>;

export const CancelSignUpResult = z.object({
  activityId: Id,
  residentId: Id,
  /** False when the resident was not signed up (nothing changed). */
  cancelled: z.boolean(),
  /** The resident who moved up from the waiting list into the freed place, if any. */
  movedUp: Id.nullable(),
});
export type CancelSignUpResult = z.infer<typeof CancelSignUpResult>;

// Check-in at the door.

export const CheckInInput = z.object({
  idempotencyKey: IdempotencyKey,
  activityId: Id,
  /** Typed, or read from the member card's QR code. */
  cardNumber: z.string().trim().min(1, 'Enter the card number').max(64),
});
export type CheckInInput = z.infer<typeof CheckInInput>;

/** At a kiosk in activity mode: the card tapped (number alone) or typed with the PIN. */
export const KioskCheckInInput = CheckInInput.extend({
  pin: z.string().min(1, 'Enter your PIN').max(64).optional(),
});
export type KioskCheckInInput = z.infer<typeof KioskCheckInInput>;

export const CheckInResult = z.object({
  activityId: Id,
  residentId: Id,
  displayName: z.string(),
  checkedInAt: z.iso.datetime(),
  /** The check-in's time of day in the community's time zone, `HH:MM`, as the door shows it. */
  localTime: z.string().regex(/^\d{2}:\d{2}$/),
  /** Not signed up (or only waiting) when checked in. */
  walkIn: z.boolean(),
  /** Checked in before: this call changed nothing. */
  alreadyCheckedIn: z.boolean(),
});
export type CheckInResult = z.infer<typeof CheckInResult>;

export const CheckOutResult = z.object({
  activityId: Id,
  residentId: Id,
  displayName: z.string(),
  checkedInAt: z.iso.datetime(),
  checkedOutAt: z.iso.datetime(),
  localTime: z.string().regex(/^\d{2}:\d{2}$/),
  /** What closing will count for them: check-out − check-in, capped by the activity's length. */
  minutes: z.number().int().positive(),
  /** Checked out before: this call changed nothing. */
  alreadyCheckedOut: z.boolean(),
});
export type CheckOutResult = z.infer<typeof CheckOutResult>;

export const AttendanceEntry = z.object({
  resident: z.object({ id: Id, name: z.string(), displayName: z.string(), cardNumber: z.string() }),
  /** Their sign-up, or null for a walk-in who never signed up. */
  signUp: SignUpStatus.nullable(),
  waitingPosition: z.number().int().positive().nullable(),
  checkedInAt: z.iso.datetime().nullable(),
  checkedOutAt: z.iso.datetime().nullable(),
  walkIn: z.boolean(),
  /** Checked in: what closing counts (or counted), adjustments included; otherwise null. */
  minutes: z.number().int().positive().nullable(),
  adjustment: z.object({ minutes: z.number().int().positive(), reason: z.string() }).nullable(),
  /** After closing: the pending (or since reviewed) record it wrote. */
  serviceRecordId: Id.nullable(),
});
export type AttendanceEntry = z.infer<typeof AttendanceEntry>;

export const Attendance = z.object({
  activityId: Id,
  status: ActivityStatus,
  /** Everyone signed up, waiting or checked in; checked-in first, then by name. */
  entries: z.array(AttendanceEntry),
});
export type Attendance = z.infer<typeof Attendance>;

// Closing.

export const MinutesAdjustment = z.object({
  residentId: Id,
  minutes: ServiceMinutes,
  reason: z.string().trim().min(1, 'Say why the minutes are adjusted').max(500),
});

export const CloseActivityInput = z.object({
  idempotencyKey: IdempotencyKey,
  id: Id,
  adjustments: z
    .array(MinutesAdjustment)
    .max(1000)
    .refine((list) => distinct(list.map((a) => a.residentId)), 'Adjust each resident once')
    .default([]),
});
export type CloseActivityInput = z.infer<typeof CloseActivityInput>;

export const CloseActivityResult = z.object({
  records: z.array(
    z.object({
      id: Id,
      residentId: Id,
      minutes: z.number().int().positive(),
      status: z.literal('pending'),
    }),
  ),
  /** Residents who held a place and never checked in. */
  noShows: z.array(Id),
});
export type CloseActivityResult = z.infer<typeof CloseActivityResult>;

// The kiosk.

export const KioskActivity = z.object({
  id: Id,
  organizationName: LocalizedText,
  title: LocalizedText,
  description: LocalizedText,
  category: ServiceCategory,
  place: z.string(),
  startsAt: z.iso.datetime({ offset: true }),
  endsAt: z.iso.datetime({ offset: true }),
  signUpOpensAt: z.iso.datetime({ offset: true }).nullable(),
  status: ActivityStatus,
  /** Why it was cancelled, for residents who signed up. */
  cancelReason: z.string().nullable(),
  slots: z.number().int().positive().nullable(),
  /** Places not yet taken; null without a limit. */
  slotsLeft: z.number().int().nonnegative().nullable(),
  waitingList: z.boolean(),
  /** The running campaign's bonus the invitation promises, if any. */
  campaign: ActivityCampaign.nullable(),
  /** Whom it is for when only some are invited (e.g. residents under 30); null when everyone. */
  invite: ActivityInvite.nullable(),
  /** The identified resident's own sign-up, if any. */
  mySignUp: z
    .object({
      status: SignUpStatus.exclude(['cancelled']),
      waitingPosition: z.number().int().positive().nullable(),
      checkedInAt: z.iso.datetime().nullable(),
      /** A proxy who signed the resident up on the phone ("signed up by 王晓红"); else null. */
      signedUpBy: z.string().nullable(),
    })
    .nullable(),
  canSignUp: z.boolean(),
  /** Why not, as the error a sign-up would answer; null when they can. */
  whyNot: SignUpRefusal.nullable(),
  /** Signing up now puts them on the waiting list. */
  joinsWaitingList: z.boolean(),
  /** They hold a place or wait for one, and the activity has not started. */
  canCancel: z.boolean(),
});
export type KioskActivity = z.infer<typeof KioskActivity>;

/**
 * An upcoming activity as a kiosk shows it to anyone passing (its idle screen): nothing about
 * whoever looks at it.
 */
export const UpcomingActivity = KioskActivity.pick({
  id: true,
  organizationName: true,
  title: true,
  category: true,
  place: true,
  startsAt: true,
  endsAt: true,
  signUpOpensAt: true,
  slots: true,
  slotsLeft: true,
  waitingList: true,
  campaign: true,
  invite: true,
});
export type UpcomingActivity = z.infer<typeof UpcomingActivity>;

/** What a kiosk is for just now: an activity's door, or (null) everything else. */
export const KioskMode = z.object({
  activity: z
    .object({
      id: Id,
      title: LocalizedText,
      organizationName: LocalizedText,
      place: z.string(),
      startsAt: z.iso.datetime({ offset: true }),
      endsAt: z.iso.datetime({ offset: true }),
      checkedIn: z.number().int().nonnegative(),
    })
    .nullable(),
});
export type KioskMode = z.infer<typeof KioskMode>;

export const SetActivityModeInput = z.object({
  idempotencyKey: IdempotencyKey,
  kioskId: Id,
  /** The activity whose door the kiosk keeps; null switches it back. */
  activityId: Id.nullable(),
});
