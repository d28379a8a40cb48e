import type { StaffRole } from '@tally/db/schema';
import { DomainError } from '@tally/domain/errors';
import type { Actor } from '@tally/domain/ledger';
import type { StaffUser } from '@tally/domain/staff';

/** A signed-in member of staff, as every staff procedure sees them. */
export type StaffActor = {
  kind: 'staff';
  id: string;
  communityId: string;
  username: string;
  displayName: string;
  role: StaffRole;
  /** Organizations this person leads (leaders act only for these). */
  organizationIds: string[];
  /** After a reset: every staff procedure but a few refuses until a new password is chosen. */
  mustChangePassword: boolean;
  sessionId: string;
  sessionTokenHash: string;
};

/** A member of staff acting outside any session: the demo seed, the command line. */
export function staffActorWithoutSession(user: StaffUser): StaffActor {
  return {
    kind: 'staff',
    ...user,
    mustChangePassword: false,
    sessionId: '',
    sessionTokenHash: '',
  };
}

/** A registered kiosk device, and the resident identified at it, if any. */
export type KioskActor = {
  kind: 'kiosk';
  kioskId: string;
  communityId: string;
  kioskName: string;
};

export type ResidentSession = {
  residentId: string;
  communityId: string;
  kioskId: string;
  tokenHash: string;
};

/** Who a ledger transaction or audit entry names as its cause. */
export function staffLedgerActor(staff: StaffActor, origin: string): Actor {
  return { type: 'staff', id: staff.id, origin };
}

export function residentLedgerActor(session: ResidentSession): Actor {
  return { type: 'resident', id: session.residentId, origin: `kiosk:${session.kioskId}` };
}

/**
 * The one staff guard, for procedures and plain routes alike: a caller who is no signed-in
 * staff member is UNAUTHORIZED; an account whose password was reset opens nothing but the
 * change (unless `beforePasswordChange`); a role not among `roles` (when given) is FORBIDDEN.
 */
export function admitStaff(
  staff: StaffActor | null | undefined,
  { roles, beforePasswordChange = false }: { roles?: StaffRole[]; beforePasswordChange?: boolean },
): StaffActor {
  if (!staff) throw new DomainError('UNAUTHORIZED');
  if (staff.mustChangePassword && !beforePasswordChange) {
    throw new DomainError('PASSWORD_CHANGE_REQUIRED');
  }
  if (roles && !roles.includes(staff.role)) throw new DomainError('FORBIDDEN');
  return staff;
}
