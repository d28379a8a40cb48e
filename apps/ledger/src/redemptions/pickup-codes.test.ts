import { PICKUP_CODE_ALPHABET, PICKUP_CODE_LENGTH, PickupCode } from '@tally/domain/redemptions';
import { describe, expect, it } from 'vitest';
import { newPickupCode } from './pickup-codes';

/** Pairs a resident or the office could read one as the other, on a slip or a screen. */
const LOOK_ALIKES = ['0O', '1IL', '2Z', '5S', '8B'];

describe('pickup codes', () => {
  it('never use a character that looks like another', () => {
    for (const group of LOOK_ALIKES) {
      for (const char of group) expect(PICKUP_CODE_ALPHABET).not.toContain(char);
    }
    const codes = Array.from({ length: 2000 }, newPickupCode);
    for (const code of codes) {
      expect(code).toMatch(/^[A-Z0-9]+$/);
      expect(code).toHaveLength(PICKUP_CODE_LENGTH);
      expect(code).not.toMatch(/[0O1IL2Z5S8B]/);
      // The office can type it back in and find the redemption.
      expect(PickupCode.parse(code.toLowerCase())).toBe(code);
    }
  });

  it('keep enough codes that a redemption rarely has to draw again (a taken code is drawn anew)', () => {
    expect(new Set(PICKUP_CODE_ALPHABET).size).toBe(PICKUP_CODE_ALPHABET.length);
    expect(PICKUP_CODE_ALPHABET.length ** PICKUP_CODE_LENGTH).toBeGreaterThan(100_000_000);
  });
});
