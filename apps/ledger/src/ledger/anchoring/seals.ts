import { createHmac, timingSafeEqual } from 'node:crypto';
import type { LedgerKey } from './ledger-key';

// Seals: HMACs under the service's key over what the service wrote. The database
// stores them and hashes them into the chain, but cannot make them, so an entry or
// account written straight into the database has none that fits.

/** What the service asked to post, as stored (the database adds sequence, time and hashes). */
export type SealedTransaction = {
  communityId: string;
  id: string;
  idempotencyKey: string;
  kind: string;
  actorType: string;
  actorId: string;
  actorOrigin: string | null;
  memo: string;
  referenceType: string | null;
  referenceId: string | null;
  reverses: string | null;
  postings: { accountId: string; amount: number }[];
};

export function transactionSeal(key: LedgerKey, t: SealedTransaction): Buffer {
  return hmac(key, [
    'tally:transaction:v1',
    t.communityId,
    t.id,
    t.idempotencyKey,
    t.kind,
    t.actorType,
    t.actorId,
    t.actorOrigin,
    t.memo,
    t.referenceType,
    t.referenceId,
    t.reverses,
    t.postings.map((p) => [p.accountId, p.amount]),
  ]);
}

/** Whose an account is: what moves money between people when changed. */
export type AccountIdentity = {
  communityId: string;
  id: string;
  unit: string;
  ownerType: string;
  ownerId: string | null;
  minBalance: number | null;
};

/** An account's identity as stored. */
export type StoredAccount = {
  id: string;
  unit: string;
  owner_type: string;
  owner_id: string | null;
  min_balance: number | null;
};

export function identityOf(communityId: string, row: StoredAccount): AccountIdentity {
  return {
    communityId,
    id: row.id,
    unit: row.unit,
    ownerType: row.owner_type,
    ownerId: row.owner_id,
    minBalance: row.min_balance,
  };
}

export function accountSeal(key: LedgerKey, a: AccountIdentity): Buffer {
  return hmac(key, [
    'tally:account:v1',
    a.communityId,
    a.id,
    a.unit,
    a.ownerType,
    a.ownerId,
    a.minBalance,
  ]);
}

export function sealMatches(expected: Buffer, stored: Uint8Array | null): boolean {
  return stored !== null && stored.length === expected.length && timingSafeEqual(expected, stored);
}

function hmac(key: LedgerKey, canonical: unknown[]): Buffer {
  return createHmac('sha256', key.sealKey).update(JSON.stringify(canonical)).digest();
}
