import type { Database } from '@tally/db/schema';
import { DomainError } from '@tally/domain/errors';
import type { Move } from '@tally/domain/street';
import { type Kysely, type Selectable, sql } from 'kysely';

type Db = Kysely<Database>;
type MoveRow = Selectable<Database['resident_moves']>;

/** The moves and the names a reader needs: the resident, both communities, who proposed. */
export function selectMoves(db: Db) {
  return db
    .selectFrom('resident_moves as m')
    .innerJoin('residents as r', (join) =>
      join.onRef('r.community_id', '=', 'm.community_id').onRef('r.id', '=', 'm.resident_id'),
    )
    .innerJoin('communities as f', 'f.id', 'm.community_id')
    .innerJoin('communities as t', 't.id', 'm.to_community_id')
    .leftJoin('staff_users as p', (join) =>
      join.onRef('p.community_id', '=', 'm.community_id').onRef('p.id', '=', 'm.proposed_by'),
    )
    .selectAll('m')
    .select([
      'r.name as resident_name',
      'r.card_number as resident_card',
      'f.name_zh as from_zh',
      'f.name_en as from_en',
      't.name_zh as to_zh',
      't.name_en as to_en',
      sql<string>`coalesce(p.display_name, '')`.as('proposed_by_name'),
    ]);
}

type Joined = MoveRow & {
  resident_name: string;
  resident_card: string;
  from_zh: string;
  from_en: string;
  to_zh: string;
  to_en: string;
  proposed_by_name: string;
};

const iso = (value: Date | null) => (value ? value.toISOString() : null);

export function toMove(row: Joined): Move {
  const sent = row.status === 'sending' || row.status === 'done';
  return {
    id: row.id,
    status: row.status,
    resident: { id: row.resident_id, name: row.resident_name, cardNumber: row.resident_card },
    from: { communityId: row.community_id, name: { zh: row.from_zh, en: row.from_en } },
    to: { communityId: row.to_community_id, name: { zh: row.to_zh, en: row.to_en } },
    note: row.note,
    proposedAt: row.proposed_at.toISOString(),
    proposedBy: row.proposed_by_name,
    decidedAt: iso(row.decided_at),
    decidedBy: row.decided_by_name,
    declineReason: row.decline_reason,
    points: sent ? Number(row.points ?? 0) : null,
    timeCredit: sent ? Number(row.time_credit ?? 0) : null,
    history: sent
      ? {
          minutesServed: Number(row.minutes_served ?? 0),
          serviceRecords: row.service_records ?? 0,
          firstServiceAt: iso(row.first_service_at),
          lastServiceAt: iso(row.last_service_at),
        }
      : null,
    arrived:
      row.status === 'done' && row.new_resident_id && row.new_card_number && row.arrived_at
        ? {
            residentId: row.new_resident_id,
            cardNumber: row.new_card_number,
            at: row.arrived_at.toISOString(),
          }
        : null,
    outTransactionId: row.out_transaction_id,
    inTransactionId: row.in_transaction_id,
  };
}

/** One move, as either community's office may read it; another's is NOT_FOUND. */
export async function getMove(
  db: Db,
  { moveId, communityId }: { moveId: string; communityId: string },
): Promise<Move> {
  const row = await selectMoves(db)
    .where('m.id', '=', moveId)
    .where((eb) =>
      eb.or([eb('m.community_id', '=', communityId), eb('m.to_community_id', '=', communityId)]),
    )
    .executeTakeFirst();
  if (!row) throw new DomainError('NOT_FOUND', 'That move could not be found.');
  return toMove(row);
}

/** The move's row as it stands, for a write: its community (the one left) and status. */
export async function moveHead(db: Db, moveId: string) {
  return db
    .selectFrom('resident_moves')
    .select(['community_id', 'to_community_id', 'status', 'resident_id'])
    .where('id', '=', moveId)
    .executeTakeFirst();
}
