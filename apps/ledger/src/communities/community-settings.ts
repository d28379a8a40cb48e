import type { Database } from '@tally/db/schema';
import type { Community, UpdateCommunityInput } from '@tally/domain/communities';
import { DomainError } from '@tally/domain/errors';
import type { Kysely, Selectable } from 'kysely';
import type { StaffActor } from '../auth/actors';
import { runStaffWrite } from '../common/use-case';

type CommunityRow = Selectable<Database['communities']>;

function toCommunity(row: CommunityRow): Community {
  return {
    id: row.id,
    name: { zh: row.name_zh, en: row.name_en },
    timeZone: row.time_zone,
    noticeDays: row.notice_days,
    createdAt: row.created_at.toISOString(),
  };
}

/** The staff member's own community: its names, its calendar's time zone, its notice period. */
export async function getCommunity(db: Kysely<Database>, communityId: string): Promise<Community> {
  const row = await db
    .selectFrom('communities')
    .selectAll()
    .where('id', '=', communityId)
    .executeTakeFirst();
  if (!row) throw new DomainError('NOT_FOUND', 'That community could not be found.');
  return toCommunity(row);
}

/**
 * The office renames its community (the name member cards and posters print). The row is
 * locked so the audit entry's "before" is the name this change replaced.
 */
export async function renameCommunity(
  db: Kysely<Database>,
  {
    staff,
    origin,
    input: { idempotencyKey, name },
  }: { staff: StaffActor; origin: string; input: UpdateCommunityInput },
): Promise<Community> {
  const { communityId } = staff;
  return runStaffWrite(
    db,
    { staff, origin, operation: 'community.update', key: idempotencyKey, request: { name } },
    async (trx) => {
      const current = await trx
        .selectFrom('communities')
        .select(['name_zh', 'name_en'])
        .where('id', '=', communityId)
        .forUpdate()
        .executeTakeFirst();
      if (!current) throw new DomainError('NOT_FOUND', 'That community could not be found.');
      const row = await trx
        .updateTable('communities')
        .set({ name_zh: name.zh, name_en: name.en })
        .where('id', '=', communityId)
        .returningAll()
        .executeTakeFirstOrThrow();
      return {
        result: toCommunity(row),
        audit: {
          target: { type: 'community', id: communityId },
          details: { before: { zh: current.name_zh, en: current.name_en }, after: name },
        },
      };
    },
  );
}
