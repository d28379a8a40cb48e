import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
} from 'node:crypto';

/**
 * The service's ledger key: an ed25519 key the database never holds. It signs
 * checkpoints (anyone with the public key can check them) and, through an HMAC key
 * derived from it, seals each transaction and account the service writes (only the
 * service checks those: an HMAC costs ~7 µs where an ed25519 signature costs ~60 µs to
 * make and ~150 µs to check, and sealing sits on every posting's path).
 */
export type LedgerKey = {
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** The public key's short name, stored with each checkpoint. */
  fingerprint: string;
  /** HMAC-SHA256 key for seals. */
  sealKey: Buffer;
};

export function ledgerKeyFromPem(pem: string): LedgerKey {
  const privateKey = createPrivateKey(pem);
  if (privateKey.asymmetricKeyType !== 'ed25519') {
    throw new Error('The ledger signing key must be an ed25519 private key (PEM, PKCS#8).');
  }
  return ledgerKeyOf(privateKey);
}

/** A key for this process only: tests and benchmarks. */
export function newLedgerKey(): LedgerKey {
  return ledgerKeyOf(generateKeyPairSync('ed25519').privateKey);
}

export function ledgerKeyToPem(key: LedgerKey): string {
  return key.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
}

export function publicKeyPem(key: LedgerKey): string {
  return key.publicKey.export({ format: 'pem', type: 'spki' }).toString();
}

function ledgerKeyOf(privateKey: KeyObject): LedgerKey {
  const publicKey = createPublicKey(privateKey);
  const seed = Buffer.from(String(privateKey.export({ format: 'jwk' }).d), 'base64url');
  const raw = Buffer.from(String(publicKey.export({ format: 'jwk' }).x), 'base64url');
  return {
    privateKey,
    publicKey,
    fingerprint: `ed25519:${createHash('sha256').update(raw).digest('hex').slice(0, 16)}`,
    sealKey: createHash('sha256').update('tally:seal-key:v1').update(seed).digest(),
  };
}

// One key per process, set at start (server, CLI, benchmark, test setup). It is
// configuration, not state: any number of instances run side by side with the same key.
let configured: LedgerKey | null = null;

export function useLedgerKey(key: LedgerKey): void {
  configured = key;
}

export function ledgerKey(): LedgerKey {
  if (!configured) {
    throw new Error(
      'No ledger signing key is configured (set TALLY_SIGNING_KEY or TALLY_SIGNING_KEY_FILE).',
    );
  }
  return configured;
}
