import { z } from 'zod';
import { Moment } from './calendar';
import { OfficeCheckpointInput } from './checkpoints';
import { EntryDescription } from './entry-descriptions';
import { LocalizedText } from './localized-text';
import { SignedAmount, Unit } from './units';

export const Id = z.uuid();

/** Who caused a movement, and from where (an IP address or a kiosk device). */
export const Actor = z.object({
  type: z.enum(['staff', 'kiosk', 'resident', 'system']),
  id: z.string().min(1).max(100),
  origin: z.string().max(200).optional(),
});
export type Actor = z.infer<typeof Actor>;

/** Whose account it is. Residents hold minutes and points; the community holds the rest. */
export const accountOwnerTypes = [
  'resident',
  'community_source',
  'redemption_sink',
  'goal_pool',
  'adjustment',
  'care_pool',
  /** Where a resident's points and time credit wait between two communities' chains (moving house). */
  'move_clearing',
] as const;
export const AccountOwnerType = z.enum(accountOwnerTypes);
export type AccountOwnerType = z.infer<typeof AccountOwnerType>;

export const Account = z.object({
  id: Id,
  communityId: Id,
  unit: Unit,
  ownerType: AccountOwnerType,
  ownerId: z.string().nullable(),
  /** The lowest the balance may go; null means unbounded (a source may go negative). */
  minBalance: z.number().int().nullable(),
  balance: z.number().int(),
});
export type Account = z.infer<typeof Account>;

export const transactionKinds = [
  'service_credit',
  'redemption',
  'donation',
  'reversal',
  'adjustment',
  'transfer',
] as const;
export const TransactionKind = z.enum(transactionKinds);
export type TransactionKind = z.infer<typeof TransactionKind>;

export const IdempotencyKey = z
  .string()
  .min(8, 'An idempotency key needs at least 8 characters')
  .max(200);

export const PostingInput = z.object({
  accountId: Id,
  amount: SignedAmount,
});
export type PostingInput = z.infer<typeof PostingInput>;

export const Reference = z.object({
  type: z.string().min(1).max(50),
  id: z.string().min(1).max(100),
});
export type Reference = z.infer<typeof Reference>;

/** A request to post one balanced transaction. Balance per unit is checked against the accounts. */
export const PostTransactionInput = z.object({
  communityId: Id,
  idempotencyKey: IdempotencyKey,
  kind: TransactionKind.exclude(['reversal']),
  actor: Actor,
  memo: z.string().max(500).default(''),
  reference: Reference.optional(),
  postings: z.array(PostingInput).min(2, 'A transaction needs at least two postings').max(1000),
});
export type PostTransactionInput = z.input<typeof PostTransactionInput>;

export const ReverseTransactionInput = z.object({
  communityId: Id,
  idempotencyKey: IdempotencyKey,
  transactionId: Id,
  actor: Actor,
  reason: z.string().trim().min(1, 'A reversal needs a reason').max(500),
});
export type ReverseTransactionInput = z.input<typeof ReverseTransactionInput>;

export const Posting = z.object({
  accountId: Id,
  unit: Unit,
  amount: z.number().int(),
});
export type Posting = z.infer<typeof Posting>;

export const Transaction = z.object({
  id: Id,
  communityId: Id,
  sequence: z.number().int().positive(),
  kind: TransactionKind,
  actor: Actor,
  memo: z.string(),
  reference: Reference.nullable(),
  reverses: Id.nullable(),
  createdAt: z.iso.datetime({ offset: true }),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  postings: z.array(Posting),
});
export type Transaction = z.infer<typeof Transaction>;

/**
 * What verification found, each in words a person understands (`message`, English) and
 * in parts an app can word in its own language (`kind` and the fields).
 * - entry_changed: the entry's content no longer gives its hash or its seal.
 * - account_changed: the entry posted to an account whose owner, unit or floor was changed since.
 * - entry_missing: the sequence jumps (an entry was deleted); entry_unexpected: an entry lies
 *   beyond the chain head, or the head no longer names the newest entry.
 * - entry_not_sealed: an entry without the service's seal where every entry must carry it
 *   (after sealing began, or after a signed checkpoint): not written by Tally.
 * - ledger_truncated: a checkpoint vouches for more entries than the ledger holds.
 * - checkpoint_mismatch: the entry a checkpoint signed no longer has the hash it signed.
 * - checkpoint_forged / checkpoint_other_key: a checkpoint in the database whose signature does
 *   not verify with this Tally's key (ignored as an anchor).
 * - account_misowned: a resident's or goal's account belongs to someone else.
 */
export const verifyFindingKinds = [
  'entry_changed',
  'account_changed',
  'entry_missing',
  'entry_unexpected',
  'entry_not_sealed',
  'ledger_truncated',
  'checkpoint_mismatch',
  'checkpoint_forged',
  'checkpoint_other_key',
  'account_misowned',
] as const;
export const VerifyFindingKind = z.enum(verifyFindingKinds);
export type VerifyFindingKind = z.infer<typeof VerifyFindingKind>;

/** A checkpoint as verification used or judged it, and whose copy it was. */
export const CheckpointRef = z.object({
  sequence: z.number().int().nonnegative(),
  /** Unknown for a code typed from paper whose database copy is gone. */
  signedAt: z.iso.datetime({ offset: true }).nullable(),
  code: z.string(),
  source: z.enum(['database', 'office']),
});
export type CheckpointRef = z.infer<typeof CheckpointRef>;

export const VerifyFinding = z.object({
  kind: VerifyFindingKind,
  /** The entry it concerns, when it concerns one. */
  sequence: z.number().int().positive().nullable(),
  accountId: Id.nullable(),
  checkpoint: CheckpointRef.nullable(),
  message: z.string(),
});
export type VerifyFinding = z.infer<typeof VerifyFinding>;

export const VerifyResult = z.object({
  ok: z.boolean(),
  /** How many transactions were checked. */
  transactions: z.number().int().nonnegative(),
  /** The sequence number of the first entry that was altered, deleted or inserted out of band. */
  firstBrokenSequence: z.number().int().positive().nullable(),
  /** Accounts whose stored balance no longer equals the sum of their postings. */
  mismatchedAccounts: z.array(Id),
  headHash: z.string().nullable(),
  /** Verification can go step by step (for a progress bar): the last entry checked so far … */
  checkedThrough: z.number().int().nonnegative(),
  /** … of how many, and whether the whole chain and every balance have been checked. */
  total: z.number().int().nonnegative(),
  done: z.boolean(),
  /** What is wrong, in words; empty when all is well. */
  findings: z.array(VerifyFinding),
  /**
   * The newest signed checkpoint the ledger still agrees with: it vouches for every entry up
   * to its sequence, and every entry after it was checked against its seal. Null when there
   * is none (a new ledger, or every checkpoint was removed or no longer matches).
   */
  anchor: CheckpointRef.nullable(),
  /** The checkpoint the office gave, when the ledger still agrees with it (else see findings). */
  kept: CheckpointRef.nullable(),
});

export const VerifyInput = z
  .object({
    /** Resume after this sequence number (the previous step's checkedThrough). */
    afterSequence: z.number().int().nonnegative().default(0),
    /** How many entries to check in this step; without it, the whole chain at once. */
    limit: z.number().int().min(1).max(1_000_000).optional(),
    /** A checkpoint the office kept (the code from the poster, or the downloaded file). */
    checkpoint: OfficeCheckpointInput.optional(),
  })
  .default({ afterSequence: 0 });
export type VerifyResult = z.infer<typeof VerifyResult>;

export const JournalInput = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.number().int().min(1).max(200).default(50),
  residentId: Id.optional(),
  kind: TransactionKind.optional(),
  from: Moment.optional(),
  to: Moment.optional(),
});

/** A posting as an auditor reads it: whose account it touched. */
export const JournalPosting = Posting.extend({
  ownerType: AccountOwnerType,
  ownerId: z.string().nullable(),
  /** The resident's display name (the same in both), the goal's title or the community's name. */
  ownerName: LocalizedText.nullable(),
});

export const JournalEntry = Transaction.extend({
  /**
   * What the entry is, as data an app words in its reader's language. `memo` stays beside
   * it: the English text the entry was posted (and hashed) with.
   */
  description: EntryDescription,
  /** Who the actor is, in words: a staff member's or resident's display name, or the kiosk's name. */
  actorName: z.string().nullable(),
  prevHash: z.string().regex(/^[0-9a-f]{64}$/),
  reversedBy: Id.nullable(),
  postings: z.array(JournalPosting),
});
export type JournalEntry = z.infer<typeof JournalEntry>;

export const Balances = z.object({ points: z.number().int(), minutes: z.number().int() });

export const MakeCheckpointInput = z.object({ idempotencyKey: IdempotencyKey });

export const ReverseInput = z.object({
  idempotencyKey: IdempotencyKey,
  transactionId: Id,
  reason: z.string().trim().min(1, 'A reversal needs a reason').max(500),
});
