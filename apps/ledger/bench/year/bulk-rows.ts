import { performance } from 'node:perf_hooks';
import { type RawBuilder, sql } from 'kysely';
import type { Executor } from '../../src/ledger/executor';
import { entryOf } from './maps';

/** The statement that writes one batch of a table's rows, given them as one JSON text. */
export type BatchStatement = (rows: string) => RawBuilder<unknown>;

/** How a table takes its rows. */
export type BulkTable = {
  statement: BatchStatement;
  /** One batch at a time, in the order the rows came (foreign keys within it, ids in time order). */
  inOrder?: boolean;
  /** A table (taken in order) whose rows these name: they are written after its rows so far. */
  after?: string;
};

/**
 * Rows into a table through `json_populate_recordset`, the named columns only (so defaults
 * and identities fill the rest): the fastest way in without COPY, whatever the row's width.
 */
export function populate(table: string, columns: string[]): BatchStatement {
  const list = sql.join(columns.map((column) => sql.ref(column)));
  return (rows) => sql`
    insert into ${sql.table(table)} (${list})
    select ${list} from json_populate_recordset(null::${sql.table(table)}, ${rows}::json)`;
}

/**
 * Collects rows per table and writes them a batch at a time, at most `inFlight` batches at
 * once (each on a pooled connection of its own), so the generator goes on while the database
 * takes the previous ones; `pace` holds the generator back while the database is behind.
 */
export class BulkWriter {
  private readonly pending = new Map<string, unknown[]>();
  private readonly ready: [string, unknown[]][] = [];
  private readonly writing = new Set<Promise<void>>();
  /** Each table's last batch started, settled or not: what a later batch may wait for. */
  private readonly lastOf = new Map<string, Promise<void>>();
  private failure: unknown = null;
  readonly written = new Map<string, number>();
  /** Milliseconds each table's statements took: where the database's time went. */
  readonly spent = new Map<string, number>();

  constructor(
    private readonly db: Executor,
    private readonly tables: Record<string, BulkTable>,
    private readonly options: { batchSize: number; inFlight: number },
  ) {}

  add(table: string, row: unknown): void {
    const rows = entryOf(this.pending, table, () => []);
    rows.push(row);
    if (rows.length < this.options.batchSize) return;
    this.ready.push([table, rows]);
    this.pending.set(table, []);
  }

  /** Starts the batches that are full, waiting while as many as allowed are being written. */
  async pace(): Promise<void> {
    for (let next = this.ready.shift(); next; next = this.ready.shift()) {
      while (this.writing.size >= this.options.inFlight) await Promise.race(this.writing);
      this.start(...next);
    }
    if (this.failure) throw this.failure;
  }

  /** Writes what is left and waits for every batch. */
  async finish(): Promise<void> {
    for (const [table, rows] of this.pending) if (rows.length > 0) this.ready.push([table, rows]);
    this.pending.clear();
    await this.pace();
    await Promise.all(this.writing);
    if (this.failure) throw this.failure;
  }

  /** Starts all of a table's rows so far, full batches first, in the order they came. */
  private startEverything(table: string): void {
    for (let i = 0; i < this.ready.length; ) {
      const [readyTable, rows] = this.ready[i] ?? [];
      if (readyTable !== table || !rows) {
        i++;
        continue;
      }
      this.ready.splice(i, 1);
      this.start(table, rows);
    }
    const waiting = this.pending.get(table) ?? [];
    this.pending.set(table, []);
    if (waiting.length > 0) this.start(table, waiting);
  }

  private start(table: string, rows: unknown[]): void {
    const { statement, inOrder = false, after } = this.tables[table] ?? {};
    if (!statement) throw new Error(`no statement writes ${table}`);
    if (after) this.startEverything(after);
    const json = JSON.stringify(rows);
    const waitFor = [inOrder ? this.lastOf.get(table) : undefined, after && this.lastOf.get(after)];
    const write = Promise.all(waitFor)
      .then(async () => {
        const begun = performance.now();
        await statement(json).execute(this.db);
        this.spent.set(table, (this.spent.get(table) ?? 0) + performance.now() - begun);
        this.written.set(table, (this.written.get(table) ?? 0) + rows.length);
      })
      .catch((error: unknown) => {
        this.failure ??= error;
      })
      .finally(() => this.writing.delete(write));
    this.writing.add(write);
    this.lastOf.set(table, write);
  }
}
