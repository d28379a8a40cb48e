import type { Database } from '@tally/db/schema';
import type { DeclineMoveInput, Move, MoveRef, ProposeMoveInput } from '@tally/domain/street';
import type { Kysely } from 'kysely';
import type { StaffActor } from '../auth/actors';

type Args<I> = { staff: StaffActor; origin: string; input: I };

export async function proposeMove(
  _db: Kysely<Database>,
  _args: Args<ProposeMoveInput>,
): Promise<Move> {
  throw new Error('not yet');
}
export async function cancelMove(_db: Kysely<Database>, _args: Args<MoveRef>): Promise<Move> {
  throw new Error('not yet');
}
export async function declineMove(
  _db: Kysely<Database>,
  _args: Args<DeclineMoveInput>,
): Promise<Move> {
  throw new Error('not yet');
}
