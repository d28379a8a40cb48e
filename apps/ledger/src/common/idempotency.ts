import { createHash } from 'node:crypto';
import type { Database } from '@tally/db/schema';
import { DomainError } from '@tally/domain/errors';
import type { Kysely, Transaction } from 'kysely';

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
): Promise<T> {
  const requestHash = createHash('sha256').update(JSON.stringify(request)).digest('hex');
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
    await trx
      .updateTable('idempotent_requests')
      .set({ response: JSON.stringify(result ?? null) })
      .where('community_id', '=', communityId)
      .where('key', '=', key)
      .execute();
    return result;
  });
}
