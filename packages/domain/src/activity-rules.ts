import type { ActivityStatus, SignUpRefusal, SignUpStatus } from './activities';
import { ageBandOf } from './age-bands';

// The rules of activities, in one place for the service and the apps: who is invited, why a
// sign-up is refused, and how many minutes an attendance counts.

type Resident = { birthYear: number | null; building: string | null };
type InviteGroup = { ageBands: readonly string[]; buildings: readonly string[] };

/** Whether a resident is in the group an activity invites (null: everyone is). */
export function isInvited(
  invite: InviteGroup | null,
  resident: Resident,
  /** The activity's year: ages are reached during a year. */
  year: number,
): boolean {
  if (!invite) return true;
  if (invite.ageBands.length > 0) {
    const band = ageBandOf(resident.birthYear, year);
    if (!band || !invite.ageBands.includes(band)) return false;
  }
  if (invite.buildings.length > 0) {
    if (!resident.building || !invite.buildings.includes(resident.building)) return false;
  }
  return true;
}

type SignUpSituation = {
  status: ActivityStatus;
  startsAt: Date;
  signUpOpensAt: Date | null;
  slots: number | null;
  waitingList: boolean;
  signedUp: number;
  /** The resident's current sign-up, if any (cancelled counts as none). */
  mine: SignUpStatus | null;
  invited: boolean;
  now: Date;
};

/** Why this resident cannot sign up now, or null: they get a place or join the waiting list. */
export function signUpRefusal(situation: SignUpSituation): SignUpRefusal | null {
  const { status, startsAt, signUpOpensAt, now } = situation;
  if (status !== 'published' || now >= startsAt) return 'ACTIVITY_NOT_OPEN';
  if (signUpOpensAt && now < signUpOpensAt) return 'ACTIVITY_NOT_OPEN';
  if (situation.mine === 'signed_up' || situation.mine === 'waitlisted') return 'ALREADY_SIGNED_UP';
  if (!situation.invited) return 'NOT_INVITED';
  if (isFull(situation) && !situation.waitingList) return 'ACTIVITY_FULL';
  return null;
}

export function isFull({ slots, signedUp }: { slots: number | null; signedUp: number }): boolean {
  return slots !== null && signedUp >= slots;
}

/**
 * The minutes an attendance counts: check-out − check-in, capped by the activity's length;
 * without a check-out, the activity's length. At least one minute.
 */
export function attendedMinutes({
  startsAt,
  endsAt,
  checkedInAt,
  checkedOutAt,
}: {
  startsAt: Date;
  endsAt: Date;
  checkedInAt: Date;
  checkedOutAt: Date | null;
}): number {
  const length = Math.floor((endsAt.getTime() - startsAt.getTime()) / 60_000);
  if (!checkedOutAt) return Math.max(1, length);
  const stayed = Math.floor((checkedOutAt.getTime() - checkedInAt.getTime()) / 60_000);
  return Math.max(1, Math.min(stayed, length));
}
