/** One item's outcome in a grouped call: its answer, or what refused it alone. */
export type Outcome<R> = { ok: true; value: R } | { ok: false; error: unknown };

type Pending<T, R> = { item: T; resolve: (value: R) => void; reject: (error: unknown) => void };

/**
 * Group commit for the service's hot calls. Calls under one key (a community) that arrive while
 * a call for that key is running wait, and go together in the next call: the database then
 * commits (and flushes its log) once for all of them instead of once each, holding the
 * community's rows as long as one call does. A call that finds nothing running goes at once, so
 * a quiet community waits for nothing. `run` answers each item in order; if it throws, every
 * item of that call fails with its error.
 */
export class GroupedCalls<T, R> {
  readonly #running = new Set<string>();
  readonly #waiting = new Map<string, Pending<T, R>[]>();

  constructor(
    private readonly run: (items: T[]) => Promise<Outcome<R>[]>,
    private readonly most = 64,
  ) {}

  call(key: string, item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      const queue = this.#waiting.get(key) ?? [];
      queue.push({ item, resolve, reject });
      this.#waiting.set(key, queue);
      if (!this.#running.has(key)) void this.#next(key);
    });
  }

  async #next(key: string): Promise<void> {
    this.#running.add(key);
    for (let queue = this.#waiting.get(key); queue?.length; queue = this.#waiting.get(key)) {
      const group = queue.splice(0, this.most);
      try {
        const outcomes = await this.run(group.map((pending) => pending.item));
        group.forEach((pending, index) => {
          const outcome = outcomes[index];
          if (!outcome)
            pending.reject(new Error('a grouped call answered fewer items than it got'));
          else if (outcome.ok) pending.resolve(outcome.value);
          else pending.reject(outcome.error);
        });
      } catch (error) {
        for (const pending of group) pending.reject(error);
      }
    }
    this.#waiting.delete(key);
    this.#running.delete(key);
  }
}
