import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

// Passwords and PINs are hashed with argon2id (OWASP's minimum: 19 MiB, 2
// passes). Session and device tokens are long random strings, so a fast
// SHA-256 of them is enough to keep the database from holding usable tokens.

const ARGON2 = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashSecret(secret: string): Promise<string> {
  return hash(secret, ARGON2);
}

export async function verifySecret(storedHash: string, secret: string): Promise<boolean> {
  try {
    return await verify(storedHash, secret);
  } catch {
    return false;
  }
}

/** Spent on unknown log-in names too, so response time does not reveal which names exist. */
let decoyHash: Promise<string> | undefined;
export async function verifyAgainstDecoy(secret: string): Promise<false> {
  decoyHash ??= hashSecret('tally-decoy-secret');
  await verifySecret(await decoyHash, secret);
  return false;
}

/**
 * Each kind of token starts with its own prefix, so a request's token names the one table that
 * can hold it: authenticating a request never tries one table after another.
 */
const TOKEN_PREFIXES = {
  staffSession: 'tst_',
  kioskDevice: 'tkd_',
  residentSession: 'trs_',
  phoneSession: 'tph_',
} as const;

export type TokenKind = keyof typeof TOKEN_PREFIXES;

export function newToken(kind: TokenKind): string {
  return `${TOKEN_PREFIXES[kind]}${randomBytes(32).toString('base64url')}`;
}

/** The token, if it is one of this kind; another kind's token is no token of this one. */
export function tokenOfKind(kind: TokenKind, token: string | null | undefined): string | null {
  return token?.startsWith(TOKEN_PREFIXES[kind]) ? token : null;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
