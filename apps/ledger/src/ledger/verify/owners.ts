import type { VerifyFinding } from '@tally/domain/ledger';
import { sql } from 'kysely';
import type { Executor } from '../executor';
import { describeFinding } from './findings';

type Misowned = { account_id: string; holder: string };

/**
 * Every owner's accounts point back at them: a resident's points and minutes accounts
 * and a goal's pool name that resident or goal as owner. Pointing a resident's record
 * at someone else's account would hand over that account's balance with every hash
 * intact, since the pointers live outside the ledger.
 */
export async function findMisownedAccounts(
  db: Executor,
  communityId: string,
): Promise<VerifyFinding[]> {
  const { rows } = await sql<Misowned>`
    with held as (
      select r.points_account_id as account_id, 'resident' as owner_type, r.id::text as owner_id,
             'points' as unit, 'resident ' || r.id || ' (points)' as holder
        from residents r where r.community_id = ${communityId}
      union all
      select r.minutes_account_id, 'resident', r.id::text, 'minutes',
             'resident ' || r.id || ' (minutes)'
        from residents r where r.community_id = ${communityId}
      union all
      select g.account_id, 'goal_pool', g.id::text, 'points', 'goal ' || g.id
        from goals g where g.community_id = ${communityId}
    )
    select h.account_id, h.holder
      from held h
      left join ledger_accounts a on a.community_id = ${communityId} and a.id = h.account_id
     where a.id is null or a.owner_type <> h.owner_type
        or a.owner_id is distinct from h.owner_id or a.unit <> h.unit
     order by h.holder`.execute(db);
  return rows.map((row) =>
    describeFinding(
      { kind: 'account_misowned', sequence: null, accountId: row.account_id, checkpoint: null },
      { holder: row.holder },
    ),
  );
}
