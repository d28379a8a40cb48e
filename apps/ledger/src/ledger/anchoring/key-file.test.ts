import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLedgerKey } from './key-file';
import { ledgerKeyToPem, newLedgerKey } from './ledger-key';

describe('the ledger signing key', () => {
  const folder = () => mkdtempSync(join(tmpdir(), 'tally-key-'));

  it('is made on first start, readable by its owner only, and the same key on the next', () => {
    const file = join(folder(), 'nested', 'signing-key.pem');
    const lines: string[] = [];
    const first = loadLedgerKey({ pem: null, file }, { create: true, log: (l) => lines.push(l) });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(lines.join('\n')).toMatch(
      /Created the ledger signing key at .*signing-key\.pem.*Back it up/,
    );
    const second = loadLedgerKey({ pem: null, file }, { create: false, log: (l) => lines.push(l) });
    expect(second.fingerprint).toBe(first.fingerprint);
    // Where the key is, is logged; the key itself never is.
    const pem = readFileSync(file, 'utf8');
    const body = pem.split('\n')[1] ?? '';
    expect(body.length).toBeGreaterThan(20);
    expect(lines.join('\n')).not.toContain(body);
  });

  it('is never made where it should already exist (the verify command)', () => {
    const file = join(folder(), 'signing-key.pem');
    expect(() => loadLedgerKey({ pem: null, file }, { create: false, log: () => {} })).toThrow(
      /No ledger signing key at/,
    );
  });

  it('comes from TALLY_SIGNING_KEY first, with its line breaks written as \\n', () => {
    const key = newLedgerKey();
    const pem = ledgerKeyToPem(key).replace(/\n/g, '\\n');
    const file = join(folder(), 'unused.pem');
    const loaded = loadLedgerKey({ pem, file }, { create: true, log: () => {} });
    expect(loaded.fingerprint).toBe(key.fingerprint);
  });
});
