import type { Database } from '@tally/db/schema';
import type { Account } from '@tally/domain/ledger';
import { type Kysely, sql, type Transaction } from 'kysely';
import { accountOf } from '../ledger/accounts';

type Db = Kysely<Database> | Transaction<Database>;

// Time credit's accounts are opened when first needed: a resident's when they first hold or
// spend credit (floor 0: no negative balance), the community's care pool (floor 0) and its
// time-credit source, which the office's grants come from (no floor, like the other sources).

/** A resident's time-credit account, with its balance as read now. */
export function residentCredit(db: Db, communityId: string, residentId: string): Promise<Account> {
  return accountOf(db, {
    communityId,
    unit: 'time_credit',
    ownerType: 'resident',
    ownerId: residentId,
    minBalance: 0,
  });
}

export async function residentCreditAccount(
  db: Db,
  communityId: string,
  residentId: string,
): Promise<string> {
  return (await residentCredit(db, communityId, residentId)).id;
}

export async function carePoolAccount(db: Db, communityId: string): Promise<string> {
  const account = await accountOf(db, {
    communityId,
    unit: 'time_credit',
    ownerType: 'care_pool',
    ownerId: communityId,
    minBalance: 0,
  });
  return account.id;
}

export async function creditSourceAccount(db: Db, communityId: string): Promise<string> {
  const account = await accountOf(db, {
    communityId,
    unit: 'time_credit',
    ownerType: 'community_source',
    ownerId: communityId,
    minBalance: null,
  });
  return account.id;
}

/** A balance read without opening anything: no account yet is a balance of 0. */
export async function creditBalance(
  db: Db,
  communityId: string,
  owner: { type: 'resident' | 'care_pool'; id: string },
): Promise<number> {
  const row = await db
    .selectFrom('ledger_accounts')
    .select('balance')
    .where('community_id', '=', communityId)
    .where('owner_type', '=', owner.type)
    .where('owner_id', '=', owner.id)
    .where('unit', '=', 'time_credit')
    .executeTakeFirst();
  return Number(row?.balance ?? 0);
}

/**
 * Whether the care pool pays what this resident's credit cannot: the office's rule (an age, in
 * the community's calendar year) or its care list.
 */
export async function poolEligible(
  db: Db,
  communityId: string,
  residentId: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('residents as r')
    .innerJoin('communities as c', 'c.id', 'r.community_id')
    .leftJoin('care_pool_rules as rule', 'rule.community_id', 'r.community_id')
    .select([
      'r.birth_year',
      'rule.min_age',
      sql<number>`extract(year from now() at time zone c.time_zone)::int`.as('year'),
      sql<boolean>`exists (select 1 from care_list l
        where l.community_id = r.community_id and l.resident_id = r.id)`.as('listed'),
    ])
    .where('r.community_id', '=', communityId)
    .where('r.id', '=', residentId)
    .executeTakeFirst();
  if (!row) return false;
  if (row.listed) return true;
  return (
    row.min_age !== null && row.birth_year !== null && row.year - row.birth_year >= row.min_age
  );
}
