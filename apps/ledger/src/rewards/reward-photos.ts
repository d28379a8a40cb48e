import type { Database } from '@tally/db/schema';
import { DomainError } from '@tally/domain/errors';
import type { Kysely } from 'kysely';
import { recordAudit } from '../common/audit';
import { inTransaction } from '../ledger/executor';
import { preparePhoto } from './photo-image';

/**
 * A reward photo's address: stable while the photo is, new when it is replaced (the version is
 * the start of its digest), so a kiosk may keep it cached for good.
 */
export function rewardPhotoUrl(rewardId: string, digest: string): string {
  return `/reward-photos/${rewardId}.webp?v=${digest.slice(0, 16)}`;
}

/** The photo addresses of a community's rewards that have one. */
export async function rewardPhotoUrls(
  db: Kysely<Database>,
  communityId: string,
): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('reward_photos')
    .select(['reward_id', 'digest'])
    .where('community_id', '=', communityId)
    .execute();
  return new Map(rows.map((row) => [row.reward_id, rewardPhotoUrl(row.reward_id, row.digest)]));
}

type PhotoWrite = { communityId: string; staffId: string; origin: string; rewardId: string };

/** Resizes and stores a reward's photo, replacing the one it had. */
export async function setRewardPhoto(
  db: Kysely<Database>,
  { communityId, staffId, origin, rewardId, upload }: PhotoWrite & { upload: Uint8Array },
): Promise<{ photoUrl: string; width: number; height: number }> {
  await rewardOf(db, communityId, rewardId);
  // Resizing is the slow part: done before the transaction, which then only writes.
  const photo = await preparePhoto(upload);
  const values = {
    content: photo.content,
    content_type: photo.contentType,
    width: photo.width,
    height: photo.height,
    digest: photo.digest,
    uploaded_by: staffId,
    uploaded_at: new Date(),
  };
  await inTransaction(db, async (trx) => {
    await trx
      .insertInto('reward_photos')
      .values({ community_id: communityId, reward_id: rewardId, ...values })
      .onConflict((oc) => oc.columns(['community_id', 'reward_id']).doUpdateSet(values))
      .execute();
    await recordAudit(trx, {
      communityId,
      actor: { type: 'staff', id: staffId },
      action: 'rewards.photo_upload',
      target: { type: 'reward', id: rewardId },
      origin,
      details: { bytes: upload.byteLength, width: photo.width, height: photo.height },
    });
  });
  return {
    photoUrl: rewardPhotoUrl(rewardId, photo.digest),
    width: photo.width,
    height: photo.height,
  };
}

/** Takes a reward's photo away: the kiosk shows its kind's icon again. */
export async function removeRewardPhoto(
  db: Kysely<Database>,
  { communityId, staffId, origin, rewardId }: PhotoWrite,
): Promise<void> {
  await rewardOf(db, communityId, rewardId);
  await inTransaction(db, async (trx) => {
    const removed = await trx
      .deleteFrom('reward_photos')
      .where('community_id', '=', communityId)
      .where('reward_id', '=', rewardId)
      .executeTakeFirst();
    if (removed.numDeletedRows === 0n) return;
    await recordAudit(trx, {
      communityId,
      actor: { type: 'staff', id: staffId },
      action: 'rewards.photo_remove',
      target: { type: 'reward', id: rewardId },
      origin,
    });
  });
}

/** A reward's stored photo, in the reader's own community only. */
export async function readRewardPhoto(
  db: Kysely<Database>,
  { communityId, rewardId }: { communityId: string; rewardId: string },
) {
  const photo = await db
    .selectFrom('reward_photos')
    .select(['content', 'content_type', 'digest'])
    .where('community_id', '=', communityId)
    .where('reward_id', '=', rewardId)
    .executeTakeFirst();
  if (!photo) throw new DomainError('NOT_FOUND', 'This reward has no photo.');
  return photo;
}

async function rewardOf(db: Kysely<Database>, communityId: string, rewardId: string) {
  const reward = await db
    .selectFrom('rewards')
    .select('id')
    .where('community_id', '=', communityId)
    .where('id', '=', rewardId)
    .executeTakeFirst();
  if (!reward) throw new DomainError('NOT_FOUND', 'That reward could not be found.');
}
