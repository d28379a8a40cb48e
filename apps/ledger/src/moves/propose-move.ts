import { randomUUID } from 'node:crypto';
import type { Database } from '@tally/db/schema';
import { DomainError } from '@tally/domain/errors';
import type { DeclineMoveInput, Move, MoveRef, ProposeMoveInput } from '@tally/domain/street';
import { type Kysely, sql } from 'kysely';
import type { StaffActor } from '../auth/actors';
import { recordAudit } from '../common/audit';
import { runStaffWrite } from '../common/use-case';
import { uniqueViolationAs } from '../residents/unique-violation';
import { getMove, moveHead } from './move-rows';

type Db = Kysely<Database>;
type Args<I> = { staff: StaffActor; origin: string; input: I };

/** The other open communities of the staff's own street: where a resident can move to. */
export async function destinationsOf(db: Db, communityId: string) {
  return db
    .selectFrom('communities as c')
    .innerJoin('communities as mine', 'mine.street_id', 'c.street_id')
    .select(['c.id', 'c.name_zh', 'c.name_en'])
    .where('mine.id', '=', communityId)
    .where('c.id', '<>', communityId)
    .where('c.active', '=', true)
    .orderBy('c.created_at')
    .execute();
}

/**
 * The office a resident leaves proposes the move. Nothing moves yet: the receiving office
 * accepts or declines. Noted in both communities' audit logs.
 */
export function proposeMove(
  db: Db,
  { staff, origin, input }: Args<ProposeMoveInput>,
): Promise<Move> {
  const { idempotencyKey, ...request } = input;
  const { communityId } = staff;
  const id = randomUUID();
  return uniqueViolationAs(
    'resident_moves_open',
    () => new DomainError('MOVE_PENDING'),
    async () => {
      const moveId = await runStaffWrite(
        db,
        { staff, origin, operation: 'moves.propose', key: idempotencyKey, request },
        async (trx) => {
          const destinations = await destinationsOf(trx, communityId);
          if (!destinations.some((d) => d.id === input.toCommunityId)) {
            const exists = await trx
              .selectFrom('communities as c')
              .innerJoin('communities as mine', 'mine.street_id', 'c.street_id')
              .select('c.active')
              .where('mine.id', '=', communityId)
              .where('c.id', '=', input.toCommunityId)
              .where('c.id', '<>', communityId)
              .executeTakeFirst();
            throw new DomainError(exists ? 'COMMUNITY_CLOSED' : 'NOT_IN_STREET');
          }
          const resident = await trx
            .selectFrom('residents')
            .select(['id', 'moved_at'])
            .where('community_id', '=', communityId)
            .where('id', '=', input.residentId)
            .forUpdate()
            .executeTakeFirst();
          if (!resident) throw new DomainError('NOT_FOUND', 'That resident could not be found.');
          if (resident.moved_at) throw new DomainError('RESIDENT_MOVED');
          await trx
            .insertInto('resident_moves')
            .values({
              community_id: communityId,
              id,
              resident_id: input.residentId,
              to_community_id: input.toCommunityId,
              note: input.note ?? null,
              proposed_by: staff.id,
            })
            .execute();
          await recordAudit(trx, {
            communityId: input.toCommunityId,
            actor: { type: 'staff', id: staff.id },
            action: 'moves.propose',
            target: { type: 'resident_move', id },
            origin,
            details: {
              by: staff.displayName,
              fromCommunity: communityId,
              note: input.note ?? null,
            },
          });
          return {
            result: id,
            audit: {
              target: { type: 'resident_move', id },
              details: {
                residentId: input.residentId,
                toCommunity: input.toCommunityId,
                note: input.note ?? null,
              },
            },
          };
        },
      );
      return getMove(db, { moveId, communityId });
    },
  );
}

/**
 * Settles a proposed move without moving anything: the proposing office withdraws it
 * (`cancelled`) or the receiving office declines it (`declined`, with its reason). The row is
 * held, so an acceptance at the same moment finds it settled. Both audit logs note it.
 */
async function settle(
  db: Db,
  { staff, origin, input, side }: Args<MoveRef & { reason?: string }> & { side: 'from' | 'to' },
): Promise<Move> {
  const { idempotencyKey, ...request } = input;
  const head = await moveHead(db, input.moveId);
  const mine = side === 'from' ? head?.community_id : head?.to_community_id;
  if (!head || mine !== staff.communityId) {
    throw new DomainError('NOT_FOUND', 'That move could not be found.');
  }
  const status = side === 'from' ? 'cancelled' : 'declined';
  const operation = side === 'from' ? 'moves.cancel' : 'moves.decline';
  await runStaffWrite(
    db,
    { staff, origin, operation, key: idempotencyKey, request },
    async (trx) => {
      const row = await trx
        .selectFrom('resident_moves')
        .select('status')
        .where('community_id', '=', head.community_id)
        .where('id', '=', input.moveId)
        .forUpdate()
        .executeTakeFirstOrThrow();
      if (row.status !== 'proposed') throw new DomainError('MOVE_SETTLED');
      await trx
        .updateTable('resident_moves')
        .set({
          status,
          decided_by: staff.id,
          decided_by_name: staff.displayName,
          decided_at: sql`now()`,
          decline_reason: input.reason ?? null,
        })
        .where('community_id', '=', head.community_id)
        .where('id', '=', input.moveId)
        .execute();
      const other = side === 'from' ? head.to_community_id : head.community_id;
      const details = { by: staff.displayName, reason: input.reason ?? null };
      await recordAudit(trx, {
        communityId: other,
        actor: { type: 'staff', id: staff.id },
        action: operation,
        target: { type: 'resident_move', id: input.moveId },
        origin,
        details: { ...details, community: staff.communityId },
      });
      return {
        result: null,
        audit: { target: { type: 'resident_move', id: input.moveId }, details },
      };
    },
  );
  return getMove(db, { moveId: input.moveId, communityId: staff.communityId });
}

export function cancelMove(db: Db, args: Args<MoveRef>): Promise<Move> {
  return settle(db, { ...args, side: 'from' });
}

export function declineMove(db: Db, args: Args<DeclineMoveInput>): Promise<Move> {
  return settle(db, { ...args, side: 'to' });
}
