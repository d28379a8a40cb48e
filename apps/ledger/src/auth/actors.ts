import type { StaffRole } from '@tally/db/schema';
import type { Actor } from '@tally/domain/ledger';

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
  sessionTokenHash: string;
};

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
