import { createHash } from 'node:crypto';
import type { Database } from '@tally/db/schema';
import { DomainError } from '@tally/domain/errors';
import type { Kysely, QueryCreator, Transaction } from 'kysely';

/**
 * Exactly-once for a whole use case: the key is claimed in the same database
 * transaction as the work. A concurrent duplicate waits on the claimed key and
 * then reads the first result; a retry after success reads it straight away.
 * The stored response must be plain JSON (our API outputs are).
 */
export async function runIdempotent<T>(
  db: Kysely<Database>,
  {
    communityId,
    key,
    operation,
    request,
  }: { communityId: string; key: string; operation: string; request: unknown },
  work: (trx: Transaction<Database>) => Promise<T>,
  /**
   * Writes the first result against the key; a caller may write more in the same statement
   * (its audit entry), one round trip the fewer while the work's locks are held.
   */
  store: (trx: Transaction<Database>, stored: StoredResponse) => Promise<unknown> = (trx, stored) =>
    storeResponse(trx, stored).execute(),
): Promise<T> {
  const requestHash = requestHashOf(request);
  return db.transaction().execute(async (trx) => {
    const claimed = await trx
      .insertInto('idempotent_requests')
      .values({
        community_id: communityId,
        key,
        operation,
        request_hash: requestHash,
        response: 'null',
      })
      .onConflict((oc) => oc.columns(['community_id', 'key']).doNothing())
      .returning('key')
      .executeTakeFirst();
    if (!claimed) {
      const first = await trx
        .selectFrom('idempotent_requests')
        .select(['operation', 'request_hash', 'response'])
        .where('community_id', '=', communityId)
        .where('key', '=', key)
        .executeTakeFirstOrThrow();
      if (first.operation !== operation || first.request_hash !== requestHash) {
        throw new DomainError('IDEMPOTENCY_CONFLICT');
      }
      return first.response as T;
    }
    const result = await work(trx);
    await store(trx, { communityId, key, response: JSON.stringify(result ?? null) });
    return result;
  });
}

export type StoredResponse = { communityId: string; key: string; response: string };

/** The statement that writes a claimed key's first result. */
export function storeResponse(
  db: Pick<QueryCreator<Database>, 'updateTable'>,
  { communityId, key, response }: StoredResponse,
) {
  return db
    .updateTable('idempotent_requests')
    .set({ response })
    .where('community_id', '=', communityId)
    .where('key', '=', key);
}

/** What a stored request is compared by: the digest of its JSON (plain data, keys in order). */
export function requestHashOf(request: unknown): string {
  return createHash('sha256').update(JSON.stringify(request)).digest('hex');
}
