import { describe, expect, it } from 'vitest';
import { GroupedCalls, type Outcome } from './grouped-calls';

/** A call that answers when told to, remembering what each call was given. */
function heldCalls() {
  const calls: {
    items: number[];
    answer: (outcomes: Outcome<string>[]) => void;
    fail: (e: unknown) => void;
  }[] = [];
  const grouped = new GroupedCalls<number, string>(
    (items) =>
      new Promise((resolve, reject) => {
        calls.push({ items, answer: resolve, fail: reject });
      }),
    3,
  );
  return { grouped, calls };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('grouped calls', () => {
  it('sends the first call at once and the ones that arrive meanwhile together, in order', async () => {
    const { grouped, calls } = heldCalls();
    const first = grouped.call('c1', 1);
    await tick();
    expect(calls.map((c) => c.items)).toEqual([[1]]);
    const later = Promise.allSettled([2, 3, 4, 5].map((n) => grouped.call('c1', n)));
    await tick();
    expect(calls).toHaveLength(1);

    calls[0]?.answer([{ ok: true, value: 'one' }]);
    await expect(first).resolves.toBe('one');
    await tick();
    // At most three in one call: the fourth waits for the next.
    expect(calls.map((c) => c.items)).toEqual([[1], [2, 3, 4]]);
    calls[1]?.answer([
      { ok: true, value: 'two' },
      { ok: false, error: new Error('no three') },
      { ok: true, value: 'four' },
    ]);
    await tick();
    expect(calls.map((c) => c.items)).toEqual([[1], [2, 3, 4], [5]]);
    calls[2]?.answer([{ ok: true, value: 'five' }]);
    const settled = await later;
    expect(
      settled.map((s) => (s.status === 'fulfilled' ? s.value : (s.reason as Error).message)),
    ).toEqual(['two', 'no three', 'four', 'five']);
  });

  it('keeps communities apart: one busy community does not hold up another', async () => {
    const { grouped, calls } = heldCalls();
    void grouped.call('c1', 1);
    void grouped.call('c2', 2);
    await tick();
    expect(calls.map((c) => c.items)).toEqual([[1], [2]]);
  });

  it('fails every item of a call that fails, and goes on with the next', async () => {
    const { grouped, calls } = heldCalls();
    const first = grouped.call('c1', 1);
    await tick();
    const second = grouped.call('c1', 2);
    const third = grouped.call('c1', 3);
    second.catch(() => {});
    third.catch(() => {});
    calls[0]?.fail(new Error('connection lost'));
    await expect(first).rejects.toThrow('connection lost');
    await tick();
    calls[1]?.fail(new Error('still lost'));
    await expect(second).rejects.toThrow('still lost');
    await expect(third).rejects.toThrow('still lost');
    const fourth = grouped.call('c1', 4);
    await tick();
    calls[2]?.answer([{ ok: true, value: 'four' }]);
    await expect(fourth).resolves.toBe('four');
  });
});
