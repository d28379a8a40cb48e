import type { Transaction } from '@tally/domain/ledger';
import type { Executor } from './executor';

/** One transaction with its postings, or undefined when it is not in this community. */
export async function getTransaction(
  db: Executor,
  communityId: string,
  transactionId: string,
): Promise<Transaction | undefined> {
  const row = await db
    .selectFrom('ledger_transactions')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('id', '=', transactionId)
    .executeTakeFirst();
  if (!row) return undefined;
  const postings = await db
    .selectFrom('ledger_postings')
    .select(['account_id', 'unit', 'amount'])
    .where('community_id', '=', communityId)
    .where('transaction_id', '=', transactionId)
    .orderBy('position')
    .execute();
  return {
    ...transactionFields(row),
    postings: postings.map((p) => ({ accountId: p.account_id, unit: p.unit, amount: p.amount })),
  };
}

/** A journal row as it is stored (what both readers select). */
export type TransactionRow = {
  id: string;
  community_id: string;
  sequence: number;
  kind: string;
  actor_type: string;
  actor_id: string;
  actor_origin: string | null;
  memo: string;
  reference_type: string | null;
  reference_id: string | null;
  reverses: string | null;
  created_at: Date;
  hash: Uint8Array;
};

/** Maps a stored row to the domain's transaction fields (all but the postings). */
export function transactionFields(row: TransactionRow): Omit<Transaction, 'postings'> {
  return {
    id: row.id,
    communityId: row.community_id,
    sequence: row.sequence,
    kind: row.kind as Transaction['kind'],
    actor: {
      type: row.actor_type as Transaction['actor']['type'],
      id: row.actor_id,
      ...(row.actor_origin ? { origin: row.actor_origin } : {}),
    },
    memo: row.memo,
    reference:
      row.reference_type && row.reference_id
        ? { type: row.reference_type, id: row.reference_id }
        : null,
    reverses: row.reverses,
    createdAt: row.created_at.toISOString(),
    hash: Buffer.from(row.hash).toString('hex'),
  };
}
