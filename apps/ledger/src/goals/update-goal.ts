import type { Database } from '@tally/db/schema';
import { DomainError } from '@tally/domain/errors';
import type { Goal, UpdateGoalInput } from '@tally/domain/goals';
import type { Kysely } from 'kysely';
import type { StaffActor } from '../auth/actors';
import { changedTexts } from '../common/changed-texts';
import { runStaffWrite } from '../common/use-case';
import { findGoal } from './list-goals';

/**
 * The office retitles an open goal (and may reword its description). A closed goal is a
 * finished record residents gave to under its title, so it keeps that title. The row is
 * locked so a goal cannot close between the check and the change.
 */
export async function updateGoal(
  db: Kysely<Database>,
  {
    staff,
    origin,
    input: { idempotencyKey, id, title, description },
  }: { staff: StaffActor; origin: string; input: UpdateGoalInput },
): Promise<Goal> {
  const { communityId } = staff;
  return runStaffWrite(
    db,
    {
      staff,
      origin,
      operation: 'goals.update',
      key: idempotencyKey,
      request: { id, title, description },
    },
    async (trx) => {
      const current = await trx
        .selectFrom('goals')
        .select(['status', 'title_zh', 'title_en', 'description_zh', 'description_en'])
        .where('community_id', '=', communityId)
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirst();
      if (!current) throw new DomainError('NOT_FOUND', 'That goal could not be found.');
      if (current.status === 'closed')
        throw new DomainError('GOAL_CLOSED', 'A closed goal keeps its title.');
      await trx
        .updateTable('goals')
        .set({
          title_zh: title.zh,
          title_en: title.en,
          ...(description
            ? { description_zh: description.zh, description_en: description.en }
            : {}),
        })
        .where('community_id', '=', communityId)
        .where('id', '=', id)
        .execute();
      const before = { zh: current.title_zh, en: current.title_en };
      const changed = changedTexts({
        title: { before, after: title },
        description: {
          before: { zh: current.description_zh, en: current.description_en },
          after: description,
        },
      });
      const updated = await findGoal(trx, { communityId, id });
      if (!updated) throw new DomainError('NOT_FOUND');
      return {
        result: updated,
        audit: { target: { type: 'goal', id }, details: { before, after: title, changed } },
      };
    },
  );
}
