import type { Database } from '@tally/db/schema';
import { DomainError } from '@tally/domain/errors';
import type { Redemption, RedemptionStatus } from '@tally/domain/redemptions';
import type { Kysely } from 'kysely';
import { type Page, toPage } from '../common/pages';

function redemptionsWithNames(db: Kysely<Database>, communityId: string) {
  return db
    .selectFrom('redemptions as d')
    .innerJoin('rewards as w', (join) =>
      join.onRef('w.community_id', '=', 'd.community_id').onRef('w.id', '=', 'd.reward_id'),
    )
    .innerJoin('residents as r', (join) =>
      join.onRef('r.community_id', '=', 'd.community_id').onRef('r.id', '=', 'd.resident_id'),
    )
    .selectAll('d')
    .select(['w.name as reward_name', 'r.name as resident_name', 'r.card_number'])
    .where('d.community_id', '=', communityId);
}

type RedemptionRow = Awaited<
  ReturnType<ReturnType<typeof redemptionsWithNames>['executeTakeFirstOrThrow']>
>;

function toRedemption(row: RedemptionRow): Redemption {
  return {
    id: row.id,
    rewardId: row.reward_id,
    rewardName: row.reward_name,
    residentId: row.resident_id,
    residentName: row.resident_name,
    cardNumber: row.card_number,
    kioskId: row.kiosk_id,
    quantity: row.quantity,
    points: row.points,
    pickupCode: row.pickup_code,
    status: row.status,
    transactionId: row.transaction_id,
    createdAt: row.created_at.toISOString(),
    fulfilledAt: row.fulfilled_at?.toISOString() ?? null,
    cancelledAt: row.cancelled_at?.toISOString() ?? null,
    cancelReason: row.cancel_reason,
    cancelTransactionId: row.cancel_transaction_id,
  };
}

export async function findRedemption(
  db: Kysely<Database>,
  { communityId, id }: { communityId: string; id: string },
): Promise<Redemption> {
  const row = await redemptionsWithNames(db, communityId).where('d.id', '=', id).executeTakeFirst();
  if (!row) throw new DomainError('NOT_FOUND', 'That redemption could not be found.');
  return toRedemption(row);
}

/** A cursor is the last row's creation time and id: a stable order even for rows made in one instant. */
function parseCursor(cursor: string): { createdAt: Date; id: string } {
  const [time, id] = cursor.split('_');
  const createdAt = new Date(time ?? '');
  if (!id || Number.isNaN(createdAt.getTime())) {
    throw new DomainError('VALIDATION_FAILED', 'cursor: not a page cursor');
  }
  return { createdAt, id };
}

/** Redemptions for the office desk, newest first, by status, resident or pickup code. */
export async function listRedemptions(
  db: Kysely<Database>,
  {
    communityId,
    cursor,
    limit,
    status,
    residentId,
    pickupCode,
  }: {
    communityId: string;
    cursor?: string | undefined;
    limit: number;
    status?: RedemptionStatus | undefined;
    residentId?: string | undefined;
    pickupCode?: string | undefined;
  },
): Promise<Page<Redemption>> {
  let query = redemptionsWithNames(db, communityId)
    .orderBy('d.created_at', 'desc')
    .orderBy('d.id', 'desc')
    .limit(limit + 1);
  if (status) query = query.where('d.status', '=', status);
  if (residentId) query = query.where('d.resident_id', '=', residentId);
  if (pickupCode) query = query.where('d.pickup_code', '=', pickupCode);
  if (cursor) {
    const after = parseCursor(cursor);
    query = query.where((eb) =>
      eb(eb.refTuple('d.created_at', 'd.id'), '<', eb.tuple(after.createdAt, after.id)),
    );
  }
  const page = toPage(
    await query.execute(),
    limit,
    (row) => `${row.created_at.toISOString()}_${row.id}`,
  );
  return { items: page.items.map(toRedemption), nextCursor: page.nextCursor };
}
