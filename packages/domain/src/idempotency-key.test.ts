import { describe, expect, it } from 'vitest';
import { newIdempotencyKey } from './idempotency-key';
import { IdempotencyKey } from './ledger';

describe('newIdempotencyKey', () => {
  it('makes a version 4 UUID the service accepts, without crypto.randomUUID', () => {
    const randomUUID = globalThis.crypto.randomUUID;
    // As in a page served over plain HTTP by a LAN name: not a secure context.
    Object.defineProperty(globalThis.crypto, 'randomUUID', {
      value: undefined,
      configurable: true,
    });
    try {
      const key = newIdempotencyKey();
      expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(IdempotencyKey.safeParse(key).success).toBe(true);
    } finally {
      Object.defineProperty(globalThis.crypto, 'randomUUID', {
        value: randomUUID,
        configurable: true,
      });
    }
  });

  it('never repeats itself', () => {
    const keys = new Set(Array.from({ length: 10_000 }, newIdempotencyKey));
    expect(keys.size).toBe(10_000);
  });
});
