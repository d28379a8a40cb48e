import type { Database } from '@tally/db/schema';
import type { Kysely } from 'kysely';
import { type Caller, type CallerTokens, callerOf } from './auth/caller';

export const SESSION_COOKIE = 'tally_session';

/** An address is at most 45 characters (IPv6); the audit log never takes more than this. */
const ORIGIN_MAX_LENGTH = 100;

/** What the transport tells us about a request; everything else is derived from it. */
export type RequestMeta = { ip: string; tokens: CallerTokens };

export type SessionCookie = {
  set: (token: string, expiresAt: Date) => void;
  clear: () => void;
};

export type Context = {
  /** The primary: every write, and every read that must see the latest write. */
  db: Kysely<Database>;
  /**
   * Where heavy reads may go (reports, exports, journal pages): a streaming replica when
   * DATABASE_READ_URL names one, a little behind the primary; else the primary itself.
   */
  readDb: Kysely<Database>;
  /** Where the request came from (IP address), recorded with every change. */
  origin: string;
  /** Multiplies every request limit (1 in service; tests that sign in hundreds of times raise it). */
  limitScale: number;
  /** Where office PCs and kiosks open Tally (PUBLIC_URL): the base of every absolute address. */
  publicUrl: URL;
  /** Who is calling: each base procedure (trpc.ts) asks for the kind of caller it admits. */
  caller: Caller;
  sessionCookie: SessionCookie | null;
  /** The phone the resident app runs on: its own random id (keys PIN tries) and its browser. */
  device: { id: string | null; label: string };
};

/**
 * The testable half of context creation. It looks nothing up: the base procedures resolve the
 * caller they admit, one statement each, and nothing is cached past the request, so any number
 * of instances can serve requests and a revocation takes effect at once.
 */
export function createContextInner({
  db,
  readDb = db,
  meta,
  sessionCookie = null,
  limitScale = 1,
  publicUrl = new URL('http://localhost:3000'),
}: {
  db: Kysely<Database>;
  readDb?: Kysely<Database>;
  meta: RequestMeta;
  sessionCookie?: SessionCookie | null;
  limitScale?: number;
  publicUrl?: URL;
}): Context {
  const origin = meta.ip.slice(0, ORIGIN_MAX_LENGTH);
  return {
    db,
    readDb,
    origin,
    caller: callerOf(db, meta.tokens, { origin }),
    sessionCookie,
    limitScale,
    publicUrl,
    device: { id: meta.tokens.device ?? null, label: meta.tokens.userAgent ?? '' },
  };
}
