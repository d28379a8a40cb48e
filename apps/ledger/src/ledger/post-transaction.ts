import { createHash, randomUUID } from 'node:crypto';
import { DomainError } from '@tally/domain/errors';
import {
  type Actor,
  PostTransactionInput,
  type Reference,
  type TransactionKind,
} from '@tally/domain/ledger';
import { parseInput } from '@tally/domain/validation';
import { sql } from 'kysely';
import { ledgerKey } from './anchoring/ledger-key';
import { transactionSeal } from './anchoring/seals';
import { isIdempotencyKeyRace, translateDatabaseError } from './database-errors';
import type { Executor } from './executor';

export type PostedTransaction = {
  id: string;
  sequence: number;
  createdAt: string;
  hash: string;
  /** True when this was a retry of an earlier request: nothing new was posted. */
  replayed: boolean;
};

/**
 * Posts one balanced transaction, exactly once per idempotency key. The whole
 * posting is one database function call (see the ledger-core and anchored-ledger
 * migrations), so the community's chain is locked only for that one statement. The
 * seal is made before that call, from the process's ledger key.
 */
export async function postTransaction(
  db: Executor,
  request: PostTransactionInput,
): Promise<PostedTransaction> {
  const input = parseInput(PostTransactionInput, request);
  return postBalanced(db, { ...input, reverses: null });
}

export type BalancedRequest = {
  communityId: string;
  idempotencyKey: string;
  kind: TransactionKind;
  actor: Actor;
  memo: string;
  reference?: Reference | undefined;
  reverses: string | null;
  postings: { accountId: string; amount: number }[];
};

/** The shared path for postings and reversals; callers have validated their input. */
export async function postBalanced(
  db: Executor,
  request: BalancedRequest,
): Promise<PostedTransaction> {
  try {
    return await callPostFunction(db, request);
  } catch (error) {
    // Two requests with one key raced past the replay check; the loser's insert
    // hit the unique key. Outside a transaction, asking again returns the winner's result.
    if (isIdempotencyKeyRace(error) && !db.isTransaction) {
      return callPostFunction(db, request).catch((retryError) => {
        throw translateDatabaseError(retryError);
      });
    }
    if (isIdempotencyKeyRace(error)) {
      throw new DomainError('IDEMPOTENCY_CONFLICT', 'This request is already being processed.');
    }
    throw translateDatabaseError(error);
  }
}

type PostRow = {
  transaction_id: string;
  sequence: number;
  created_at: Date;
  hash: string;
  replayed: boolean;
};

async function callPostFunction(
  db: Executor,
  request: BalancedRequest,
): Promise<PostedTransaction> {
  const { communityId, idempotencyKey, kind, actor, memo, reference, reverses, postings } = request;
  // The service names the transaction so that its seal can name it too: a sealed entry
  // copied into the journal a second time would need a second id, and its seal would not fit.
  const id = randomUUID();
  const seal = transactionSeal(ledgerKey(), {
    communityId,
    id,
    idempotencyKey,
    kind,
    actorType: actor.type,
    actorId: actor.id,
    actorOrigin: actor.origin ?? null,
    memo,
    referenceType: reference?.type ?? null,
    referenceId: reference?.id ?? null,
    reverses,
    postings,
  });
  const { rows } = await sql<PostRow>`
    select * from tally_post_transaction(
      ${communityId}, ${id}, ${idempotencyKey}, ${requestHash(request)}, ${kind},
      ${actor.type}, ${actor.id}, ${actor.origin ?? null}, ${memo},
      ${reference?.type ?? null}, ${reference?.id ?? null}, ${reverses},
      ${postings.map((p) => p.accountId)}::uuid[], ${postings.map((p) => p.amount)}::bigint[],
      ${seal}
    )`.execute(db);
  const row = rows[0];
  if (!row) throw new Error('tally_post_transaction returned no row');
  return {
    id: row.transaction_id,
    sequence: row.sequence,
    createdAt: row.created_at.toISOString(),
    hash: row.hash,
    replayed: row.replayed,
  };
}

/**
 * What makes two requests "the same" for idempotency: everything that would be
 * posted. The actor is left out so that a retry from another connection of the
 * same kiosk still counts as the same request.
 */
function requestHash({ kind, memo, reference, reverses, postings }: BalancedRequest): string {
  const canonical = JSON.stringify([
    kind,
    memo,
    reference ? [reference.type, reference.id] : null,
    reverses,
    postings.map((p) => [p.accountId, p.amount]),
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}
