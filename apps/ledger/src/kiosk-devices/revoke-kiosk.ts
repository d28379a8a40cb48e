import type { Database } from '@tally/db/schema';
import { DomainError } from '@tally/domain/errors';
import type { Kiosk } from '@tally/domain/kiosks';
import { type Kysely, sql } from 'kysely';
import type { StaffActor } from '../auth/actors';
import { runStaffWrite } from '../common/use-case';
import { findKiosk } from './list-kiosks';

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
  return runStaffWrite(
    db,
    { staff, origin, operation: 'kiosks.revoke', key: idempotencyKey, request: { id } },
    async (trx) => {
      const kiosk = await trx
        .selectFrom('kiosks')
        .select(['name', 'revoked_at'])
        .where('community_id', '=', communityId)
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirst();
      if (!kiosk) throw new DomainError('NOT_FOUND', 'That kiosk could not be found.');
      const revoked = () => findKiosk(trx, { communityId, id });
      if (kiosk.revoked_at) return { result: await revoked(), audit: null };
      await trx
        .updateTable('kiosks')
        .set({ revoked_at: sql`now()` })
        .where('community_id', '=', communityId)
        .where('id', '=', id)
        .execute();
      await trx
        .updateTable('kiosk_sessions')
        .set({ ended_at: sql`now()` })
        .where('community_id', '=', communityId)
        .where('kiosk_id', '=', id)
        .where('ended_at', 'is', null)
        .execute();
      return {
        result: await revoked(),
        audit: { target: { type: 'kiosk', id }, details: { name: kiosk.name } },
      };
    },
  );
}
