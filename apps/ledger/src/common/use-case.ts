import { createHash } from 'node:crypto';
import type { Database } from '@tally/db/schema';
import type { AuditAction, AuditTargetType } from '@tally/domain/audit';
import type { Kysely, Transaction } from 'kysely';
import { type ResidentSession, residentAuditActor, type StaffActor } from '../auth/actors';
import { type AuditEntry, auditRow } from './audit';
import { runIdempotent, storeResponse } from './idempotency';

/** What a write's audit entry says beyond who, what, when and from where. Never a secret. */
export type AuditNote = {
  target?: { type: AuditTargetType; id: string };
  details?: Record<string, unknown>;
};

/**
 * What a write's work hands back: its answer, and the note for its audit entry — or `null`
 * when the request found nothing to change (a member already removed, a kiosk already
 * revoked), which leaves no entry.
 */
export type Audited<T> = { result: T; audit: AuditNote | null };

export type Work<T> = (trx: Transaction<Database>) => Promise<Audited<T>>;

type Write = {
  origin: string;
  /** The request's name for replays and its audit action: one name for both. */
  operation: AuditAction;
  /** The caller's idempotency key. */
  key: string;
};

/**
 * The one shape of every office write: the key is claimed, the work runs and the audit entry is
 * written under the same operation, all in one transaction. A replay answers the first result
 * (and audits nothing again); the same key for another request is IDEMPOTENCY_CONFLICT; work
 * that throws leaves nothing behind, not even the key.
 */
export function runStaffWrite<T>(
  db: Kysely<Database>,
  {
    staff,
    request,
    ...write
  }: Write & {
    staff: Pick<StaffActor, 'id' | 'communityId'>;
    /** What identifies the request for replays: never a secret. */
    request: unknown;
  },
  work: Work<T>,
): Promise<T> {
  return runAuditedWrite(
    db,
    { ...write, communityId: staff.communityId, actor: { type: 'staff', id: staff.id }, request },
    work,
  );
}

/**
 * A resident's write at a kiosk, audited as the kiosk's. The resident is part of the request, so
 * another resident's retry of the same key is a conflict, not a replay of someone else's answer.
 */
export function runResidentWrite<T>(
  db: Kysely<Database>,
  {
    session,
    request,
    ...write
  }: Write & {
    /** The resident's kiosk session, or the resident a kiosk at an activity's door knew by card. */
    session: Pick<ResidentSession, 'residentId' | 'communityId' | 'kioskId' | 'phone'>;
    request: Record<string, unknown>;
  },
  work: Work<T>,
): Promise<T> {
  const { phone } = session;
  return runAuditedWrite(
    db,
    {
      ...write,
      communityId: session.communityId,
      // At a kiosk, the kiosk's entry; on the phone, whoever signed in — a proxy's entry says
      // whom they acted for.
      actor: residentAuditActor(session),
      request: residentRequest(session, request),
      ...(phone?.asProxy ? { extraDetails: { actedFor: session.residentId } } : {}),
    },
    work,
  );
}

/** A resident's request as its key is claimed: whose it is, then what it asks. */
export function residentRequest(
  session: Pick<ResidentSession, 'residentId'>,
  request: Record<string, unknown>,
): Record<string, unknown> {
  return { residentId: session.residentId, ...request };
}

async function runAuditedWrite<T>(
  db: Kysely<Database>,
  {
    communityId,
    actor,
    origin,
    operation,
    key,
    request,
    extraDetails,
  }: Write & {
    communityId: string;
    actor: AuditEntry['actor'];
    request: unknown;
    /** Noted in the audit entry beside the work's own details (a proxy's `actedFor`). */
    extraDetails?: Record<string, unknown>;
  },
  work: Work<T>,
): Promise<T> {
  let note: AuditNote | null = null;
  return runIdempotent(
    db,
    { communityId, key, operation, request },
    async (trx) => {
      const { result, audit } = await work(trx);
      note = audit;
      return result;
    },
    // The audit entry and the stored result in one statement: the work's locks (a posting's
    // hold on the community's chain) wait for one round trip the fewer before the commit.
    (trx, stored) => {
      if (!note) return storeResponse(trx, stored).execute();
      const details = extraDetails ? { ...note.details, ...extraDetails } : note.details;
      const entry = auditRow({ communityId, actor, action: operation, origin, ...note, details });
      return storeResponse(
        trx.with('audit', (db) => db.insertInto('audit_log').values(entry)),
        stored,
      ).execute();
    },
  );
}

/**
 * The idempotency key of a ledger posting a write makes: the request's own key and what the
 * posting is for, never anything random. The request's key is claimed in the same transaction,
 * so this key is new exactly when the request is; and a posting that somehow ran twice for one
 * request would meet the ledger's own replay check instead of slipping past it.
 */
export function postingKey(requestKey: string, purpose: string): string {
  const key = `${requestKey}:${purpose}`;
  // A request key near the longest allowed would push the posting's past it: its digest stands in.
  if (key.length <= POSTING_KEY_MAX) return key;
  return `${createHash('sha256').update(requestKey).digest('hex')}:${purpose}`;
}

/** The longest idempotency key the ledger takes (the domain's `IdempotencyKey`). */
const POSTING_KEY_MAX = 200;
