/** A batch of the chain: the entries (from, to]. */
export type BatchRange = { from: number; to: number };

/** Below this a batch costs more in round trips than it gains from another connection. */
const SMALLEST_SHARED_BATCH = 500;

/**
 * Cuts (from, to] into batches of at most `batchSize`, and small enough that a short
 * chain still gives every connection a share (a chain of 1,700 entries in one batch
 * would keep all but one connection idle).
 */
export function batchRanges({
  from,
  to,
  batchSize,
  parallel,
}: BatchRange & { batchSize: number; parallel: number }): BatchRange[] {
  const share = Math.max(SMALLEST_SHARED_BATCH, Math.ceil((to - from) / Math.max(parallel, 1)));
  const size = Math.max(1, Math.min(batchSize, share));
  const ranges: BatchRange[] = [];
  for (let start = from; start < to; start += size) {
    ranges.push({ from: start, to: Math.min(start + size, to) });
  }
  return ranges;
}

/**
 * Runs the tasks with up to `ahead` of them under way at once and yields their results
 * in the tasks' order, with each one's index: a new task starts as soon as the oldest
 * result is taken, so the connections are never left waiting for the slowest of a wave.
 * Stopping early waits for the tasks already started (none is left running unheard).
 */
export async function* inOrder<T>(
  tasks: (() => Promise<T>)[],
  ahead: number,
): AsyncGenerator<[number, T]> {
  const running: Promise<T>[] = [];
  let next = 0;
  const startNext = () => {
    const task = tasks[next];
    if (!task) return;
    next += 1;
    const started = task();
    // Awaited in turn below; until then a failure must not count as unhandled.
    started.catch(() => undefined);
    running.push(started);
  };
  try {
    while (running.length < ahead && next < tasks.length) startNext();
    for (let index = 0; running.length > 0; index++) {
      const result = await (running.shift() as Promise<T>);
      startNext();
      yield [index, result];
    }
  } finally {
    await Promise.allSettled(running);
  }
}
