import { randomUUID } from 'node:crypto';
import type { Database } from '@tally/db/schema';
import { DomainError } from '@tally/domain/errors';
import type { Actor } from '@tally/domain/ledger';
import type { AcceptMoveInput, Move } from '@tally/domain/street';
import { type Kysely, sql } from 'kysely';
import type { StaffActor } from '../auth/actors';
import { recordAudit } from '../common/audit';
import { failpoint } from '../common/failpoints';
import { accountOf } from '../ledger/accounts';
import { postTransaction } from '../ledger/post-transaction';
import { createResident } from '../residents/create-resident';
import { endCardSessions } from '../residents/set-card-lock';
import { getMove, moveHead } from './move-rows';

type Db = Kysely<Database>;

// Moving house, in three short transactions, each inside one community:
//   1. send (community A, the one left): the move row is held; the resident's points and time
//      credit go to A's clearing accounts in one transaction of A's chain (key `move:<id>:out`);
//      the move becomes `sending` and names the resident's new id and card in B; their card in A
//      stops.
//   2. arrive (community B): the new record and card, and one transaction of B's chain (key
//      `move:<id>:in`) from B's clearing accounts to them. It first looks for the new record: if
//      it is there, this half is done already.
//   3. settle (community A): the move becomes `done`.
// Whoever finds a move `sending` (a retried acceptance, either office's list, the service's
// start) runs 2 and 3 again; each is a no-op once done, so the move happens exactly once
// however the service dies between them. Across the street every sum is unchanged: what A's
// clearing accounts hold, B's owe.

/** The receiving office accepts: the resident's points and time credit move with them. */
export async function acceptMove(
  db: Db,
  { staff, origin, input }: { staff: StaffActor; origin: string; input: AcceptMoveInput },
): Promise<Move> {
  const head = await moveHead(db, input.moveId);
  if (!head || head.to_community_id !== staff.communityId) {
    throw new DomainError('NOT_FOUND', 'That move could not be found.');
  }
  if (head.status === 'declined' || head.status === 'cancelled') {
    throw new DomainError('MOVE_SETTLED');
  }
  if (head.status === 'proposed') {
    await sendHalf(db, {
      moveId: input.moveId,
      fromCommunityId: head.community_id,
      staff,
      origin,
      building: input.building ?? null,
    });
  }
  failpoint('moves.between-halves');
  await finishMove(db, { moveId: input.moveId, fromCommunityId: head.community_id });
  return getMove(db, { moveId: input.moveId, communityId: staff.communityId });
}

/** The move's ledger actor, the same whoever runs a half: the office that accepted, from where. */
function moveActor(move: { decided_by: string | null; decided_origin: string | null }): Actor {
  return {
    type: 'staff',
    id: move.decided_by ?? 'system',
    ...(move.decided_origin ? { origin: move.decided_origin } : {}),
  };
}

function clearing(db: Db, communityId: string, unit: 'points' | 'time_credit') {
  return accountOf(db, {
    communityId,
    unit,
    ownerType: 'move_clearing',
    ownerId: communityId,
    minBalance: null,
  });
}

async function communityName(db: Db, communityId: string): Promise<string> {
  const row = await db
    .selectFrom('communities')
    .select(['name_zh', 'name_en'])
    .where('id', '=', communityId)
    .executeTakeFirstOrThrow();
  return row.name_en || row.name_zh;
}

async function sendHalf(
  db: Db,
  {
    moveId,
    fromCommunityId: communityId,
    staff,
    origin,
    building,
  }: {
    moveId: string;
    fromCommunityId: string;
    staff: StaffActor;
    origin: string;
    building: string | null;
  },
): Promise<void> {
  const to = await db
    .selectFrom('communities')
    .select('active')
    .where('id', '=', staff.communityId)
    .executeTakeFirstOrThrow();
  if (!to.active) throw new DomainError('COMMUNITY_CLOSED');
  await db.transaction().execute(async (trx) => {
    const move = await trx
      .selectFrom('resident_moves')
      .selectAll()
      .where('community_id', '=', communityId)
      .where('id', '=', moveId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (move.status === 'declined' || move.status === 'cancelled') {
      throw new DomainError('MOVE_SETTLED');
    }
    // Accepted already (a retry, or two of the office at once): the rest is finishMove's.
    if (move.status !== 'proposed') return;
    const resident = await trx
      .selectFrom('residents')
      .select(['id', 'points_account_id'])
      .where('community_id', '=', communityId)
      .where('id', '=', move.resident_id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const accounts = await trx
      .selectFrom('ledger_accounts')
      .select(['id', 'unit', 'balance'])
      .where('community_id', '=', communityId)
      .where('owner_type', '=', 'resident')
      .where('owner_id', '=', resident.id)
      .where('unit', 'in', ['points', 'time_credit'])
      .forUpdate()
      .execute();
    const points = accounts.find((a) => a.unit === 'points');
    const credit = accounts.find((a) => a.unit === 'time_credit');
    const history = await trx
      .selectFrom('service_records')
      .select([
        sql<number>`coalesce(sum(minutes), 0)::bigint`.as('minutes'),
        sql<number>`count(*)::int`.as('records'),
        sql<Date | null>`min(started_at)`.as('first'),
        sql<Date | null>`max(started_at)`.as('last'),
      ])
      .where('community_id', '=', communityId)
      .where('resident_id', '=', resident.id)
      .where('status', '=', 'approved')
      .executeTakeFirstOrThrow();
    const decided = { decided_by: staff.id, decided_origin: origin };
    const postings: { accountId: string; amount: number }[] = [];
    for (const [account, unit] of [
      [points, 'points'],
      [credit, 'time_credit'],
    ] as const) {
      if (!account || account.balance <= 0) continue;
      postings.push({ accountId: account.id, amount: -account.balance });
      postings.push({
        accountId: (await clearing(trx, communityId, unit)).id,
        amount: account.balance,
      });
    }
    const posted =
      postings.length > 0
        ? await postTransaction(trx, {
            communityId,
            idempotencyKey: `move:${moveId}:out`,
            kind: 'transfer',
            actor: moveActor(decided),
            memo: `Moved house to ${await communityName(trx, staff.communityId)}`,
            reference: { type: 'resident_move', id: moveId },
            postings,
          })
        : null;
    const newResidentId = randomUUID();
    const newCard = `MV-${moveId.slice(0, 8).toUpperCase()}`;
    await trx
      .updateTable('resident_moves')
      .set({
        status: 'sending',
        ...decided,
        decided_by_name: staff.displayName,
        decided_at: sql`now()`,
        building,
        points: points?.balance ?? 0,
        time_credit: credit?.balance ?? 0,
        minutes_served: Number(history.minutes),
        service_records: history.records,
        first_service_at: history.first,
        last_service_at: history.last,
        out_transaction_id: posted?.id ?? null,
        new_resident_id: newResidentId,
        new_card_number: newCard,
      })
      .where('community_id', '=', communityId)
      .where('id', '=', moveId)
      .execute();
    await trx
      .updateTable('residents')
      .set({ moved_at: sql`now()`, moved_to: staff.communityId })
      .where('community_id', '=', communityId)
      .where('id', '=', resident.id)
      .execute();
    await endCardSessions(trx, { communityId, residentId: resident.id });
    await recordAudit(trx, {
      communityId,
      actor: { type: 'staff', id: staff.id },
      action: 'moves.accept',
      target: { type: 'resident_move', id: moveId },
      origin,
      details: {
        by: staff.displayName,
        community: staff.communityId,
        residentId: resident.id,
        points: points?.balance ?? 0,
        timeCredit: credit?.balance ?? 0,
        transactionId: posted?.id ?? null,
      },
    });
  });
}

/**
 * The arriving half and the settling step, for a move that is `sending`; nothing for one that
 * is not (done already, or never accepted).
 */
export async function finishMove(
  db: Db,
  { moveId, fromCommunityId }: { moveId: string; fromCommunityId: string },
): Promise<void> {
  const move = await db
    .selectFrom('resident_moves as m')
    .innerJoin('residents as r', (join) =>
      join.onRef('r.community_id', '=', 'm.community_id').onRef('r.id', '=', 'm.resident_id'),
    )
    .selectAll('m')
    .select([
      'r.name',
      'r.display_name',
      'r.show_name',
      'r.birth_year',
      'r.building as old_building',
      'r.pin_hash',
    ])
    .where('m.community_id', '=', fromCommunityId)
    .where('m.id', '=', moveId)
    .executeTakeFirst();
  if (move?.status !== 'sending' || !move.new_resident_id || !move.new_card_number) return;
  const to = move.to_community_id;
  const residentId = move.new_resident_id;
  const inTransactionId = await db.transaction().execute(async (trx) => {
    const key = `move:${moveId}:in`;
    const arrived = await trx
      .selectFrom('residents')
      .select('id')
      .where('community_id', '=', to)
      .where('id', '=', residentId)
      .forUpdate()
      .executeTakeFirst();
    if (arrived) {
      const posted = await trx
        .selectFrom('ledger_transactions')
        .select('id')
        .where('community_id', '=', to)
        .where('idempotency_key', '=', key)
        .executeTakeFirst();
      return posted?.id ?? null;
    }
    const created = await createResident(
      trx,
      {
        communityId: to,
        id: residentId,
        name: move.name,
        displayName: move.display_name,
        showName: move.show_name,
        birthYear: move.birth_year ?? undefined,
        building: move.building ?? undefined,
        cardNumber: move.new_card_number ?? '',
        pin: '',
      },
      { pinHash: move.pin_hash },
    );
    const postings: { accountId: string; amount: number }[] = [];
    if ((move.points ?? 0) > 0) {
      const amount = move.points ?? 0;
      postings.push({ accountId: (await clearing(trx, to, 'points')).id, amount: -amount });
      postings.push({ accountId: created.pointsAccountId, amount });
    }
    if ((move.time_credit ?? 0) > 0) {
      const amount = move.time_credit ?? 0;
      const account = await accountOf(trx, {
        communityId: to,
        unit: 'time_credit',
        ownerType: 'resident',
        ownerId: residentId,
        minBalance: 0,
      });
      postings.push({ accountId: (await clearing(trx, to, 'time_credit')).id, amount: -amount });
      postings.push({ accountId: account.id, amount });
    }
    const posted =
      postings.length > 0
        ? await postTransaction(trx, {
            communityId: to,
            idempotencyKey: key,
            kind: 'transfer',
            actor: moveActor(move),
            memo: `Moved house from ${await communityName(trx, fromCommunityId)}`,
            reference: { type: 'resident_move', id: moveId },
            postings,
          })
        : null;
    await recordAudit(trx, {
      communityId: to,
      actor: { type: 'staff', id: move.decided_by },
      action: 'moves.arrived',
      target: { type: 'resident', id: residentId },
      origin: move.decided_origin,
      details: {
        moveId,
        fromCommunity: fromCommunityId,
        cardNumber: move.new_card_number,
        points: move.points ?? 0,
        timeCredit: move.time_credit ?? 0,
        transactionId: posted?.id ?? null,
      },
    });
    return posted?.id ?? null;
  });
  await db.transaction().execute(async (trx) => {
    const settled = await trx
      .updateTable('resident_moves')
      .set({ status: 'done', in_transaction_id: inTransactionId, arrived_at: sql`now()` })
      .where('community_id', '=', fromCommunityId)
      .where('id', '=', moveId)
      .where('status', '=', 'sending')
      .returning('id')
      .executeTakeFirst();
    if (!settled) return;
    await recordAudit(trx, {
      communityId: fromCommunityId,
      actor: { type: 'staff', id: move.decided_by },
      action: 'moves.arrived',
      target: { type: 'resident_move', id: moveId },
      origin: move.decided_origin,
      details: { community: to, residentId: move.resident_id, transactionId: inTransactionId },
    });
  });
}

/**
 * Finishes every move left between its halves (the service died, or a request was cut off),
 * of one community (either side) or of all: run where moves are read, and at the service's start.
 */
export async function resumeMoves(
  db: Db,
  { communityId }: { communityId?: string } = {},
): Promise<number> {
  let query = db
    .selectFrom('resident_moves')
    .select(['id', 'community_id'])
    .where('status', '=', 'sending');
  if (communityId) {
    query = query.where((eb) =>
      eb.or([eb('community_id', '=', communityId), eb('to_community_id', '=', communityId)]),
    );
  }
  const stuck = await query.execute();
  for (const move of stuck) {
    await finishMove(db, { moveId: move.id, fromCommunityId: move.community_id });
  }
  return stuck.length;
}
