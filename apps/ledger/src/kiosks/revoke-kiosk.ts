import type { Database } from '@tally/db/schema';
import { DomainError } from '@tally/domain/errors';
import type { Kiosk } from '@tally/domain/kiosks';
import { type Kysely, sql } from 'kysely';
import type { StaffActor } from '../auth/actors';
import { recordAudit } from '../common/audit';
import { runIdempotent } from '../common/idempotency';
import { toKiosk } from './list-kiosks';

/**
 * Revokes a kiosk (lost, stolen, retired): its token stops working on the next
 * request, since every request looks the device up afresh, and residents
 * signed in at it are signed out. Revoking a revoked kiosk changes nothing.
 */
export async function revokeKiosk(
  db: Kysely<Database>,
  {
    staff,
    origin,
    idempotencyKey,
    id,
  }: { staff: StaffActor; origin: string; idempotencyKey: string; id: string },
): Promise<Kiosk> {
  const { communityId } = staff;
  return runIdempotent(
    db,
    { communityId, key: idempotencyKey, operation: 'kiosks.revoke', request: { id } },
    async (trx) => {
      const kiosk = await trx
        .selectFrom('kiosks')
        .select(['id', 'name', 'created_at', 'revoked_at'])
        .where('community_id', '=', communityId)
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirst();
      if (!kiosk) throw new DomainError('NOT_FOUND', 'That kiosk could not be found.');
      if (kiosk.revoked_at) return toKiosk(kiosk);
      const revoked = await trx
        .updateTable('kiosks')
        .set({ revoked_at: sql`now()` })
        .where('community_id', '=', communityId)
        .where('id', '=', id)
        .returning(['id', 'name', 'created_at', 'revoked_at'])
        .executeTakeFirstOrThrow();
      await trx
        .updateTable('kiosk_sessions')
        .set({ ended_at: sql`now()` })
        .where('community_id', '=', communityId)
        .where('kiosk_id', '=', id)
        .where('ended_at', 'is', null)
        .execute();
      await recordAudit(trx, {
        communityId,
        actor: { type: 'staff', id: staff.id },
        action: 'kiosks.revoke',
        target: { type: 'kiosk', id },
        origin,
        details: { name: kiosk.name },
      });
      return toKiosk(revoked);
    },
  );
}
