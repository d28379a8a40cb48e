import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkpointCode, parseCheckpointCode } from './checkpoints';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const digests = fc.uint8Array({ minLength: 5, maxLength: 5 });
const sequences = fc.integer({ min: 0, max: 10_000_000 });

describe('checkpoint codes', () => {
  it('read back as written, in Crockford base-32 with a check symbol', () => {
    fc.assert(
      fc.property(sequences, digests, (sequence, digest) => {
        const code = checkpointCode(sequence, digest);
        expect(code).toMatch(/^#\d+-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
        expect(parseCheckpointCode(code)).toEqual({ sequence, code });
      }),
    );
  });

  it('forgive how people type them: case, spaces, no #, O for 0, I and L for 1', () => {
    const code = checkpointCode(1234, new Uint8Array([0, 0, 0, 0, 3]));
    const typed = ` ${code.slice(1).toLowerCase().replace(/0/g, 'o').replace(/1/g, 'l')} `;
    expect(parseCheckpointCode(typed)).toEqual({ sequence: 1234, code });
  });

  it('catch every mistyped symbol, and a mistyped digit of the sequence', () => {
    fc.assert(
      fc.property(sequences, digests, fc.nat(), fc.nat(), (sequence, digest, at, by) => {
        const code = checkpointCode(sequence, digest);
        const symbols = code.slice(code.indexOf('-') + 1).replace('-', '');
        const index = at % symbols.length;
        const wrong = ALPHABET.charAt(
          (ALPHABET.indexOf(symbols.charAt(index)) + 1 + (by % 31)) % 32,
        );
        const mistyped = `#${sequence}-${symbols.slice(0, index)}${wrong}${symbols.slice(index + 1)}`;
        expect(parseCheckpointCode(mistyped)).toBeNull();
        const digits = String(sequence);
        const last = (Number(digits.at(-1)) + 1 + (by % 9)) % 10;
        const misread = `#${digits.slice(0, -1)}${last}-${code.slice(code.indexOf('-') + 1)}`;
        expect(parseCheckpointCode(misread)).toBeNull();
      }),
    );
  });

  it('are not read from other text', () => {
    for (const text of [
      '',
      '#',
      '#12',
      '#12-ABCD',
      '#12-ABCD-EFGU',
      'hello-world-1234',
      '#-ABCD-EFGH',
    ]) {
      expect(parseCheckpointCode(text)).toBeNull();
    }
  });
});
