import type { Database } from '@tally/db/schema';
import type { NoticeSettings, SetNoticeDaysInput } from '@tally/domain/notices';
import type { Kysely } from 'kysely';
import type { StaffActor } from '../auth/actors';
import { runStaffWrite } from '../common/use-case';

export async function noticeSettings(
  db: Kysely<Database>,
  communityId: string,
): Promise<NoticeSettings> {
  const row = await db
    .selectFrom('communities')
    .select('notice_days')
    .where('id', '=', communityId)
    .executeTakeFirstOrThrow();
  return { noticeDays: row.notice_days };
}

/** The office sets how many days approved service stays on the notice board. Audited. */
export async function setNoticeDays(
  db: Kysely<Database>,
  {
    staff,
    origin,
    input: { idempotencyKey, ...request },
  }: { staff: StaffActor; origin: string; input: SetNoticeDaysInput },
): Promise<NoticeSettings> {
  const { communityId } = staff;
  return runStaffWrite(
    db,
    { staff, origin, operation: 'notices.set_period', key: idempotencyKey, request },
    async (trx) => {
      const before = await noticeSettings(trx, communityId);
      await trx
        .updateTable('communities')
        .set({ notice_days: request.noticeDays })
        .where('id', '=', communityId)
        .execute();
      return {
        result: { noticeDays: request.noticeDays },
        audit: {
          target: { type: 'community', id: communityId },
          details: { before: before.noticeDays, after: request.noticeDays },
        },
      };
    },
  );
}
