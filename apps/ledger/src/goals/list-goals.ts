import type { Database } from '@tally/db/schema';
import type { Goal, GoalStatus } from '@tally/domain/goals';
import type { Kysely } from 'kysely';

/** Goals with what they have raised (their pool account's balance). */
function goalsWithRaised(db: Kysely<Database>, communityId: string) {
  return db
    .selectFrom('goals as g')
    .innerJoin('ledger_accounts as a', (join) =>
      join.onRef('a.community_id', '=', 'g.community_id').onRef('a.id', '=', 'g.account_id'),
    )
    .select([
      'g.id',
      'g.title_zh',
      'g.title_en',
      'g.description_zh',
      'g.description_en',
      'g.target_points',
      'a.balance',
      'g.status',
      'g.created_at',
      'g.closed_at',
    ])
    .where('g.community_id', '=', communityId);
}

type GoalRow = Awaited<ReturnType<ReturnType<typeof goalsWithRaised>['executeTakeFirstOrThrow']>>;

function toGoal(row: GoalRow): Goal {
  return {
    id: row.id,
    title: { zh: row.title_zh, en: row.title_en },
    description: { zh: row.description_zh, en: row.description_en },
    targetPoints: row.target_points,
    raisedPoints: row.balance,
    status: row.status,
    createdAt: row.created_at.toISOString(),
    closedAt: row.closed_at?.toISOString() ?? null,
  };
}

/** Open goals first, then newest first. */
export async function listGoals(
  db: Kysely<Database>,
  { communityId, status }: { communityId: string; status?: GoalStatus | undefined },
): Promise<Goal[]> {
  let query = goalsWithRaised(db, communityId)
    .orderBy('g.status', 'desc')
    .orderBy('g.created_at', 'desc')
    .orderBy('g.id');
  if (status) query = query.where('g.status', '=', status);
  return (await query.execute()).map(toGoal);
}

export async function findGoal(
  db: Kysely<Database>,
  { communityId, id }: { communityId: string; id: string },
): Promise<Goal | undefined> {
  const row = await goalsWithRaised(db, communityId).where('g.id', '=', id).executeTakeFirst();
  return row ? toGoal(row) : undefined;
}
