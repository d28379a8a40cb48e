import type { Database } from '@tally/db/schema';
import type { Move, MovesList } from '@tally/domain/street';
import type { Kysely } from 'kysely';
import type { StaffActor } from '../auth/actors';
import type { StreetStaff } from '../street/street-overview';
import { resumeMoves } from './accept-move';
import { selectMoves, toMove } from './move-rows';
import { destinationsOf } from './propose-move';

type Db = Kysely<Database>;

/** Every move between the street's communities, newest first. */
export async function streetMoves(db: Db, staff: StreetStaff): Promise<Move[]> {
  const rows = await selectMoves(db)
    .where('f.street_id', '=', staff.streetId)
    .orderBy('m.proposed_at', 'desc')
    .limit(500)
    .execute();
  return rows.map(toMove);
}

/** Residents leaving this community and coming to it; moves left between halves are finished. */
export async function listMoves(db: Db, staff: StaffActor): Promise<MovesList> {
  const { communityId } = staff;
  await resumeMoves(db, { communityId });
  const [outgoing, incoming] = await Promise.all([
    selectMoves(db)
      .where('m.community_id', '=', communityId)
      .orderBy('m.proposed_at', 'desc')
      .limit(200)
      .execute(),
    selectMoves(db)
      .where('m.to_community_id', '=', communityId)
      .orderBy('m.proposed_at', 'desc')
      .limit(200)
      .execute(),
  ]);
  return { outgoing: outgoing.map(toMove), incoming: incoming.map(toMove) };
}

export async function moveDestinations(db: Db, staff: StaffActor) {
  const rows = await destinationsOf(db, staff.communityId);
  return rows.map((row) => ({ id: row.id, name: { zh: row.name_zh, en: row.name_en } }));
}
