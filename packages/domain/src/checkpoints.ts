import { z } from 'zod';

// Ledger checkpoints: a community's chain head (sequence, hash) signed with the
// service's ed25519 key, kept by the office outside the database. The short code is
// what fits on the monthly poster and can be typed back from paper:
// `#<sequence>-XXXX-XXXC` — seven Crockford base-32 symbols taken from the signature
// (35 bits nobody can produce without the key) and one check symbol (Luhn mod 32 over
// the sequence and the symbols), so a typing mistake is told apart from tampering.

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const BASE = ALPHABET.length;
const SYMBOLS = 7;

/** Luhn mod 32 of the characters' values; `withCheck` when the last character is the check. */
function luhnSum(text: string, withCheck: boolean): number {
  let factor = withCheck ? 1 : 2;
  let sum = 0;
  for (let index = text.length - 1; index >= 0; index--) {
    const addend = factor * ALPHABET.indexOf(text.charAt(index));
    sum += Math.floor(addend / BASE) + (addend % BASE);
    factor = factor === 2 ? 1 : 2;
  }
  return sum % BASE;
}

/**
 * The short code of a checkpoint at `sequence` whose signature digests to `digest` (at
 * least 5 bytes). The ledger service derives the digest from the signature.
 */
export function checkpointCode(sequence: number, digest: Uint8Array): string {
  const [b0 = 0, b1 = 0, b2 = 0, b3 = 0, b4 = 0] = digest;
  // 40 bits fit a double exactly; the top 35 become seven symbols.
  let bits = Math.floor((b0 * 2 ** 32 + b1 * 2 ** 24 + b2 * 2 ** 16 + b3 * 2 ** 8 + b4) / 32);
  let symbols = '';
  for (let index = 0; index < SYMBOLS; index++) {
    symbols = ALPHABET.charAt(bits % BASE) + symbols;
    bits = Math.floor(bits / BASE);
  }
  const check = ALPHABET.charAt((BASE - luhnSum(`${sequence}${symbols}`, false)) % BASE);
  return `#${sequence}-${symbols.slice(0, 4)}-${symbols.slice(4)}${check}`;
}

export type ParsedCheckpointCode = { sequence: number; code: string };

/**
 * Reads a code as a person types it: any case, with or without `#`, spaces or dashes,
 * O for 0 and I or L for 1. Null when it is not a code or its check symbol does not fit.
 */
export function parseCheckpointCode(text: string): ParsedCheckpointCode | null {
  const cleaned = text.toUpperCase().replace(/[\s#]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  const match = /^(\d{1,15})-([0-9A-Z-]+)$/.exec(cleaned);
  if (!match) return null;
  const sequence = Number(match[1]);
  const symbols = (match[2] ?? '').replace(/-/g, '');
  if (!Number.isSafeInteger(sequence) || symbols.length !== SYMBOLS + 1) return null;
  if ([...symbols].some((symbol) => !ALPHABET.includes(symbol))) return null;
  if (luhnSum(`${sequence}${symbols}`, true) !== 0) return null;
  return {
    sequence,
    code: `#${sequence}-${symbols.slice(0, 4)}-${symbols.slice(4)}`,
  };
}

export const CHECKPOINT_CODE_TYPO =
  'This checkpoint code has a typing mistake: compare it with the poster or the file, e.g. #1234-ABCD-EFGH.';

/** A code typed by a person, checked and written the one way. */
function readCode(text: string, context: z.RefinementCtx): ParsedCheckpointCode {
  const parsed = parseCheckpointCode(text);
  if (!parsed) {
    context.addIssue({ code: 'custom', message: CHECKPOINT_CODE_TYPO });
    return z.NEVER;
  }
  return parsed;
}

const Hex32 = z.string().regex(/^[0-9a-f]{64}$/);

export const Checkpoint = z.object({
  sequence: z.number().int().nonnegative(),
  headHash: Hex32,
  signedAt: z.iso.datetime({ offset: true }),
  keyFingerprint: z.string(),
  code: z.string(),
});
export type Checkpoint = z.infer<typeof Checkpoint>;

export const CHECKPOINT_FORMAT = 'tally-checkpoint/1';

/**
 * The downloadable checkpoint: everything needed to check it without Tally (the signed
 * message, the signature and the public key), and to hand it back to `ledger.verify`.
 */
export const CheckpointDocument = z.object({
  format: z.literal(CHECKPOINT_FORMAT),
  communityId: z.uuid(),
  communityName: z.string().max(200),
  sequence: z.number().int().nonnegative(),
  headHash: Hex32,
  signedAt: z.iso.datetime({ offset: true }),
  code: z.string().max(60),
  algorithm: z.literal('ed25519'),
  keyFingerprint: z.string().max(100),
  /** SubjectPublicKeyInfo, PEM. */
  publicKey: z.string().max(1000),
  /** The exact UTF-8 text that was signed. */
  signedMessage: z.string().max(300),
  /** Base64. */
  signature: z.string().max(200),
});
export type CheckpointDocument = z.infer<typeof CheckpointDocument>;

/** A checkpoint the office kept: its code from the poster, or the downloaded file. */
export const OfficeCheckpointInput = z
  .union([z.string().max(60), CheckpointDocument])
  .transform(
    (kept, context): OfficeCheckpoint =>
      typeof kept === 'string' ? readCode(kept, context) : kept,
  );
export type OfficeCheckpoint = ParsedCheckpointCode | CheckpointDocument;

export function isCheckpointFile(kept: OfficeCheckpoint): kept is CheckpointDocument {
  return 'format' in kept;
}

export const CheckpointListInput = z
  .object({ limit: z.number().int().min(1).max(100).default(10) })
  .default({ limit: 10 });

export const CheckpointFileInput = z
  .object({
    /** Which checkpoint; without it, the newest. */
    sequence: z.number().int().nonnegative().optional(),
  })
  .default({});
