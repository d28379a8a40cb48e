import type { StaffRole } from '@tally/db/schema';
import { DomainError } from '@tally/domain/errors';
import type { Actor } from '@tally/domain/ledger';
import type { StaffUser } from '@tally/domain/staff';

/** A signed-in member of staff, as every staff procedure sees them. */
export type StaffActor = {
  kind: 'staff';
  id: string;
  /**
   * The community every procedure reads and writes: the account's own, or for a street
   * account, the community of its street its session has open (`street.open`).
   */
  communityId: string;
  /** The community the account itself is kept in (its password, its sessions). */
  homeCommunityId?: string;
  /** A street account's street (role `street`); null for every community role. */
  streetId?: string | null;
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

/** The signed-in account itself, for what concerns it (password, sessions, signing out). */
export function ownAccount(staff: StaffActor): StaffActor {
  return staff.homeCommunityId ? { ...staff, communityId: staff.homeCommunityId } : staff;
}

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

/** Who signed in on the phone: a resident, or a family member the office registered. */
export type PhonePrincipal = { kind: 'resident' | 'family'; id: string; displayName: string };

/** A phone signed in to the resident app (issue 14), and whom it is acting for. */
export type PhoneActor = {
  kind: 'phone';
  sessionId: string;
  tokenHash: string;
  communityId: string;
  signedInAs: PhonePrincipal;
  /** The resident acted for: the one who signed in, or one they are a live proxy for; else null. */
  actingFor: { residentId: string; displayName: string } | null;
  remember: boolean;
  expiresAt: Date;
};

/**
 * A resident acting on their own account: identified at a kiosk (kioskId), or on the phone
 * (phone), where whoever signed in may be a proxy acting for them.
 */
export type ResidentSession = {
  residentId: string;
  communityId: string;
  /** The kiosk the resident identified at; null on the phone. */
  kioskId: string | null;
  tokenHash: string;
  phone?: { sessionId: string; by: PhonePrincipal; asProxy: boolean } | undefined;
};

/** The account a phone session acts on, as the use cases shared with the kiosk take it. */
export function phoneResident(phone: PhoneActor): ResidentSession | null {
  if (!phone.actingFor) return null;
  return {
    residentId: phone.actingFor.residentId,
    communityId: phone.communityId,
    kioskId: null,
    tokenHash: phone.tokenHash,
    phone: {
      sessionId: phone.sessionId,
      by: phone.signedInAs,
      asProxy: !(
        phone.signedInAs.kind === 'resident' && phone.signedInAs.id === phone.actingFor.residentId
      ),
    },
  };
}

/** Who an audit entry names for a resident's action: the kiosk, or whoever signed in on the phone. */
export function residentAuditActor(session: Pick<ResidentSession, 'kioskId' | 'phone'>): {
  type: 'kiosk' | 'resident' | 'family';
  id: string | null;
} {
  return session.phone
    ? { type: session.phone.by.kind, id: session.phone.by.id }
    : { type: 'kiosk', id: session.kioskId };
}

/** Where a resident's action came from, as ledger transactions and audit entries note it. */
export function residentOrigin(session: Pick<ResidentSession, 'kioskId' | 'phone'>): string {
  return session.phone ? `phone:${session.phone.sessionId}` : `kiosk:${session.kioskId}`;
}

/** Who a ledger transaction or audit entry names as its cause. */
export function staffLedgerActor(staff: StaffActor, origin: string): Actor {
  return { type: 'staff', id: staff.id, origin };
}

export function residentLedgerActor(session: ResidentSession): Actor {
  return { type: 'resident', id: session.residentId, origin: residentOrigin(session) };
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
