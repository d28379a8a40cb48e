import type { Database, HelpRequestsTable } from '@tally/db/schema';
import type { AuditAction } from '@tally/domain/audit';
import { DomainError } from '@tally/domain/errors';
import type { Actor } from '@tally/domain/ledger';
import type { HelpRequestStatus } from '@tally/domain/timebank';
import type { Kysely, Selectable, Transaction } from 'kysely';
import { residentLedgerActor, staffLedgerActor } from '../auth/actors';
import { runResidentWrite, runStaffWrite, type Work } from '../common/use-case';
import type { Party } from '../trpc';

export type Trx = Transaction<Database>;
export type HelpRequestRow = Selectable<HelpRequestsTable>;

export function communityOf(party: Party): string {
  return party.staff ? party.staff.communityId : party.resident.communityId;
}

export function ledgerActorOf(party: Party, origin: string): Actor {
  return party.staff ? staffLedgerActor(party.staff, origin) : residentLedgerActor(party.resident);
}

/** A time-bank write by the office or a resident: one transaction, audited under `operation`. */
export function runPartyWrite<T>(
  db: Kysely<Database>,
  {
    party,
    origin,
    operation,
    key,
    request,
  }: {
    party: Party;
    origin: string;
    operation: AuditAction;
    key: string;
    request: Record<string, unknown>;
  },
  work: Work<T>,
): Promise<T> {
  const write = { origin, operation, key, request };
  return party.staff
    ? runStaffWrite(db, { ...write, staff: party.staff }, work)
    : runResidentWrite(db, { ...write, session: party.resident }, work);
}

/**
 * The request, held for the rest of the transaction: claims, confirmations and cancellations of
 * one request queue behind each other (and nothing else does), so 30 claims on a one-helper
 * request leave one claim, and 20 confirmations one transfer.
 */
export async function lockRequest(
  trx: Trx,
  communityId: string,
  requestId: string,
): Promise<HelpRequestRow> {
  const row = await trx
    .selectFrom('help_requests')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('id', '=', requestId)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw new DomainError('NOT_FOUND', 'That request for help could not be found.');
  return row;
}

/** The requester (or a proxy acting for them) or the office: who confirms and cancels. */
export function requireRequesterSide(party: Party, request: HelpRequestRow): void {
  if (party.staff) return;
  if (party.resident.residentId !== request.resident_id) throw new DomainError('NOT_YOUR_REQUEST');
}

export function requireNotCancelled(request: HelpRequestRow): void {
  if (request.status === 'cancelled') throw new DomainError('REQUEST_CLOSED');
}

/**
 * What a request's claims make it: open while places are free, claimed while every place is
 * taken and some help is still to be settled, done when every place's help is settled. A
 * cancelled request stays cancelled.
 */
export async function refreshRequestStatus(
  trx: Trx,
  request: HelpRequestRow,
): Promise<HelpRequestStatus> {
  if (request.status === 'cancelled') return 'cancelled';
  const claims = await trx
    .selectFrom('help_claims')
    .select('status')
    .where('community_id', '=', request.community_id)
    .where('request_id', '=', request.id)
    .execute();
  const live = claims.filter((c) =>
    ['claimed', 'proposed', 'disputed', 'confirmed'].includes(c.status),
  );
  const pending = live.filter((c) => c.status !== 'confirmed');
  let status: HelpRequestStatus;
  if (request.status === 'done' && pending.length === 0) status = 'done';
  else if (live.length < request.helpers_needed) status = 'open';
  else status = pending.length > 0 ? 'claimed' : 'done';
  if (status !== request.status) {
    await trx
      .updateTable('help_requests')
      .set({ status })
      .where('community_id', '=', request.community_id)
      .where('id', '=', request.id)
      .execute();
  }
  return status;
}

/**
 * A write on one request by whoever may make it: one transaction that holds the request (see
 * `lockRequest`) while `work` runs, audited under `operation` with the request as its target.
 */
export function runRequestWrite<T>(
  db: Kysely<Database>,
  {
    party,
    origin,
    operation,
    input,
  }: {
    party: Party;
    origin: string;
    operation: AuditAction;
    input: { idempotencyKey: string; requestId: string };
  },
  work: (
    trx: Trx,
    request: HelpRequestRow,
  ) => Promise<{ result: T; details?: Record<string, unknown> }>,
): Promise<T> {
  const { idempotencyKey, ...request } = input;
  return runPartyWrite(
    db,
    { party, origin, operation, key: idempotencyKey, request },
    async (trx) => {
      const row = await lockRequest(trx, communityOf(party), input.requestId);
      const { result, details } = await work(trx, row);
      return {
        result,
        audit: { target: { type: 'help_request', id: row.id }, ...(details ? { details } : {}) },
      };
    },
  );
}
