import { performance } from 'node:perf_hooks';
import type { Database } from '@tally/db/schema';
import { type Kysely, sql } from 'kysely';
import type { ApiClient } from '../../src/test/api';
import { type BenchServer, startBenchServer } from '../bench-server';
import { summarizeLatencies } from '../percentiles';
import { signedInStaff } from '../signed-in-staff';
import type { BenchTarget } from '../target';

export type TimingGroup = 'page' | 'balance' | 'report' | 'export';

/** A request the office or an auditor makes, timed to its last byte. */
type Case = { group: TimingGroup; name: string; call: () => Promise<unknown> };

export type Timing = {
  group: TimingGroup;
  name: string;
  runs: number;
  p50: number;
  p95: number;
  max: number;
  note?: string;
};

export type TimingRuns = Record<TimingGroup, number>;

/** The targets of issue 12, for the record beside the figures. */
export const timingTargets: Record<TimingGroup, number | null> = {
  page: 50,
  balance: 50,
  report: 2_000,
  export: null,
};

/**
 * Times what the office and auditors ask of a year's data, through the real service over HTTP:
 * journal pages and other lists (`ledger.journal` and friends), balances, every `insights.*`
 * report over the last year and its CSV, and the CSV exports.
 */
export async function timeTheYear(
  target: Pick<BenchTarget, 'db' | 'url' | 'schema'>,
  {
    communityId,
    runs,
    onCase,
  }: { communityId: string; runs: TimingRuns; onCase?: (timing: Timing) => void },
): Promise<Timing[]> {
  const server = await startBenchServer(target);
  try {
    const office = await signedInStaff(server.url, target.db, { communityId, role: 'office' });
    const cases = await casesFor(target.db, {
      communityId,
      server,
      api: office.api,
      token: office.token,
    });
    const timings: Timing[] = [];
    for (const c of cases.filter((c) => runs[c.group] > 0)) {
      const timing = await timeCase(c, runs[c.group]);
      onCase?.(timing);
      timings.push(timing);
    }
    return timings;
  } finally {
    await server.close();
  }
}

/**
 * One uncounted call first (connections, plans and code warm), except for an export: it reads
 * the whole year, minutes of it, and nothing is left to warm.
 */
async function timeCase({ group, name, call }: Case, runs: number): Promise<Timing> {
  if (group !== 'export') await call();
  let answer: unknown;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    answer = await call();
    times.push(performance.now() - started);
  }
  const { p50, p95 } = summarizeLatencies(times);
  const note = typeof answer === 'number' ? size(answer) : undefined;
  return { group, name, runs, p50, p95, max: Math.max(...times), ...(note ? { note } : {}) };
}

async function casesFor(
  db: Kysely<Database>,
  {
    communityId,
    server,
    api,
    token,
  }: { communityId: string; server: BenchServer; api: ApiClient; token: string },
): Promise<Case[]> {
  const ids = await sampleIds(db, communityId);
  const residents = ids.residents;
  let next = 0;
  const anyResident = () => residents[next++ % residents.length] as string;
  const monthAgo = new Date(Date.now() - 30 * 86_400_000);
  const halfYearAgo = new Date(Date.now() - 182 * 86_400_000);
  const year = { last: 'last_365_days' as const };
  const download = (path: string) => () => fetchAll(`${server.url}${path}`, token);
  const page = (name: string, call: () => Promise<unknown>): Case => ({
    group: 'page',
    name,
    call,
  });
  const report = (name: string, call: () => Promise<unknown>): Case => ({
    group: 'report',
    name,
    call,
  });
  return [
    page('journal: first page', () => api.ledger.journal.query({ limit: 50 })),
    page('journal: page in the middle', () =>
      api.ledger.journal.query({ limit: 50, cursor: String(Math.floor(ids.head / 2)) }),
    ),
    page('journal: last page', () => api.ledger.journal.query({ limit: 50, cursor: '51' })),
    page("journal: busiest resident's", () =>
      api.ledger.journal.query({ limit: 50, residentId: ids.busiest }),
    ),
    page("journal: a resident's", () =>
      api.ledger.journal.query({ limit: 50, residentId: anyResident() }),
    ),
    page('journal: by kind (donations)', () =>
      api.ledger.journal.query({ limit: 50, kind: 'donation' }),
    ),
    page('journal: by kind (reversals)', () =>
      api.ledger.journal.query({ limit: 50, kind: 'reversal' }),
    ),
    page('journal: a month, mid-year', () =>
      api.ledger.journal.query({
        limit: 50,
        from: halfYearAgo.toISOString(),
        to: new Date(halfYearAgo.getTime() + 30 * 86_400_000).toISOString(),
      }),
    ),
    page('journal: one entry', () => api.ledger.transaction.query({ id: ids.transaction })),
    page('service records: first page', () => api.service.list.query({ limit: 50 })),
    page('service records: pending', () =>
      api.service.list.query({ limit: 50, status: 'pending' }),
    ),
    page('redemptions: issued', () => api.redemptions.list.query({ limit: 50, status: 'issued' })),
    page('audit log: first page', () => api.audit.list.query({ limit: 50 })),
    page('residents: first page', () => api.residents.list.query({ limit: 50 })),
    {
      group: 'balance',
      name: 'ledger.balances (any resident)',
      call: () => api.ledger.balances.query({ residentId: anyResident() }),
    },
    {
      group: 'balance',
      name: 'ledger.balances (busiest)',
      call: () => api.ledger.balances.query({ residentId: ids.busiest }),
    },
    report('insights.dashboard', () => api.insights.dashboard.query()),
    report('insights.poster (last month)', () =>
      api.insights.poster.query({ month: monthAgo.toISOString().slice(0, 7) }),
    ),
    report('insights.structure (365 days)', () => api.insights.structure.query(year)),
    report('insights.willingness (365 days)', () => api.insights.willingness.query(year)),
    report('insights.motivation (365 days)', () => api.insights.motivation.query(year)),
    report('insights.organizations (365 days)', () => api.insights.organizations.query(year)),
    report('insights.campaignEffect (182 days)', () =>
      api.insights.campaignEffect.query({
        from: halfYearAgo.toISOString().slice(0, 10),
        to: new Date().toISOString().slice(0, 10),
      }),
    ),
    ...['structure', 'willingness', 'motivation', 'organizations'].map((name) =>
      report(
        `/reports/${name}.csv (365 days)`,
        download(`/reports/${name}.csv?last=last_365_days`),
      ),
    ),
    ...['journal', 'balances', 'service-records'].map(
      (file): Case => ({
        group: 'export',
        name: `/exports/${file}.csv`,
        call: download(`/exports/${file}.csv`),
      }),
    ),
  ];
}

function size(bytes: number): string {
  return bytes < 2 ** 20
    ? `${(bytes / 1024).toFixed(0)} KiB`
    : `${(bytes / 2 ** 20).toFixed(1)} MiB`;
}

/** A CSV read to its end, as a browser saves it; answers its size in bytes. */
async function fetchAll(url: string, token: string): Promise<number> {
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`${url} answered ${response.status}: ${await response.text()}`);
  let bytes = 0;
  for await (const chunk of response.body ?? []) bytes += (chunk as Uint8Array).byteLength;
  return bytes;
}

/** Whom and what the timed requests ask about: picked beforehand, outside the clock. */
async function sampleIds(db: Kysely<Database>, communityId: string) {
  const { rows: residents } = await sql<{ id: string }>`
    select id from residents where community_id = ${communityId} order by md5(id::text) limit 200`.execute(
    db,
  );
  const { rows: busiest } = await sql<{ id: string }>`
    select r.id from ledger_postings p
      join residents r on r.community_id = p.community_id and r.points_account_id = p.account_id
     where p.community_id = ${communityId}
     group by r.id order by count(*) desc limit 1`.execute(db);
  const chain = await db
    .selectFrom('ledger_chains')
    .select('head_sequence')
    .where('community_id', '=', communityId)
    .executeTakeFirstOrThrow();
  const middle = await db
    .selectFrom('ledger_transactions')
    .select('id')
    .where('community_id', '=', communityId)
    .where('sequence', '=', Math.max(1, Math.floor(chain.head_sequence / 2)))
    .executeTakeFirstOrThrow();
  return {
    residents: residents.map((r) => r.id),
    busiest: busiest[0]?.id ?? residents[0]?.id ?? '',
    head: chain.head_sequence,
    transaction: middle.id,
  };
}
