import type { Database } from '@tally/db/schema';
import type { Kysely } from 'kysely';
import type { KioskActor, PhoneActor, ResidentSession, StaffActor } from './actors';
import { findKioskByToken } from './kiosk-devices';
import { findPhoneSession } from './phone-sessions';
import { findKioskWithResident } from './resident-sessions';
import { tokenOfKind } from './secrets';
import { findStaffBySession } from './staff-sessions';

/** The credentials a request carries, as sent. */
export type CallerTokens = {
  /** `Authorization: Bearer …`: a staff session, a phone session or a kiosk device. */
  bearer: string | null;
  /** The staff session cookie; a bearer token, when there is one, is the caller instead. */
  cookie: string | null;
  /** `x-resident-token`: a resident identified at the kiosk that sends the bearer token. */
  resident: string | null;
  /** `x-device-id`: the resident app's random id for the phone, not a credential. */
  device?: string | null;
  /** The browser's own description of itself, to list a phone's sessions by. */
  userAgent?: string;
};

/**
 * Who is calling, asked for by whatever guards a procedure or route. Each answer is one SQL
 * statement, looked up when first asked and kept for the rest of this request only, so a
 * revoked session or kiosk is refused on its very next request. A token's prefix picks the one
 * table that can hold it; a token of another kind answers null without a statement.
 */
export type Caller = {
  staff: () => Promise<StaffActor | null>;
  kiosk: () => Promise<KioskActor | null>;
  /**
   * The kiosk and the resident identified at it, found together and the resident's session
   * kept alive. Only what a resident does renews their session: a kiosk screen that keeps
   * asking for the community's figures does not keep an idle resident signed in.
   */
  kioskWithResident: () => Promise<{ kiosk: KioskActor; resident: ResidentSession | null } | null>;
  /** A phone signed in to the resident app: never a kiosk's or staff's token. */
  phone: () => Promise<PhoneActor | null>;
};

export function callerOf(
  db: Kysely<Database>,
  tokens: CallerTokens,
  /** Where the request came from, noted as the staff session's last use (see findStaffBySession). */
  { origin }: { origin?: string } = {},
): Caller {
  const staffToken = tokenOfKind('staffSession', tokens.bearer ?? tokens.cookie);
  // Staff session tokens are only ever made here; a device's may have been chosen by whoever set
  // it up (the demo's `demo-kiosk-token`), so a bearer token that is not staff's is a device's.
  const phoneToken = tokenOfKind('phoneSession', tokens.bearer);
  const deviceToken =
    tokenOfKind('staffSession', tokens.bearer) || phoneToken ? null : tokens.bearer;
  const residentToken = tokenOfKind('residentSession', tokens.resident);
  const kiosk = once(async () => (deviceToken ? findKioskByToken(db, deviceToken) : null));
  return {
    staff: once(async () => (staffToken ? findStaffBySession(db, staffToken, { origin }) : null)),
    kiosk,
    phone: once(async () => (phoneToken ? findPhoneSession(db, phoneToken) : null)),
    kioskWithResident: once(async () => {
      if (!deviceToken) return null;
      if (residentToken) return findKioskWithResident(db, { deviceToken, residentToken });
      const found = await kiosk();
      return found ? { kiosk: found, resident: null } : null;
    }),
  };
}

function once<T>(lookUp: () => Promise<T>): () => Promise<T> {
  let answer: Promise<T> | undefined;
  return () => {
    answer ??= lookUp();
    return answer;
  };
}
