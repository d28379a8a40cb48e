import type { Database } from '@tally/db/schema';
import type { KioskMode } from '@tally/domain/activities';
import { type Kysely, sql } from 'kysely';
import type { KioskActor } from '../auth/actors';

/** What the kiosk is for now: the door of an activity (activity mode), or its usual screens. */
export async function kioskMode(db: Kysely<Database>, kiosk: KioskActor): Promise<KioskMode> {
  const row = await db
    .selectFrom('kiosks as k')
    .innerJoin('activities as a', (j) =>
      j.onRef('a.community_id', '=', 'k.community_id').onRef('a.id', '=', 'k.activity_id'),
    )
    .innerJoin('organizations as o', (j) =>
      j.onRef('o.community_id', '=', 'a.community_id').onRef('o.id', '=', 'a.organization_id'),
    )
    .select([
      'a.id',
      'a.title_zh',
      'a.title_en',
      'o.name_zh',
      'o.name_en',
      'a.place',
      'a.starts_at',
      'a.ends_at',
      sql<number>`(select count(*)::int from activity_attendance t
        where t.community_id = a.community_id and t.activity_id = a.id)`.as('checked_in'),
    ])
    .where('k.community_id', '=', kiosk.communityId)
    .where('k.id', '=', kiosk.kioskId)
    .executeTakeFirst();
  if (!row) return { activity: null };
  return {
    activity: {
      id: row.id,
      title: { zh: row.title_zh, en: row.title_en },
      organizationName: { zh: row.name_zh, en: row.name_en },
      place: row.place,
      startsAt: row.starts_at.toISOString(),
      endsAt: row.ends_at.toISOString(),
      checkedIn: row.checked_in,
    },
  };
}

/** A closed or cancelled activity has no door any more: its kiosks go back to their usual mode. */
export async function leaveActivityMode(
  db: Kysely<Database>,
  { communityId, activityId }: { communityId: string; activityId: string },
): Promise<void> {
  await db
    .updateTable('kiosks')
    .set({ activity_id: null })
    .where('community_id', '=', communityId)
    .where('activity_id', '=', activityId)
    .execute();
}
