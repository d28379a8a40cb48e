import { createHash, sign, verify } from 'node:crypto';
import { checkpointCode } from '@tally/domain/checkpoints';
import type { LedgerKey } from './ledger-key';

export type SignedHead = { communityId: string; sequence: number; headHash: Uint8Array };

/**
 * The exact text a checkpoint signs. No time in it: ed25519 signatures are deterministic,
 * so the same head always gives the same signature and code. Two instances signing at
 * once write the same row, and a code typed from paper can be checked by signing again.
 */
export function checkpointMessage({ communityId, sequence, headHash }: SignedHead): string {
  return `tally-checkpoint:v1:${communityId}:${sequence}:${Buffer.from(headHash).toString('hex')}`;
}

export function signCheckpoint(key: LedgerKey, head: SignedHead): Buffer {
  return sign(null, Buffer.from(checkpointMessage(head)), key.privateKey);
}

export function checkpointSignatureValid(
  key: LedgerKey,
  head: SignedHead & { signature: Uint8Array },
): boolean {
  if (head.signature.length !== 64) return false;
  return verify(null, Buffer.from(checkpointMessage(head)), key.publicKey, head.signature);
}

/** The short code printed on the poster: cannot be made without the key. */
export function codeOfSignature(sequence: number, signature: Uint8Array): string {
  const digest = createHash('sha256').update('tally:checkpoint-code:v1').update(signature).digest();
  return checkpointCode(sequence, digest);
}
