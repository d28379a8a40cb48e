import { randomUUID } from 'node:crypto';
import type { Database } from '@tally/db/schema';
import { DomainError } from '@tally/domain/errors';
import { type Kysely, sql } from 'kysely';
import type { StaffActor } from '../auth/actors';
import { hashToken, newToken } from '../auth/secrets';
import { recordAudit } from '../common/audit';
import { type AuditNote, runStaffWrite } from '../common/use-case';
import { inTransaction } from '../ledger/executor';

export type RegisteredKiosk = { id: string; name: string; deviceToken: string | null };

/**
 * The office registers a kiosk device and sees its token once. Only the
 * token's SHA-256 is stored, and the stored first response says
 * `deviceToken: null`: a replay of the same key (a retry, or anyone who learns
 * the key later) never reveals the token. If the first answer was lost, revoke
 * that kiosk and register another.
 */
export async function registerKiosk(
  db: Kysely<Database>,
  {
    staff,
    origin,
    idempotencyKey,
    name,
  }: { staff: StaffActor; origin: string; idempotencyKey: string; name: string },
): Promise<RegisteredKiosk> {
  const token = newToken('kioskDevice');
  let issuedNow = false;
  const stored = await runStaffWrite(
    db,
    { staff, origin, operation: 'kiosks.register', key: idempotencyKey, request: { name } },
    async (trx) => {
      const kiosk = await insertKiosk(trx, { communityId: staff.communityId, name, token });
      issuedNow = true;
      return { result: { ...kiosk, deviceToken: null }, audit: kioskRegistered(kiosk) };
    },
  );
  return issuedNow ? { ...stored, deviceToken: token } : stored;
}

/**
 * Registers a kiosk with a token chosen by the caller: the demo seed's fixed
 * `demo-kiosk-token`. Anything real uses `registerKiosk`, whose tokens are random.
 */
export async function registerKioskWithToken(
  db: Kysely<Database>,
  { communityId, name, token }: { communityId: string; name: string; token: string },
): Promise<{ id: string; name: string }> {
  return inTransaction(db, async (trx) => {
    const kiosk = await insertKiosk(trx, { communityId, name, token });
    await recordAudit(trx, {
      communityId,
      actor: { type: 'system', id: null },
      action: 'kiosks.register',
      origin: null,
      ...kioskRegistered(kiosk),
    });
    return kiosk;
  });
}

function kioskRegistered({ id, name }: { id: string; name: string }) {
  return { target: { type: 'kiosk', id }, details: { name } } satisfies AuditNote;
}

/**
 * The database keeps a kiosk token unique within its community only (so it can be split by
 * community), but a token alone must name one kiosk: here a token already held by any kiosk, in
 * any community, revoked or not, is refused. Registrations of the same token queue on a lock
 * held to the end of the transaction, so two at once cannot both find it free.
 */
async function insertKiosk(
  trx: Kysely<Database>,
  { communityId, name, token }: { communityId: string; name: string; token: string },
): Promise<{ id: string; name: string }> {
  const tokenHash = hashToken(token);
  await sql`select pg_advisory_xact_lock(hashtextextended(${`kiosk-token:${tokenHash}`}, 0))`.execute(
    trx,
  );
  const held = await trx
    .selectFrom('kiosks')
    .select('id')
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
  if (held) throw new DomainError('DUPLICATE', 'That kiosk token is already in use.');
  const id = randomUUID();
  await trx
    .insertInto('kiosks')
    .values({ community_id: communityId, id, name, token_hash: tokenHash })
    .execute();
  return { id, name };
}
