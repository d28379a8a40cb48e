import type { Executor } from '../executor';
import type { LedgerKey } from './ledger-key';

/**
 * Refuses to serve with a key other than the one that signed the newest checkpoint: a
 * second instance that made a key of its own (no TALLY_SIGNING_KEY, a fresh machine), or
 * a lost key replaced by a new one, would seal entries no other instance can check.
 */
export async function assertLedgerKeyMatches(db: Executor, key: LedgerKey): Promise<void> {
  const newest = await db
    .selectFrom('ledger_checkpoints')
    .select('key_fingerprint')
    .orderBy('signed_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!newest || newest.key_fingerprint === key.fingerprint) return;
  throw new Error(
    `The ledger was signed with the key ${newest.key_fingerprint}, but this service has ${key.fingerprint}. ` +
      'Give every instance the same key (TALLY_SIGNING_KEY, or TALLY_SIGNING_KEY_FILE pointing at the backed-up key file).',
  );
}
