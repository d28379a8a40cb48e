import {
  existsSync,
  linkSync,
  mkdirSync,
  readFileSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname } from 'node:path';
import { type LedgerKey, ledgerKeyFromPem, ledgerKeyToPem, newLedgerKey } from './ledger-key';

/** Where the key comes from: the environment's PEM text, or a file kept apart from the database. */
export type SigningKeySource = { pem: string | null; file: string };

/**
 * Reads the ledger key, or (for the service, on its first start) makes one and keeps it
 * in the file with mode 0600. The key itself is never logged; where it is, is.
 */
export function loadLedgerKey(
  source: SigningKeySource,
  { create, log }: { create: boolean; log: (line: string) => void },
): LedgerKey {
  if (source.pem) {
    // An environment variable often carries the PEM's line breaks as "\n".
    const key = ledgerKeyFromPem(source.pem.replace(/\\n/g, '\n'));
    log(`Ledger signing key from TALLY_SIGNING_KEY (${key.fingerprint}).`);
    return key;
  }
  if (existsSync(source.file)) return readKeyFile(source.file, log);
  if (!create) {
    throw new Error(
      `No ledger signing key at ${source.file}: set TALLY_SIGNING_KEY or TALLY_SIGNING_KEY_FILE to the service's key.`,
    );
  }
  const key = newLedgerKey();
  mkdirSync(dirname(source.file), { recursive: true, mode: 0o700 });
  // Written aside and linked into place, so two instances starting at once never read
  // half a key, and the second keeps the first one's.
  const aside = `${source.file}.${process.pid}.new`;
  writeFileSync(aside, ledgerKeyToPem(key), { mode: 0o600 });
  try {
    linkSync(aside, source.file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return readKeyFile(source.file, log);
  } finally {
    unlinkSync(aside);
  }
  log(
    `Created the ledger signing key at ${source.file} (${key.fingerprint}). Back it up, apart from the database: without it no checkpoint or seal can be checked, and no new checkpoint made.`,
  );
  return key;
}

function readKeyFile(file: string, log: (line: string) => void): LedgerKey {
  const key = ledgerKeyFromPem(readFileSync(file, 'utf8'));
  const loose = (statSync(file).mode & 0o077) !== 0;
  log(
    `Ledger signing key: ${file} (${key.fingerprint}).${loose ? ' Others on this machine can read it: chmod 600 it.' : ''}`,
  );
  return key;
}
