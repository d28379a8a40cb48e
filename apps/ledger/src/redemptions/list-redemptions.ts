import type { Database } from '@tally/db/schema';
import { DomainError } from '@tally/domain/errors';
import type { Redemption, RedemptionStatus } from '@tally/domain/redemptions';
import type { Kysely } from 'kysely';
import { cursorTime, newestFirst, type Page, toTimePage } from '../common/pages';

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
    .select([
      'w.name_zh as reward_name_zh',
      'w.name_en as reward_name_en',
      'r.name as resident_name',
      'r.card_number',
      cursorTime('d.created_at').as('cursor_time'),
    ])
    .where('d.community_id', '=', communityId);
}

type RedemptionRow = Awaited<
  ReturnType<ReturnType<typeof redemptionsWithNames>['executeTakeFirstOrThrow']>
>;

function toRedemption(row: RedemptionRow): Redemption {
  return {
    id: row.id,
    rewardId: row.reward_id,
    rewardName: { zh: row.reward_name_zh, en: row.reward_name_en },
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
  let query = newestFirst(redemptionsWithNames(db, communityId), {
    time: 'd.created_at',
    id: 'd.id',
    cursor,
  }).limit(limit + 1);
  if (status) query = query.where('d.status', '=', status);
  if (residentId) query = query.where('d.resident_id', '=', residentId);
  if (pickupCode) query = query.where('d.pickup_code', '=', pickupCode);
  const page = toTimePage(await query.execute(), limit);
  return { items: page.items.map(toRedemption), nextCursor: page.nextCursor };
}
