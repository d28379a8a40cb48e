import { createHash } from 'node:crypto';
import type { Actor, Reference, TransactionKind } from '@tally/domain/ledger';
import type { StoredAccount } from '../../src/ledger/anchoring/seals';
import { preparePosting } from '../../src/ledger/post-transaction';
import type { BulkWriter } from './bulk-rows';

/** What a use case asks the ledger to post, and when. */
export type LedgerEntry = {
  at: number;
  kind: TransactionKind;
  actor: Actor;
  memo: string;
  reference: Reference | null;
  reverses: string | null;
  idempotencyKey: string;
  postings: { accountId: string; amount: number }[];
};

export type PostedEntry = { id: string; sequence: number; at: number };

/**
 * Posts the community's transactions in the order the year makes them, each as
 * tally_post_transaction would have stored it: the id and seal the service makes
 * (`preparePosting`, under its key) with the request's fingerprint, the next sequence number, and the hash linking it to the one before. The service's function stamps
 * `now()`, so it cannot post a year back in time; the hash is made here instead, in the
 * database function's canonical form (`tally_transaction_hash_v2`, anchored-ledger migration),
 * and verify re-derives every one of them with that function. Times never go backwards along
 * the sequence, as they do not when the service posts.
 */
export class LedgerWriter {
  sequence = 0;
  private clock = 0;

  constructor(
    private readonly writer: BulkWriter,
    private readonly communityId: string,
    /** Every account the year posts to, as stored: the hash names each one's owner and floor. */
    private readonly accounts: Map<string, StoredAccount>,
    /** The chain's last hash: the genesis link of a new community. */
    private prevHash: Buffer,
  ) {}

  get headHash(): Buffer {
    return this.prevHash;
  }

  post(entry: LedgerEntry): PostedEntry {
    const sequence = ++this.sequence;
    this.clock = Math.max(this.clock + 1, entry.at);
    const createdAt = new Date(this.clock);
    // The id, seal and replay fingerprint exactly as the service makes them for a posting.
    const request = {
      communityId: this.communityId,
      idempotencyKey: entry.idempotencyKey,
      kind: entry.kind,
      actor: entry.actor,
      memo: entry.memo,
      reference: entry.reference ?? undefined,
      reverses: entry.reverses,
      postings: entry.postings,
    };
    const { id, seal, requestHash } = preparePosting(request);
    const transaction = {
      communityId: this.communityId,
      id,
      kind: entry.kind,
      actorType: entry.actor.type,
      actorId: entry.actor.id,
      actorOrigin: entry.actor.origin ?? null,
      memo: entry.memo,
      referenceType: entry.reference?.type ?? null,
      referenceId: entry.reference?.id ?? null,
      reverses: entry.reverses,
    };
    const postings = entry.postings.map(({ accountId, amount }) => {
      const account = this.accounts.get(accountId);
      if (!account) throw new Error(`account ${accountId} is not the community's`);
      return { account, amount };
    });
    const hash = chainHash(this.prevHash, { ...transaction, sequence, createdAt, seal, postings });
    this.writer.add('ledger_transactions', {
      id,
      sequence,
      kind: entry.kind,
      actor_type: transaction.actorType,
      actor_id: transaction.actorId,
      actor_origin: transaction.actorOrigin,
      memo: entry.memo,
      reference_type: transaction.referenceType,
      reference_id: transaction.referenceId,
      reverses: entry.reverses,
      idempotency_key: entry.idempotencyKey,
      request_hash: requestHash,
      created_at: createdAt.toISOString(),
      prev_hash: `\\x${this.prevHash.toString('hex')}`,
      hash: `\\x${hash.toString('hex')}`,
      seal: `\\x${seal.toString('hex')}`,
    });
    this.writer.add('ledger_postings', {
      id,
      postings: postings.map((p) => [p.account.id, p.account.unit, p.amount]),
    });
    this.prevHash = hash;
    return { id, sequence, at: this.clock };
  }
}

/**
 * sha256(prev_hash || the transaction as `json_build_array(...)::text`), as
 * tally_transaction_hash_v2 computes it: PostgreSQL writes a json array with ", " between
 * elements and escapes strings as JSON.stringify does; the postings are
 * json_agg(json_build_array(account, unit, amount, owner type, owner, floor)) in their order,
 * and the time is in whole microseconds since 1970.
 */
function chainHash(
  prev: Buffer,
  t: {
    communityId: string;
    sequence: number;
    id: string;
    kind: string;
    actorType: string;
    actorId: string;
    actorOrigin: string | null;
    memo: string;
    referenceType: string | null;
    referenceId: string | null;
    reverses: string | null;
    createdAt: Date;
    postings: { account: StoredAccount; amount: number }[];
    seal: Buffer;
  },
): Buffer {
  const postings = t.postings.map(({ account, amount }) =>
    jsonArray([
      account.id,
      account.unit,
      amount,
      account.owner_type,
      account.owner_id,
      account.min_balance,
    ]),
  );
  const text = jsonArray([
    'tally:v2',
    t.communityId,
    t.sequence,
    t.id,
    t.kind,
    t.actorType,
    t.actorId,
    t.actorOrigin,
    t.memo,
    t.referenceType,
    t.referenceId,
    t.reverses,
    t.createdAt.getTime() * 1000,
  ]).slice(0, -1);
  const canonical = `${text}, [${postings.join(', ')}], ${JSON.stringify(t.seal.toString('hex'))}]`;
  return createHash('sha256').update(prev).update(canonical, 'utf8').digest();
}

function jsonArray(values: (string | number | null)[]): string {
  return `[${values.map((value) => JSON.stringify(value)).join(', ')}]`;
}
