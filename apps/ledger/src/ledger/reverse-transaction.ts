import { DomainError } from '@tally/domain/errors';
import { ReverseTransactionInput } from '@tally/domain/ledger';
import { parseInput } from '@tally/domain/validation';
import type { Executor } from './executor';
import { type PostedTransaction, postBalanced } from './post-transaction';
import { getTransaction } from './read-transactions';

/**
 * Corrects a mistake the only way an append-only ledger allows: a new
 * transaction with every posting negated, pointing at the one it reverses.
 * The database's unique key on `reverses` refuses a second reversal, even under a race.
 */
export async function reverseTransaction(
  db: Executor,
  request: ReverseTransactionInput,
): Promise<PostedTransaction> {
  const input = parseInput(ReverseTransactionInput, request);
  const original = await getTransaction(db, input.communityId, input.transactionId);
  if (!original) throw new DomainError('NOT_FOUND', 'That transaction could not be found.');
  return postBalanced(db, {
    communityId: input.communityId,
    idempotencyKey: input.idempotencyKey,
    kind: 'reversal',
    actor: input.actor,
    memo: input.reason,
    reference: original.reference ?? undefined,
    reverses: original.id,
    postings: original.postings.map((p) => ({ accountId: p.accountId, amount: -p.amount })),
  });
}
