import { DomainError } from '@tally/domain/errors';
import { describe, expect, it } from 'vitest';
import { decodeSequenceCursor, decodeTimeCursor, encodeTimeCursor, toPage } from './pages';

const id = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';

function refusal(decode: () => unknown) {
  try {
    decode();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('time cursors', () => {
  it('carry the microseconds and the id there and back', () => {
    const cursor = encodeTimeCursor({ cursor_time: '2026-03-01T10:00:00.123456Z', id });
    expect(decodeTimeCursor(cursor)).toEqual({ time: '2026-03-01T10:00:00.123456Z', id });
  });

  it('are opaque: nothing a client would be tempted to build', () => {
    const cursor = encodeTimeCursor({ cursor_time: '2026-03-01T10:00:00.123456Z', id });
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(cursor).not.toContain('2026');
  });

  it.each([
    ['not a cursor', 'nope'],
    ['the time and id unwrapped', `2026-03-01T10:00:00.123456Z|${id}`],
    ['milliseconds only', Buffer.from(`2026-03-01T10:00:00.123Z|${id}`).toString('base64url')],
    [
      'a day that never was',
      Buffer.from(`2026-02-30T10:00:00.123456Z|${id}`).toString('base64url'),
    ],
    [
      'an id that is not a uuid',
      Buffer.from('2026-03-01T10:00:00.123456Z|------------------------------------').toString(
        'base64url',
      ),
    ],
  ])('refuse %s as invalid input', (_, cursor) => {
    const error = refusal(() => decodeTimeCursor(cursor));
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect((error as Error).message).toMatch(/^cursor: /);
  });
});

describe('sequence cursors', () => {
  it('are the plain number', () => {
    expect(decodeSequenceCursor('41235')).toBe(41_235);
  });

  it.each(['', '-1', '1e3', '1.5', 'nope', '9'.repeat(16)])('refuse %j', (cursor) => {
    expect(refusal(() => decodeSequenceCursor(cursor))).toMatchObject({
      code: 'VALIDATION_FAILED',
    });
  });
});

describe('toPage', () => {
  it('hands out the last row’s cursor only when there is more', () => {
    expect(toPage([1, 2, 3], 2, String)).toEqual({ items: [1, 2], nextCursor: '2' });
    expect(toPage([1, 2], 2, String)).toEqual({ items: [1, 2], nextCursor: null });
  });
});
