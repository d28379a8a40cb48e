import type { Database } from '@tally/db/schema';
import type { AcceptMoveInput, Move } from '@tally/domain/street';
import type { Kysely } from 'kysely';
import type { StaffActor } from '../auth/actors';

export async function acceptMove(
  _db: Kysely<Database>,
  _args: { staff: StaffActor; origin: string; input: AcceptMoveInput },
): Promise<Move> {
  throw new Error('not yet');
}
