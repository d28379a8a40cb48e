import type { Database } from '@tally/db/schema';
import type { Move, MovesList } from '@tally/domain/street';
import type { Kysely } from 'kysely';
import type { StaffActor } from '../auth/actors';
import type { StreetStaff } from '../street/street-overview';

export async function streetMoves(_db: Kysely<Database>, _staff: StreetStaff): Promise<Move[]> {
  throw new Error('not yet');
}
export async function listMoves(_db: Kysely<Database>, _staff: StaffActor): Promise<MovesList> {
  throw new Error('not yet');
}
export async function moveDestinations(
  _db: Kysely<Database>,
  _staff: StaffActor,
): Promise<{ id: string; name: { zh: string; en: string } }[]> {
  throw new Error('not yet');
}
