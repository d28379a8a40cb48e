import type { Database } from '@tally/db/schema';
import type { NoticeSettings, SetNoticeDaysInput } from '@tally/domain/notices';
import type { Kysely } from 'kysely';
import type { StaffActor } from '../auth/actors';
import { recordAudit } from '../common/audit';
import { runIdempotent } from '../common/idempotency';

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
  return runIdempotent(
    db,
    { communityId, key: idempotencyKey, operation: 'notices.setPeriod', request },
    async (trx) => {
      const before = await noticeSettings(trx, communityId);
      await trx
        .updateTable('communities')
        .set({ notice_days: request.noticeDays })
        .where('id', '=', communityId)
        .execute();
      await recordAudit(trx, {
        communityId,
        actor: { type: 'staff', id: staff.id },
        action: 'notices.set_period',
        target: { type: 'community', id: communityId },
        origin,
        details: { before: before.noticeDays, after: request.noticeDays },
      });
      return { noticeDays: request.noticeDays };
    },
  );
}
