import type { Database } from '@tally/db/schema';
import { DomainError, isDomainError } from '@tally/domain/errors';
import type {
  CareListChangeInput,
  CareListEntry,
  CarePool,
  CreditRecipient,
  GiveCreditInput,
  GiveCreditOutput,
  GrantPoolInput,
  GrantPoolOutput,
  PoolRule,
  SetPoolRuleInput,
  TimeCreditBalance,
} from '@tally/domain/timebank';
import { type Kysely, sql } from 'kysely';
import {
  type ResidentSession,
  residentLedgerActor,
  type StaffActor,
  staffLedgerActor,
} from '../auth/actors';
import { postingKey, runResidentWrite, runStaffWrite } from '../common/use-case';
import { postTransaction } from '../ledger/post-transaction';
import {
  carePoolAccount,
  creditBalance,
  creditSourceAccount,
  poolEligible,
  residentCreditAccount,
} from './credit-accounts';
import type { Trx } from './help-rows';

type Db = Kysely<Database>;

/**
 * Family members a resident may give time credit to: residents linked to them as a live proxy,
 * either way (a daughter who acts for her mother, or the mother she acts for).
 */
async function familyOf(
  db: Db | Trx,
  communityId: string,
  residentId: string,
): Promise<CreditRecipient[]> {
  const rows = await db
    .selectFrom('resident_proxies as p')
    .innerJoin('residents as r', (join) =>
      join.onRef('r.community_id', '=', 'p.community_id').on(
        sql<boolean>`r.id = case when p.resident_id = ${residentId}::uuid
            then p.proxy_resident_id else p.resident_id end`,
      ),
    )
    .select(['r.id', 'r.display_name'])
    .where('p.community_id', '=', communityId)
    .where('p.removed_at', 'is', null)
    .where('p.proxy_resident_id', 'is not', null)
    .where((eb) =>
      eb.or([eb('p.resident_id', '=', residentId), eb('p.proxy_resident_id', '=', residentId)]),
    )
    .orderBy('r.display_name')
    .execute();
  const seen = new Set<string>();
  return rows
    .filter((row) => row.id !== residentId && !seen.has(row.id) && seen.add(row.id))
    .map((row) => ({ residentId: row.id, name: row.display_name }));
}

/**
 * A resident gives time credit to a family member who is a resident, or to the care pool. Only
 * the resident themself: a proxy acting for someone cannot give their credit away.
 */
export function giveCredit(
  db: Db,
  { session, origin, input }: { session: ResidentSession; origin: string; input: GiveCreditInput },
): Promise<GiveCreditOutput> {
  const { idempotencyKey, ...request } = input;
  const { communityId, residentId } = session;
  if (session.phone?.asProxy) throw new DomainError('PROXY_NOT_ALLOWED');
  return runResidentWrite(
    db,
    { session, origin, operation: 'timebank.give', key: idempotencyKey, request },
    async (trx) => {
      let to: string;
      let memo: string;
      if (input.toResidentId) {
        const family = await familyOf(trx, communityId, residentId);
        if (!family.some((member) => member.residentId === input.toResidentId)) {
          throw new DomainError('NOT_FAMILY');
        }
        to = await residentCreditAccount(trx, communityId, input.toResidentId);
        memo = 'Time credit given to a family member';
      } else {
        to = await carePoolAccount(trx, communityId);
        memo = 'Time credit given to the care pool';
      }
      const from = await residentCreditAccount(trx, communityId, residentId);
      const posted = await postTransaction(trx, {
        communityId,
        idempotencyKey: postingKey(idempotencyKey, 'gift'),
        kind: 'transfer',
        actor: residentLedgerActor(session),
        memo,
        reference: input.toResidentId
          ? { type: 'time_gift', id: input.toResidentId }
          : { type: 'time_gift', id: 'care_pool' },
        postings: [
          { accountId: from, amount: -input.minutes },
          { accountId: to, amount: input.minutes },
        ],
      }).catch((error: unknown) => {
        if (!isDomainError(error, 'INSUFFICIENT_CREDIT')) throw error;
        throw new DomainError(
          'INSUFFICIENT_CREDIT',
          `You cannot give ${input.minutes} minutes; that is more time credit than you have.`,
          { minutesNeeded: input.minutes },
        );
      });
      const creditAfter = await creditBalance(trx, communityId, {
        type: 'resident',
        id: residentId,
      });
      return {
        result: { transactionId: posted.id, creditAfter },
        audit: {
          target: input.toResidentId
            ? { type: 'resident', id: input.toResidentId }
            : { type: 'community', id: communityId },
          details: {
            minutes: input.minutes,
            toPool: !input.toResidentId,
            transactionId: posted.id,
          },
        },
      };
    },
  );
}

/** The office adds credit to the care pool from the community's time-credit source. */
export function grantPool(
  db: Db,
  { staff, origin, input }: { staff: StaffActor; origin: string; input: GrantPoolInput },
): Promise<GrantPoolOutput> {
  const { idempotencyKey, ...request } = input;
  const { communityId } = staff;
  return runStaffWrite(
    db,
    { staff, origin, operation: 'timebank.grant', key: idempotencyKey, request },
    async (trx) => {
      const source = await creditSourceAccount(trx, communityId);
      const pool = await carePoolAccount(trx, communityId);
      const posted = await postTransaction(trx, {
        communityId,
        idempotencyKey: postingKey(idempotencyKey, 'grant'),
        kind: 'transfer',
        actor: staffLedgerActor(staff, origin),
        memo: input.note ? `Care pool grant: ${input.note}` : 'Care pool grant',
        reference: { type: 'pool_grant', id: communityId },
        postings: [
          { accountId: source, amount: -input.minutes },
          { accountId: pool, amount: input.minutes },
        ],
      });
      const poolBalance = await creditBalance(trx, communityId, {
        type: 'care_pool',
        id: communityId,
      });
      return {
        result: { transactionId: posted.id, poolBalance },
        audit: {
          target: { type: 'community', id: communityId },
          details: { minutes: input.minutes, note: input.note, transactionId: posted.id },
        },
      };
    },
  );
}

async function poolRule(db: Db | Trx, communityId: string): Promise<PoolRule> {
  const rule = await db
    .selectFrom('care_pool_rules')
    .select('min_age')
    .where('community_id', '=', communityId)
    .executeTakeFirst();
  const listed = await db
    .selectFrom('care_list')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('community_id', '=', communityId)
    .executeTakeFirstOrThrow();
  return { minAge: rule?.min_age ?? null, careListSize: listed.n };
}

/** Who the care pool pays for: an age (or none); the care list is kept beside it. */
export function setPoolRule(
  db: Db,
  { staff, origin, input }: { staff: StaffActor; origin: string; input: SetPoolRuleInput },
): Promise<PoolRule> {
  const { idempotencyKey, ...request } = input;
  const { communityId } = staff;
  return runStaffWrite(
    db,
    { staff, origin, operation: 'timebank.setPoolRule', key: idempotencyKey, request },
    async (trx) => {
      await trx
        .insertInto('care_pool_rules')
        .values({ community_id: communityId, min_age: input.minAge, updated_by: staff.id })
        .onConflict((oc) =>
          oc
            .column('community_id')
            .doUpdateSet({ min_age: input.minAge, updated_by: staff.id, updated_at: new Date() }),
        )
        .execute();
      return {
        result: await poolRule(trx, communityId),
        audit: {
          target: { type: 'community', id: communityId },
          details: { minAge: input.minAge },
        },
      };
    },
  );
}

export async function careList(db: Db | Trx, communityId: string): Promise<CareListEntry[]> {
  const rows = await db
    .selectFrom('care_list as l')
    .innerJoin('residents as r', (join) =>
      join.onRef('r.community_id', '=', 'l.community_id').onRef('r.id', '=', 'l.resident_id'),
    )
    .select(['l.resident_id', 'r.name', 'r.building', 'l.note', 'l.added_at'])
    .where('l.community_id', '=', communityId)
    .orderBy('r.name')
    .execute();
  return rows.map((row) => ({
    residentId: row.resident_id,
    name: row.name,
    building: row.building,
    note: row.note,
    addedAt: row.added_at.toISOString(),
  }));
}

/** The office puts a resident on its care list (the pool pays what their credit cannot), or takes them off. */
export function changeCareList(
  db: Db,
  {
    staff,
    origin,
    input,
    add,
  }: { staff: StaffActor; origin: string; input: CareListChangeInput; add: boolean },
): Promise<CareListEntry[]> {
  const { idempotencyKey, ...request } = input;
  const { communityId } = staff;
  return runStaffWrite(
    db,
    {
      staff,
      origin,
      operation: add ? 'timebank.addToCareList' : 'timebank.removeFromCareList',
      key: idempotencyKey,
      request,
    },
    async (trx) => {
      const resident = await trx
        .selectFrom('residents')
        .select('id')
        .where('community_id', '=', communityId)
        .where('id', '=', input.residentId)
        .executeTakeFirst();
      if (!resident) throw new DomainError('NOT_FOUND', 'That resident could not be found.');
      const changed = add
        ? await trx
            .insertInto('care_list')
            .values({
              community_id: communityId,
              resident_id: input.residentId,
              note: input.note,
              added_by: staff.id,
            })
            .onConflict((oc) => oc.columns(['community_id', 'resident_id']).doNothing())
            .executeTakeFirst()
        : await trx
            .deleteFrom('care_list')
            .where('community_id', '=', communityId)
            .where('resident_id', '=', input.residentId)
            .executeTakeFirst();
      const count =
        'numInsertedOrUpdatedRows' in changed
          ? Number(changed.numInsertedOrUpdatedRows ?? 0)
          : Number(changed.numDeletedRows);
      return {
        result: await careList(trx, communityId),
        audit:
          count > 0
            ? {
                target: { type: 'resident', id: input.residentId },
                details: add ? { note: input.note } : {},
              }
            : null,
      };
    },
  );
}

/** A resident's own time credit: what they hold, what they gave and received in help. */
export async function timeCreditBalance(
  db: Db,
  session: Pick<ResidentSession, 'communityId' | 'residentId'>,
): Promise<TimeCreditBalance> {
  const { communityId, residentId } = session;
  const [balance, sums, eligible, recipients] = await Promise.all([
    creditBalance(db, communityId, { type: 'resident', id: residentId }),
    db
      .selectFrom('help_claims as c')
      .innerJoin('help_requests as q', (join) =>
        join.onRef('q.community_id', '=', 'c.community_id').onRef('q.id', '=', 'c.request_id'),
      )
      .select([
        sql<number>`coalesce(sum(c.minutes) filter (where c.helper_id = ${residentId}), 0)::int`.as(
          'helped',
        ),
        sql<number>`coalesce(sum(c.minutes) filter (where q.resident_id = ${residentId}), 0)::int`.as(
          'received',
        ),
      ])
      .where('c.community_id', '=', communityId)
      .where('c.status', '=', 'confirmed')
      .where((eb) =>
        eb.or([eb('c.helper_id', '=', residentId), eb('q.resident_id', '=', residentId)]),
      )
      .executeTakeFirstOrThrow(),
    poolEligible(db, communityId, residentId),
    familyOf(db, communityId, residentId),
  ]);
  return {
    balance,
    helpedMinutes: sums.helped,
    receivedMinutes: sums.received,
    poolEligible: eligible,
    recipients,
  };
}

/** The care pool: its balance, its rule, and what flowed through it (net of reversals). */
export async function carePool(db: Db, communityId: string): Promise<CarePool> {
  const [rule, flows] = await Promise.all([
    poolRule(db, communityId),
    db
      .selectFrom('ledger_accounts as a')
      .leftJoin('ledger_postings as p', (join) =>
        join.onRef('p.community_id', '=', 'a.community_id').onRef('p.account_id', '=', 'a.id'),
      )
      .leftJoin('ledger_transactions as t', (join) =>
        join.onRef('t.community_id', '=', 'p.community_id').onRef('t.id', '=', 'p.transaction_id'),
      )
      .select([
        sql<number>`coalesce(max(a.balance), 0)::int`.as('balance'),
        sql<number>`coalesce(-sum(p.amount) filter (where t.reference_type = 'help_request'), 0)::int`.as(
          'paid',
        ),
        sql<number>`coalesce(sum(p.amount) filter (where t.reference_type = 'time_gift'), 0)::int`.as(
          'gifted',
        ),
        sql<number>`coalesce(sum(p.amount) filter (where t.reference_type = 'pool_grant'), 0)::int`.as(
          'granted',
        ),
      ])
      .where('a.community_id', '=', communityId)
      .where('a.owner_type', '=', 'care_pool')
      .where('a.unit', '=', 'time_credit')
      .executeTakeFirst(),
  ]);
  return {
    balance: flows?.balance ?? 0,
    rule,
    paidMinutes: Math.max(0, flows?.paid ?? 0),
    giftedMinutes: Math.max(0, flows?.gifted ?? 0),
    grantedMinutes: Math.max(0, flows?.granted ?? 0),
  };
}
