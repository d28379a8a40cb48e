import type { Database } from '@tally/db/schema';
import type { Kysely } from 'kysely';
import type { KioskActor, StaffActor } from './auth/actors';
import { findKioskByToken } from './auth/kiosk-devices';
import { findStaffBySession } from './auth/staff-sessions';

export const SESSION_COOKIE = 'tally_session';

/** An address is at most 45 characters (IPv6); the audit log never takes more than this. */
const ORIGIN_MAX_LENGTH = 100;

/** What the transport tells us about a request; everything else is derived from it. */
export type RequestMeta = {
  ip: string;
  bearerToken: string | null;
  cookieToken: string | null;
  residentToken: string | null;
};

export type SessionCookie = {
  set: (token: string, expiresAt: Date) => void;
  clear: () => void;
};

export type Context = {
  db: Kysely<Database>;
  /** Where the request came from (IP address), recorded with every change. */
  origin: string;
  /** Multiplies every request limit (1 in service; tests that sign in hundreds of times raise it). */
  limitScale: number;
  /** Where office PCs and kiosks open Tally (PUBLIC_URL): the base of every absolute address. */
  publicUrl: URL;
  staff: StaffActor | null;
  kiosk: KioskActor | null;
  residentToken: string | null;
  sessionCookie: SessionCookie | null;
};

/**
 * The testable half of context creation: resolves the caller from tokens. A
 * bearer token is a staff session or, failing that, a kiosk device token.
 * Nothing is cached in memory, so any number of instances can serve requests.
 */
export async function createContextInner({
  db,
  meta,
  sessionCookie = null,
  limitScale = 1,
  publicUrl = new URL('http://localhost:3000'),
}: {
  db: Kysely<Database>;
  meta: RequestMeta;
  sessionCookie?: SessionCookie | null;
  limitScale?: number;
  publicUrl?: URL;
}): Promise<Context> {
  const base = {
    db,
    origin: meta.ip.slice(0, ORIGIN_MAX_LENGTH),
    residentToken: meta.residentToken,
    sessionCookie,
    limitScale,
    publicUrl,
  };
  const staffToken = meta.bearerToken ?? meta.cookieToken;
  const staff = staffToken
    ? await findStaffBySession(db, staffToken, { origin: base.origin })
    : null;
  if (staff) return { ...base, staff, kiosk: null };
  const kiosk = meta.bearerToken ? await findKioskByToken(db, meta.bearerToken) : null;
  return { ...base, staff: null, kiosk };
}
