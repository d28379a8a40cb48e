import { describe, expect, it } from 'vitest';
import { isDomainError } from './errors';
import { refuseUnstorableText, unstorableTextPaths } from './validation';

describe('text that cannot be stored', () => {
  it('finds a NUL and half a surrogate pair wherever they are, and names the field', () => {
    expect(
      unstorableTextPaths({
        activity: { title: 'Litter\u0000pick', place: 'Park' },
        notes: ['fine', 'broken \uD83D'],
        reason: 'lone \uDC00 low half',
      }),
    ).toEqual(['activity.title', 'notes.1', 'reason']);
  });

  it('lets every well-formed text through, emoji and Chinese included', () => {
    expect(unstorableTextPaths({ title: '庭院清扫 🧹', n: 3, ok: true, none: null })).toEqual([]);
  });

  it('refuses with VALIDATION_FAILED and a message a person can act on', () => {
    let thrown: unknown;
    try {
      refuseUnstorableText({ name: 'A\u0000' });
    } catch (error) {
      thrown = error;
    }
    expect(isDomainError(thrown, 'VALIDATION_FAILED')).toBe(true);
    expect((thrown as Error).message).toBe(
      'name: Contains a character that cannot be stored (a NUL or a broken emoji)',
    );
  });
});
