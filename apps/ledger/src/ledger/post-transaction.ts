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

/**
 * Posts several balanced transactions in one database call, in order, all or none: a use case
 * that posts many times (approving a dozen records) holds the community's chain for one round
 * trip instead of one each. A key posted before answers its transaction (`replayed`), as
 * `postTransaction` does; meant for a use case's transaction, where a key raced by another
 * request is refused.
 */
export async function postTransactions(
  trx: Executor,
  requests: PostTransactionInput[],
): Promise<PostedTransaction[]> {
  if (requests.length === 0) return [];
  const prepared = requests.map((request) => {
    const input: BalancedRequest = { ...parseInput(PostTransactionInput, request), reverses: null };
    return { input, ...preparePosting(input) };
  });
  const items = prepared.map(({ input, id, seal, requestHash }) => ({
    communityId: input.communityId,
    id,
    key: input.idempotencyKey,
    requestHash,
    kind: input.kind,
    actorType: input.actor.type,
    actorId: input.actor.id,
    actorOrigin: input.actor.origin ?? null,
    memo: input.memo,
    referenceType: input.reference?.type ?? null,
    referenceId: input.reference?.id ?? null,
    accountIds: input.postings.map((p) => p.accountId),
    amounts: input.postings.map((p) => p.amount),
    seal: seal.toString('hex'),
  }));
  try {
    const { rows } = await sql<PostRow>`
      select p.* from jsonb_array_elements(${JSON.stringify(items)}::jsonb)
        with ordinality as i (item, ord),
      lateral tally_post_transaction(
        (i.item ->> 'communityId')::uuid, (i.item ->> 'id')::uuid, i.item ->> 'key',
        i.item ->> 'requestHash', i.item ->> 'kind', i.item ->> 'actorType',
        i.item ->> 'actorId', i.item ->> 'actorOrigin', i.item ->> 'memo',
        i.item ->> 'referenceType', i.item ->> 'referenceId', null,
        array(select jsonb_array_elements_text(i.item -> 'accountIds'))::uuid[],
        array(select jsonb_array_elements_text(i.item -> 'amounts'))::bigint[],
        decode(i.item ->> 'seal', 'hex')
      ) as p
      order by i.ord`.execute(trx);
    if (rows.length !== items.length) throw new Error('tally_post_transaction skipped an item');
    return rows.map(postedFrom);
  } catch (error) {
    if (isIdempotencyKeyRace(error)) {
      throw new DomainError('IDEMPOTENCY_CONFLICT', 'This request is already being processed.');
    }
    throw translateDatabaseError(error);
  }
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

/**
 * What the service adds to a posting before the database sees it: the transaction's id (so
 * that its seal can name it), the seal, and the hash that makes a retry "the same request".
 * A hot use case that posts from inside its own database function (`tally_redeem`) passes
 * these on as they are.
 */
export type PreparedPosting = { id: string; seal: Buffer; requestHash: string };

export function preparePosting(
  request: BalancedRequest,
  id: string = randomUUID(),
): PreparedPosting {
  const { communityId, idempotencyKey, kind, actor, memo, reference, reverses, postings } = request;
  // The service names the transaction so that its seal can name it too: a sealed entry
  // copied into the journal a second time would need a second id, and its seal would not fit.
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
  return { id, seal, requestHash: requestHash(request) };
}

async function callPostFunction(
  db: Executor,
  request: BalancedRequest,
): Promise<PostedTransaction> {
  const { communityId, idempotencyKey, kind, actor, memo, reference, reverses, postings } = request;
  const { id, seal, requestHash } = preparePosting(request);
  const { rows } = await sql<PostRow>`
    select * from tally_post_transaction(
      ${communityId}, ${id}, ${idempotencyKey}, ${requestHash}, ${kind},
      ${actor.type}, ${actor.id}, ${actor.origin ?? null}, ${memo},
      ${reference?.type ?? null}, ${reference?.id ?? null}, ${reverses},
      ${postings.map((p) => p.accountId)}::uuid[], ${postings.map((p) => p.amount)}::bigint[],
      ${seal}
    )`.execute(db);
  const row = rows[0];
  if (!row) throw new Error('tally_post_transaction returned no row');
  return postedFrom(row);
}

function postedFrom(row: PostRow): PostedTransaction {
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
