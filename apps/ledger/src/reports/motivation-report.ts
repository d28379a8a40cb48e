import type { Database } from '@tally/db/schema';
import { categoryIds, categoryInfo } from '@tally/domain/categories';
import {
  fraction,
  type MotivationReport,
  type ReportInput,
  smallGroupCell,
} from '@tally/domain/reports';
import { minutesToHours } from '@tally/domain/units';
import type { Kysely } from 'kysely';
import { type CountedRecord, countedService, endOfDay, startOfDay } from './counted-service';
import { type ResolvedPeriod, resolveReportPeriod, statedPeriod } from './report-period';

type Spending = { residentId: string; points: number };
type Redemption = Spending & { nonMaterial: boolean };
type Exchange = { residentId: string; minutes: number; poolMinutes: number };

/** What the points are for: spent, given or kept; and whether people serve for the gift. */
export async function motivationReport(
  db: Kysely<Database>,
  { communityId, input }: { communityId: string; input: ReportInput },
): Promise<MotivationReport> {
  const period = await resolveReportPeriod(db, { communityId, input });
  const [records, redemptions, donations, exchanges, members] = await Promise.all([
    countedService(db, period),
    redemptionsIn(db, period),
    donationsIn(db, period),
    exchangesIn(db, period),
    period.organizationId ? membersOf(db, period) : Promise.resolve(null),
  ]);
  const ofMembers = <T extends { residentId: string }>(rows: T[]) =>
    members ? rows.filter((row) => members.has(row.residentId)) : rows;
  return buildMotivationReport({
    period,
    records,
    redemptions: ofMembers(redemptions),
    donations: ofMembers(donations),
    exchanges: ofMembers(exchanges),
  });
}

export function buildMotivationReport({
  period,
  records,
  redemptions,
  donations,
  exchanges = [],
}: {
  period: ResolvedPeriod;
  records: CountedRecord[];
  redemptions: Redemption[];
  donations: Spending[];
  /** Time-bank exchanges confirmed in the period, by helper. */
  exchanges?: Exchange[];
}): MotivationReport {
  const earned = sumBy(records, (r) => r.points);
  const redeemed = sumBy(redemptions, (r) => r.points);
  const donated = sumBy(donations, (d) => d.points);
  // Points are fungible. What a resident spent in the period is set against what they earned in
  // it, up to what they earned, and split between rewards and goals as they spent it.
  let fromEarnedRedeemed = 0;
  let fromEarnedDonated = 0;
  for (const [residentId, points] of earned) {
    const r = redeemed.get(residentId) ?? 0;
    const d = donated.get(residentId) ?? 0;
    const spent = Math.min(points, r + d);
    const toRewards = r + d === 0 ? 0 : Math.floor((spent * r) / (r + d));
    fromEarnedRedeemed += toRewards;
    fromEarnedDonated += spent - toRewards;
  }
  const earners = [...earned.values()].filter((points) => points > 0).length;
  const earnedTotal = total(earned);
  const redeemedTotal = total(redeemed);
  const nonMaterial = redemptions.filter((r) => r.nonMaterial).reduce((s, r) => s + r.points, 0);

  const serviceDays = new Map<string, Set<string>>();
  for (const record of records) {
    const days = serviceDays.get(record.residentId) ?? new Set<string>();
    days.add(record.serviceDate);
    serviceDays.set(record.residentId, days);
  }
  const steady = [...serviceDays].filter(
    ([residentId, days]) => days.size >= 2 && !redeemed.has(residentId),
  ).length;

  return {
    period: statedPeriod(period),
    earners: smallGroupCell(earners),
    points: {
      earned: smallGroupCell(earners, earnedTotal),
      redeemedShare: smallGroupCell(earners, fraction(fromEarnedRedeemed, earnedTotal)),
      donatedShare: smallGroupCell(earners, fraction(fromEarnedDonated, earnedTotal)),
      heldShare: smallGroupCell(
        earners,
        fraction(earnedTotal - fromEarnedRedeemed - fromEarnedDonated, earnedTotal),
      ),
    },
    redemptions: {
      residents: smallGroupCell(redeemed.size),
      count: smallGroupCell(redeemed.size, redemptions.length),
      points: smallGroupCell(redeemed.size, redeemedTotal),
      nonMaterialShare: smallGroupCell(redeemed.size, fraction(nonMaterial, redeemedTotal)),
    },
    steadyWithoutRedeeming: {
      residents: smallGroupCell(steady),
      ofParticipants: smallGroupCell(serviceDays.size),
    },
    hours: hoursByCategory(records),
    timeBank: timeBankBeside(records, exchanges),
  };
}

function timeBankBeside(
  records: CountedRecord[],
  exchanges: Exchange[],
): MotivationReport['timeBank'] {
  const helpers = new Set(exchanges.map((e) => e.residentId)).size;
  const servers = new Set(records.map((r) => r.residentId)).size;
  const exchanged = exchanges.reduce((sum, e) => sum + e.minutes, 0);
  const pooled = exchanges.reduce((sum, e) => sum + e.poolMinutes, 0);
  const served = records.reduce((sum, r) => sum + r.minutes, 0);
  return {
    exchanges: smallGroupCell(helpers, exchanges.length),
    helpers: smallGroupCell(helpers),
    exchangedHours: smallGroupCell(helpers, minutesToHours(exchanged)),
    servedHours: smallGroupCell(servers, minutesToHours(served)),
    // A share of two sums gives either away from the other: shown only when both groups are.
    timeBankShare: smallGroupCell(
      Math.min(helpers, servers),
      fraction(exchanged, exchanged + served),
    ),
    poolShare: smallGroupCell(helpers, fraction(pooled, exchanged)),
  };
}

function hoursByCategory(records: CountedRecord[]): MotivationReport['hours'] {
  const minutesOf = (keep: (r: CountedRecord) => boolean) => {
    const kept = records.filter(keep);
    return {
      minutes: kept.reduce((sum, r) => sum + r.minutes, 0),
      residents: new Set(kept.map((r) => r.residentId)).size,
    };
  };
  const participation = minutesOf((r) => categoryInfo[r.category].group === 'participation');
  const service = minutesOf((r) => categoryInfo[r.category].group === 'service');
  const all = minutesOf(() => true);
  const hours = ({ minutes, residents }: { minutes: number; residents: number }) =>
    smallGroupCell(residents, minutesToHours(minutes));
  return {
    participation: hours(participation),
    service: hours(service),
    participationShare: smallGroupCell(
      all.residents,
      fraction(participation.minutes, participation.minutes + service.minutes),
    ),
    byCategory: categoryIds.map((category) => ({
      category,
      group: categoryInfo[category].group,
      hours: hours(minutesOf((r) => r.category === category)),
    })),
  };
}

function sumBy<T extends { residentId: string }>(
  rows: T[],
  amount: (row: T) => number,
): Map<string, number> {
  const sums = new Map<string, number>();
  for (const row of rows) sums.set(row.residentId, (sums.get(row.residentId) ?? 0) + amount(row));
  return sums;
}

function total(sums: Map<string, number>): number {
  return [...sums.values()].reduce((sum, n) => sum + n, 0);
}

/** Redemptions made in the period and not cancelled, with whether the reward was non-material. */
async function redemptionsIn(db: Kysely<Database>, period: ResolvedPeriod): Promise<Redemption[]> {
  const rows = await db
    .selectFrom('redemptions as r')
    .innerJoin('rewards as w', (join) =>
      join.onRef('w.community_id', '=', 'r.community_id').onRef('w.id', '=', 'r.reward_id'),
    )
    .select(['r.resident_id', 'r.points', 'w.kind'])
    .where('r.community_id', '=', period.communityId)
    .where('r.status', '<>', 'cancelled')
    .where('r.created_at', '>=', startOfDay(period.from, period.timeZone))
    .where('r.created_at', '<', endOfDay(period.to, period.timeZone))
    .execute();
  return rows.map((row) => ({
    residentId: row.resident_id,
    points: row.points,
    nonMaterial: row.kind !== 'goods',
  }));
}

/** Points residents gave to community goals in the period (donations not reversed). */
async function donationsIn(db: Kysely<Database>, period: ResolvedPeriod): Promise<Spending[]> {
  const rows = await db
    .selectFrom('ledger_transactions as t')
    .innerJoin('ledger_postings as p', (join) =>
      join.onRef('p.community_id', '=', 't.community_id').onRef('p.transaction_id', '=', 't.id'),
    )
    .innerJoin('residents as r', (join) =>
      join
        .onRef('r.community_id', '=', 'p.community_id')
        .onRef('r.points_account_id', '=', 'p.account_id'),
    )
    .select(['r.id as resident_id', 'p.amount'])
    .where('t.community_id', '=', period.communityId)
    .where('t.kind', '=', 'donation')
    .where('t.created_at', '>=', startOfDay(period.from, period.timeZone))
    .where('t.created_at', '<', endOfDay(period.to, period.timeZone))
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('ledger_transactions as reversal')
            .select('reversal.id')
            .whereRef('reversal.community_id', '=', 't.community_id')
            .whereRef('reversal.reverses', '=', 't.id'),
        ),
      ),
    )
    .execute();
  return rows.map((row) => ({ residentId: row.resident_id, points: -row.amount }));
}

/** Time-bank exchanges confirmed in the period and still standing, by helper. */
async function exchangesIn(db: Kysely<Database>, period: ResolvedPeriod): Promise<Exchange[]> {
  const rows = await db
    .selectFrom('help_claims')
    .select(['helper_id', 'minutes', 'pool_minutes'])
    .where('community_id', '=', period.communityId)
    .where('status', '=', 'confirmed')
    .where('settled_at', '>=', startOfDay(period.from, period.timeZone))
    .where('settled_at', '<', endOfDay(period.to, period.timeZone))
    .execute();
  return rows.map((row) => ({
    residentId: row.helper_id,
    minutes: row.minutes ?? 0,
    poolMinutes: row.pool_minutes ?? 0,
  }));
}

async function membersOf(db: Kysely<Database>, period: ResolvedPeriod): Promise<Set<string>> {
  const rows = await db
    .selectFrom('organization_members')
    .select('resident_id')
    .where('community_id', '=', period.communityId)
    .where('organization_id', '=', period.organizationId ?? '')
    .execute();
  return new Set(rows.map((row) => row.resident_id));
}
