import { IdempotencyKey } from '@tally/domain/ledger';
import { describe, expect, it } from 'vitest';
import { newIdempotencyKey } from './idempotency-key';

const uuidV4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** Runs `make` as in a page served over plain HTTP by a LAN name: no crypto.randomUUID. */
function outsideSecureContext<T>(make: () => T): T {
  const randomUUID = globalThis.crypto.randomUUID;
  Object.defineProperty(globalThis.crypto, 'randomUUID', { value: undefined, configurable: true });
  try {
    return make();
  } finally {
    Object.defineProperty(globalThis.crypto, 'randomUUID', {
      value: randomUUID,
      configurable: true,
    });
  }
}

describe('newIdempotencyKey', () => {
  it('makes a version 4 UUID the service accepts in a secure context', () => {
    expect(globalThis.crypto.randomUUID).toBeTypeOf('function');
    const key = newIdempotencyKey();
    expect(key).toMatch(uuidV4);
    expect(IdempotencyKey.safeParse(key).success).toBe(true);
  });

  it('makes one just the same without crypto.randomUUID (plain HTTP on the office LAN)', () => {
    const key = outsideSecureContext(newIdempotencyKey);
    expect(key).toMatch(uuidV4);
    expect(IdempotencyKey.safeParse(key).success).toBe(true);
  });

  it('never repeats itself', () => {
    const keys = new Set(Array.from({ length: 10_000 }, newIdempotencyKey));
    expect(keys.size).toBe(10_000);
  });
});
