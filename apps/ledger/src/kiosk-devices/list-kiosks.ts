import type { Database } from '@tally/db/schema';
import { DomainError } from '@tally/domain/errors';
import type { Kiosk } from '@tally/domain/kiosks';
import type { Kysely } from 'kysely';

/** The community's kiosks with the activity each keeps the door of (activity mode), if any. */
function kiosksWithMode(db: Kysely<Database>, communityId: string) {
  return db
    .selectFrom('kiosks as k')
    .leftJoin('activities as a', (j) =>
      j.onRef('a.community_id', '=', 'k.community_id').onRef('a.id', '=', 'k.activity_id'),
    )
    .select([
      'k.id',
      'k.name',
      'k.created_at',
      'k.revoked_at',
      'k.activity_id',
      'a.title_zh as activity_title_zh',
      'a.title_en as activity_title_en',
    ])
    .where('k.community_id', '=', communityId);
}

type KioskRow = Awaited<ReturnType<ReturnType<typeof kiosksWithMode>['executeTakeFirstOrThrow']>>;

/** The community's kiosk devices, newest first, revoked ones included (never their tokens). */
export async function listKiosks(
  db: Kysely<Database>,
  { communityId }: { communityId: string },
): Promise<Kiosk[]> {
  const rows = await kiosksWithMode(db, communityId)
    .orderBy('k.created_at', 'desc')
    .orderBy('k.id')
    .execute();
  return rows.map(toKiosk);
}

/** One of the community's kiosks; NOT_FOUND when it has no such kiosk. */
export async function findKiosk(
  db: Kysely<Database>,
  { communityId, id }: { communityId: string; id: string },
): Promise<Kiosk> {
  const row = await kiosksWithMode(db, communityId).where('k.id', '=', id).executeTakeFirst();
  if (!row) throw new DomainError('NOT_FOUND', 'That kiosk could not be found.');
  return toKiosk(row);
}

function toKiosk(row: KioskRow): Kiosk {
  return {
    id: row.id,
    name: row.name,
    createdAt: row.created_at.toISOString(),
    revokedAt: row.revoked_at?.toISOString() ?? null,
    activity: row.activity_id
      ? {
          id: row.activity_id,
          title: { zh: row.activity_title_zh ?? '', en: row.activity_title_en ?? '' },
        }
      : null,
  };
}
