import { createHash } from 'node:crypto';
import { asPostgresError, UNIQUE_VIOLATION } from '@tally/db/errors';
import type { Database } from '@tally/db/schema';
import { DomainError } from '@tally/domain/errors';
import type {
  CreateCommunityInput,
  SetCommunityActiveInput,
  StreetCommunity,
} from '@tally/domain/street';
import { type Kysely, sql } from 'kysely';
import { hashSecret } from '../auth/secrets';
import { recordAudit } from '../common/audit';
import { runStaffWrite } from '../common/use-case';
import { createCommunity } from '../communities/create-community';
import { createStaffUser } from '../staff/create-staff-user';
import { type StreetStaff, streetCommunity } from './street-overview';

type Db = Kysely<Database>;

/**
 * The new community's id, made from the street and the request's key: a retried request names
 * the same community, so it is created once however often it is sent (there is no community yet
 * to keep the key in).
 */
function communityIdFor(streetId: string, key: string): string {
  const hex = createHash('sha256').update(`street-community:${streetId}:${key}`).digest('hex');
  // A version-4-shaped UUID (the variant and version bits set), so every UUID check accepts it.
  const variant = ((Number.parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Opens a community in the street: its ledger, the accounts every movement needs, and its first
 * office account, whose temporary password must be changed at the first sign-in (the street
 * knew it). All in one transaction; the same key again answers the community it made.
 */
export async function createStreetCommunity(
  db: Db,
  { staff, origin, input }: { staff: StreetStaff; origin: string; input: CreateCommunityInput },
): Promise<StreetCommunity> {
  const id = communityIdFor(staff.streetId, input.idempotencyKey);
  const replay = async () => {
    const existing = await db
      .selectFrom('communities')
      .select(['name_zh', 'name_en'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!existing) return null;
    if (existing.name_zh !== input.name.zh || existing.name_en !== input.name.en) {
      throw new DomainError('IDEMPOTENCY_CONFLICT');
    }
    return streetCommunity(db, staff.streetId, id);
  };
  const earlier = await replay();
  if (earlier) return earlier;
  const passwordHash = await hashSecret(input.office.password);
  try {
    await db.transaction().execute(async (trx) => {
      await createCommunity(trx, { id, name: input.name });
      await trx
        .updateTable('communities')
        .set({ street_id: staff.streetId, time_zone: input.timeZone })
        .where('id', '=', id)
        .execute();
      const office = await createStaffUser(
        trx,
        {
          communityId: id,
          username: input.office.username,
          password: input.office.password,
          displayName: input.office.displayName,
          role: 'office',
        },
        { passwordHash },
      );
      await trx
        .updateTable('staff_users')
        .set({ must_change_password: true })
        .where('community_id', '=', id)
        .where('id', '=', office.id)
        .execute();
      await recordAudit(trx, {
        communityId: id,
        actor: { type: 'staff', id: staff.id },
        action: 'street.createCommunity',
        target: { type: 'community', id },
        origin,
        details: {
          by: staff.displayName,
          street: staff.streetId,
          name: input.name,
          timeZone: input.timeZone,
          officeAccount: office.username,
          officeStaffId: office.id,
        },
      });
    });
  } catch (error) {
    // The same request at the same moment: the other one made it.
    if (asPostgresError(error)?.code !== UNIQUE_VIOLATION) throw error;
    const made = await replay();
    if (made) return made;
    throw error;
  }
  return streetCommunity(db, staff.streetId, id);
}

/**
 * Closes a community (or opens it again). Closing signs its staff out and refuses their
 * sign-in, its kiosks and its phones; every record stays, readable by the street.
 */
export async function setCommunityActive(
  db: Db,
  {
    staff,
    origin,
    input,
    active,
  }: { staff: StreetStaff; origin: string; input: SetCommunityActiveInput; active: boolean },
): Promise<StreetCommunity> {
  const { idempotencyKey, communityId, reason } = input;
  await streetCommunity(db, staff.streetId, communityId);
  await runStaffWrite(
    db,
    {
      staff: { id: staff.id, communityId },
      origin,
      operation: active ? 'street.reactivateCommunity' : 'street.deactivateCommunity',
      key: idempotencyKey,
      request: { communityId, reason },
    },
    async (trx) => {
      const changed = await trx
        .updateTable('communities')
        .set({ active, closed_at: active ? null : sql`now()` })
        .where('id', '=', communityId)
        .where('street_id', '=', staff.streetId)
        .where('active', '=', !active)
        .returning('id')
        .executeTakeFirst();
      if (!changed) return { result: null, audit: null };
      if (!active) {
        // Its staff's sessions end now; the street's own sessions reading it go on.
        await trx
          .updateTable('staff_sessions')
          .set({ ended_at: sql`now()` })
          .where('community_id', '=', communityId)
          .where('ended_at', 'is', null)
          .where('staff_id', 'in', (eb) =>
            eb
              .selectFrom('staff_users')
              .select('id')
              .where('community_id', '=', communityId)
              .where('role', '<>', 'street'),
          )
          .execute();
      }
      return {
        result: null,
        audit: {
          target: { type: 'community', id: communityId },
          details: { by: staff.displayName, street: staff.streetId, reason },
        },
      };
    },
  );
  return streetCommunity(db, staff.streetId, communityId);
}
