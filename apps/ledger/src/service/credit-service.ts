import type { Database } from '@tally/db/schema';
import type { ServiceCategory } from '@tally/domain/categories';
import { pointsForService } from '@tally/domain/earning-rules';
import type { PostTransactionInput } from '@tally/domain/ledger';
import { type Kysely, sql } from 'kysely';
import { communityAccounts } from '../communities/create-community';
import { postTransactions } from '../ledger/post-transaction';
import { activeRule } from '../rules/active-rule';

/** A locked, pending record about to be approved. */
export type RecordToCredit = {
  id: string;
  residentId: string;
  activityTitle: string;
  category: string;
  minutes: number;
  /** The day the service started, in the community's time zone (YYYY-MM-DD). */
  serviceDate: string;
  startedAt: Date;
};

export type CreditedRecord = {
  id: string;
  status: 'approved';
  points: number;
  ruleVersion: number;
  transactionId: string;
};

/**
 * Approves locked records: per record, one `service_credit` transaction moves the minutes
 * from the community's minutes source and the points from its points source to the
 * resident, under the rule in force. Records are credited in the order the service
 * happened; the daily cap counts what the resident already earned that day (bonuses aside)
 * and the first-participation bonus goes to a resident's first approved record. The caller
 * holds the residents' locks, so no concurrent approval can slip between these figures.
 */
export async function creditApprovedService(
  trx: Kysely<Database>,
  {
    communityId,
    staff,
    origin,
    records,
    reason,
  }: {
    communityId: string;
    staff: { id: string };
    origin: string;
    records: RecordToCredit[];
    reason: string | null;
  },
): Promise<CreditedRecord[]> {
  const rule = await activeRule(trx, communityId);
  const sources = await communityAccounts(trx, communityId);
  const accounts = await residentAccounts(trx, communityId, records);
  const history = await creditHistory(trx, communityId, records);
  const credits = inServiceOrder(records).map((record) => {
    const day = dayKey(record);
    const earnedSameDay = history.earnedOnDay.get(day) ?? 0;
    const isFirstParticipation = !history.participated.has(record.residentId);
    const account = accounts.get(record.residentId);
    if (!account) throw new Error(`resident ${record.residentId} has no accounts`);
    const credit = pointsForService({
      rule: rule.terms,
      minutes: record.minutes,
      category: record.category as ServiceCategory,
      earnedSameDay,
      isFirstParticipation,
      // What a campaign for an age band or building looks at.
      serviceDate: record.serviceDate,
      birthYear: account.birthYear,
      building: account.building,
    });
    history.earnedOnDay.set(day, earnedSameDay + credit.points - credit.breakdown.bonus);
    history.participated.add(record.residentId);
    const posting: PostTransactionInput = {
      communityId,
      // One credit per record, ever: the record id makes a second approval unpostable.
      idempotencyKey: `service_credit:${record.id}`,
      kind: 'service_credit',
      actor: { type: 'staff', id: staff.id, origin },
      memo: `${record.activityTitle}: ${record.minutes} min, ${credit.points} points (earning rule v${rule.version})`,
      reference: { type: 'service_record', id: record.id },
      postings: [
        { accountId: sources.minutesSource, amount: -record.minutes },
        { accountId: account.minutes, amount: record.minutes },
        // A rule may pay nothing (a zero rate or a reached cap); a zero posting is not allowed.
        ...(credit.points > 0
          ? [
              { accountId: sources.pointsSource, amount: -credit.points },
              { accountId: account.points, amount: credit.points },
            ]
          : []),
      ],
    };
    const bonus = isFirstParticipation ? credit.breakdown.bonus : null;
    return { record, points: credit.points, bonus, posting };
  });

  // Every credit in one call and every record in one statement: the community's chain, locked
  // by the first posting, waits on two round trips before the commit, however many records.
  const transactions = await postTransactions(
    trx,
    credits.map((c) => c.posting),
  );
  const credited: CreditedRecord[] = credits.map(({ record, points }, index) => ({
    id: record.id,
    status: 'approved',
    points,
    ruleVersion: rule.version,
    transactionId: transactions[index]?.id ?? '',
  }));
  if (credits.length > 0) {
    await sql`
      update service_records r set
        status = 'approved', reviewed_by = ${staff.id}, reviewed_at = now(),
        review_reason = ${reason}, rule_version = ${rule.version},
        points = c.points, first_participation_bonus = c.bonus, transaction_id = c.transaction_id
      from unnest(
        ${credits.map((c) => c.record.id)}::uuid[], ${credits.map((c) => c.points)}::int[],
        ${credits.map((c) => c.bonus)}::int[], ${credited.map((c) => c.transactionId)}::uuid[]
      ) as c (id, points, bonus, transaction_id)
      where r.community_id = ${communityId} and r.id = c.id`.execute(trx);
  }
  return credited;
}

function inServiceOrder(records: RecordToCredit[]): RecordToCredit[] {
  return [...records].sort(
    (a, b) => a.startedAt.getTime() - b.startedAt.getTime() || (a.id < b.id ? -1 : 1),
  );
}

function dayKey({ residentId, serviceDate }: { residentId: string; serviceDate: string }): string {
  return JSON.stringify([residentId, serviceDate]);
}

/** A resident's accounts, and what an earning-rule campaign looks at. */
type ResidentToCredit = {
  points: string;
  minutes: string;
  birthYear: number | null;
  building: string | null;
};

async function residentAccounts(
  trx: Kysely<Database>,
  communityId: string,
  records: RecordToCredit[],
): Promise<Map<string, ResidentToCredit>> {
  const rows = await trx
    .selectFrom('residents')
    .select(['id', 'points_account_id', 'minutes_account_id', 'birth_year', 'building'])
    .where('community_id', '=', communityId)
    .where('id', 'in', [...new Set(records.map((r) => r.residentId))])
    .execute();
  return new Map(
    rows.map((row) => [
      row.id,
      {
        points: row.points_account_id,
        minutes: row.minutes_account_id,
        birthYear: row.birth_year,
        building: row.building,
      },
    ]),
  );
}

/**
 * What the residents already earned before this review: points per resident and service
 * day (bonuses aside, as the daily cap counts them), and who has participated before.
 */
async function creditHistory(
  trx: Kysely<Database>,
  communityId: string,
  records: RecordToCredit[],
): Promise<{ earnedOnDay: Map<string, number>; participated: Set<string> }> {
  const residentIds = [...new Set(records.map((r) => r.residentId))];
  const days = [...new Set(records.map((r) => r.serviceDate))];
  const earned = await trx
    .selectFrom('service_records as r')
    .innerJoin('communities as c', 'c.id', 'r.community_id')
    .select([
      'r.resident_id',
      sql<string>`to_char(r.started_at at time zone c.time_zone, 'YYYY-MM-DD')`.as('service_date'),
      sql<number>`sum(r.points - coalesce(r.first_participation_bonus, 0))`.as('earned'),
    ])
    .where('r.community_id', '=', communityId)
    .where('r.status', '=', 'approved')
    // A record a correction superseded was reversed: it earned nothing and was no first step.
    .where('r.superseded_by_correction', 'is', null)
    .where('r.resident_id', 'in', residentIds)
    .where(sql<string>`to_char(r.started_at at time zone c.time_zone, 'YYYY-MM-DD')`, 'in', days)
    .groupBy(['r.resident_id', 'service_date'])
    .execute();
  const participated = await trx
    .selectFrom('service_records')
    .select('resident_id')
    .distinct()
    .where('community_id', '=', communityId)
    .where('status', '=', 'approved')
    .where('superseded_by_correction', 'is', null)
    .where('resident_id', 'in', residentIds)
    .execute();
  return {
    earnedOnDay: new Map(
      earned.map((row) => [
        dayKey({ residentId: row.resident_id, serviceDate: row.service_date }),
        Number(row.earned),
      ]),
    ),
    participated: new Set(participated.map((row) => row.resident_id)),
  };
}
