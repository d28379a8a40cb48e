import type { Database } from '@tally/db/schema';
import { categoryIds } from '@tally/domain/categories';
import { POSTER_THANKS_AT_MOST, type Poster, type PosterInput } from '@tally/domain/insights';
import { inLanguage, noText } from '@tally/domain/localized-text';
import { minutesToHours } from '@tally/domain/units';
import { type Kysely, sql } from 'kysely';
import { posterCheckpoint } from '../ledger/anchoring/read-checkpoints';
import { addDays } from '../reports/calendar';
import { countedService, firstServiceDays, startOfDay } from '../reports/counted-service';

/** The last day of a month `YYYY-MM`. */
function lastDayOf(month: string): string {
  const [year = 0, monthNumber = 1] = month.split('-').map(Number);
  const next =
    monthNumber === 12
      ? `${year + 1}-01-01`
      : `${year}-${String(monthNumber + 1).padStart(2, '0')}-01`;
  return addDays(next, -1);
}

/**
 * The monthly community poster (see `Poster`): one month of the community's own calendar,
 * counted service only, and by name only those who agreed to be shown.
 */
export async function communityPoster(
  db: Kysely<Database>,
  { communityId, input }: { communityId: string; input: PosterInput },
): Promise<Poster> {
  const community = await db
    .selectFrom('communities')
    .select([
      'name_zh',
      'name_en',
      'time_zone',
      sql<string>`to_char((now() at time zone time_zone) - interval '1 month', 'YYYY-MM')`.as(
        'last_month',
      ),
    ])
    .where('id', '=', communityId)
    .executeTakeFirstOrThrow();
  const month = input.month ?? community.last_month;
  const zone = community.time_zone;
  const from = `${month}-01`;
  const to = lastDayOf(month);
  const start = startOfDay(from, zone);
  const end = startOfDay(addDays(to, 1), zone);

  const records = await countedService(db, { communityId, timeZone: zone, from, to });
  const participants = [...new Set(records.map((record) => record.residentId))];
  const [firstDays, named, organizations, donated, goals, checkpoint] = await Promise.all([
    firstServiceDays(db, { communityId, timeZone: zone, to }),
    participants.length === 0
      ? []
      : db
          .selectFrom('residents')
          .select(['id', 'display_name'])
          .where('community_id', '=', communityId)
          .where('show_name', '=', true)
          .where('id', 'in', participants)
          .orderBy('display_name')
          .execute(),
    db
      .selectFrom('organizations')
      .select(['id', 'name_zh', 'name_en'])
      .where('community_id', '=', communityId)
      .execute(),
    db
      .selectFrom('ledger_postings as p')
      .innerJoin('ledger_transactions as t', (join) =>
        join.onRef('t.community_id', '=', 'p.community_id').onRef('t.id', '=', 'p.transaction_id'),
      )
      .innerJoin('goals as g', (join) =>
        join
          .onRef('g.community_id', '=', 'p.community_id')
          .onRef('g.account_id', '=', 'p.account_id'),
      )
      .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('p.amount'), eb.lit(0)).as('points'))
      .where('p.community_id', '=', communityId)
      .where('t.created_at', '>=', start)
      .where('t.created_at', '<', end)
      .executeTakeFirstOrThrow(),
    // What each goal had raised by the end of the month (its pool's postings up to then).
    db
      .selectFrom('goals as g')
      .leftJoin('ledger_postings as p', (join) =>
        join
          .onRef('p.community_id', '=', 'g.community_id')
          .onRef('p.account_id', '=', 'g.account_id'),
      )
      .leftJoin('ledger_transactions as t', (join) =>
        join.onRef('t.community_id', '=', 'p.community_id').onRef('t.id', '=', 'p.transaction_id'),
      )
      .select((eb) => [
        'g.id',
        'g.title_zh',
        'g.title_en',
        'g.target_points',
        eb.fn
          .coalesce(
            eb.fn.sum<number>(
              eb.case().when('t.created_at', '<', end).then(eb.ref('p.amount')).end(),
            ),
            eb.lit(0),
          )
          .as('raised'),
      ])
      .where('g.community_id', '=', communityId)
      .where('g.created_at', '<', end)
      .where((eb) => eb.or([eb('g.closed_at', 'is', null), eb('g.closed_at', '>=', start)]))
      .groupBy(['g.id', 'g.title_zh', 'g.title_en', 'g.target_points', 'g.created_at'])
      .orderBy('g.created_at')
      .execute(),
    posterCheckpoint(db, { communityId, monthEnd: end }),
  ]);

  const sumBy = <K extends string>(key: (record: (typeof records)[number]) => K) => {
    const totals = new Map<K, number>();
    for (const record of records) {
      totals.set(key(record), (totals.get(key(record)) ?? 0) + record.minutes);
    }
    return totals;
  };
  const byOrganization = sumBy((record) => record.organizationId);
  const byCategory = sumBy((record) => record.category);
  const organizationName = new Map(
    organizations.map((row) => [row.id, { zh: row.name_zh, en: row.name_en }]),
  );
  const minutes = records.reduce((total, record) => total + record.minutes, 0);
  const thanks = named.slice(0, POSTER_THANKS_AT_MOST).map((row) => row.display_name);

  return {
    communityName: { zh: community.name_zh, en: community.name_en },
    month,
    minutes,
    hours: minutesToHours(minutes),
    participants: participants.length,
    newParticipants: participants.filter((id) => (firstDays.get(id)?.first ?? '') >= from).length,
    organizations: [...byOrganization]
      .map(([id, total]) => ({ id, name: organizationName.get(id) ?? noText, minutes: total }))
      .sort(
        (a, b) =>
          b.minutes - a.minutes || inLanguage(a.name, 'zh').localeCompare(inLanguage(b.name, 'zh')),
      ),
    categories: categoryIds
      .map((category) => ({ category, minutes: byCategory.get(category) ?? 0 }))
      .filter((row) => row.minutes > 0)
      .sort((a, b) => b.minutes - a.minutes),
    pointsDonated: Number(donated.points),
    goals: goals.map((goal) => ({
      id: goal.id,
      title: { zh: goal.title_zh, en: goal.title_en },
      targetPoints: goal.target_points,
      raisedPoints: Number(goal.raised),
      funded: Number(goal.raised) >= goal.target_points,
    })),
    thanks,
    otherVolunteers: participants.length - thanks.length,
    checkpoint: checkpoint && {
      code: checkpoint.code,
      sequence: checkpoint.sequence,
      signedAt: checkpoint.signedAt,
    },
  };
}
