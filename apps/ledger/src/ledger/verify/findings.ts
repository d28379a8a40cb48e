import type { CheckpointRef, VerifyFinding } from '@tally/domain/ledger';

type FindingParts = Omit<VerifyFinding, 'message'>;

/** Extra words some findings need: the chain's last entry, whose account it should be. */
export type FindingContext = { head?: number; holder?: string };

/**
 * A finding in words a person understands (English; the admin app words the same parts
 * in the reader's language). Each says what is wrong and what it means.
 */
export function describeFinding(parts: FindingParts, context: FindingContext = {}): VerifyFinding {
  return { ...parts, message: messageOf(parts, context) };
}

function messageOf(
  { kind, sequence, accountId, checkpoint }: FindingParts,
  { head = 0, holder = 'its owner' }: FindingContext,
): string {
  const entry = `Entry ${sequence ?? '?'}`;
  const named = checkpoint ? checkpointName(checkpoint) : 'a checkpoint';
  switch (kind) {
    case 'entry_changed':
      return `${entry} no longer matches what Tally wrote: it was changed after it was recorded.`;
    case 'account_changed':
      return `${entry} posted to account ${accountId}, whose owner, unit or floor has been changed since: the money would now belong to someone else.`;
    case 'entry_missing':
      return `${entry} is missing: the journal jumps over it, so it was deleted.`;
    case 'entry_unexpected':
      return `${entry} does not belong to the chain: it lies beyond the chain's head, or the head no longer names it.`;
    case 'entry_not_sealed':
      return `${entry} was not written by Tally: it carries no seal of the service, where every entry after sealing began must carry one.`;
    case 'ledger_truncated':
      return `The ledger ends at entry ${head}, but ${named} vouches for ${checkpoint?.sequence} entries: entries ${head + 1} to ${checkpoint?.sequence} were removed.`;
    case 'checkpoint_mismatch':
      return `${entry} no longer has the hash ${named} signed: it, or an entry before it, was rewritten after the checkpoint was made.${
        checkpoint?.source === 'office'
          ? ' (A code from another community’s poster cannot match either.)'
          : ''
      }`;
    case 'checkpoint_forged':
      return `${capitalized(named)} in the database does not carry a valid signature of this Tally's key: it was written into the database by someone else, and was ignored.`;
    case 'checkpoint_other_key':
      return `${capitalized(named)} in the database was signed with another key, so this Tally cannot check it; it was ignored.`;
    case 'account_misowned':
      return `Account ${accountId} is recorded as ${holder}'s, but the account itself names another owner: it was reassigned in the database.`;
  }
}

function checkpointName({ code, signedAt }: CheckpointRef): string {
  return signedAt
    ? `checkpoint ${code} of ${signedAt.slice(0, 16).replace('T', ' ')} UTC`
    : `checkpoint ${code}`;
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
