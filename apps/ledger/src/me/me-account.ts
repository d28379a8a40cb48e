import type { Database } from '@tally/db/schema';
import type { AuditAction } from '@tally/domain/audit';
import { DomainError } from '@tally/domain/errors';
import type { MeSession, MeSummary, PhoneSessionEntry, ProxyLink } from '@tally/domain/me';
import { weakPinReason } from '@tally/domain/me';
import { type Kysely, sql } from 'kysely';
import {
  type PhoneActor,
  type ResidentSession,
  residentAuditActor,
  type StaffActor,
} from '../auth/actors';
import { hashSecret } from '../auth/secrets';
import { recordAudit } from '../common/audit';
import { runResidentWrite, runStaffWrite } from '../common/use-case';
import { checkPinUnderLockout } from '../kiosk/identify-resident';
import { kioskResident } from '../kiosk/kiosk-resident';
import { linkResidentProxy, proxiesActingFor, proxiesOf, unlinkProxy } from './proxies';

/** Who is signed in on this phone, whom they act for, and whom they could act for. */
export async function describeSession(db: Kysely<Database>, phone: PhoneActor): Promise<MeSession> {
  const { communityId, signedInAs } = phone;
  const [others, community] = await Promise.all([
    proxiesActingFor(db, { communityId, principal: signedInAs }),
    db
      .selectFrom('communities')
      .select(['id', 'name_zh', 'name_en'])
      .where('id', '=', communityId)
      .executeTakeFirstOrThrow(),
  ]);
  const self =
    signedInAs.kind === 'resident'
      ? [{ residentId: signedInAs.id, displayName: signedInAs.displayName }]
      : [];
  return {
    signedInAs: { kind: signedInAs.kind, id: signedInAs.id, displayName: signedInAs.displayName },
    actingFor: phone.actingFor,
    asProxy:
      phone.actingFor !== null &&
      !(signedInAs.kind === 'resident' && signedInAs.id === phone.actingFor.residentId),
    canActFor: [...self, ...others],
    remember: phone.remember,
    expiresAt: phone.expiresAt.toISOString(),
    community: { id: community.id, name: { zh: community.name_zh, en: community.name_en } },
  };
}

/** The phone acts for another resident (one its user is a live proxy for), or for its user again. */
export async function actFor(
  db: Kysely<Database>,
  { phone, origin, residentId }: { phone: PhoneActor; origin: string; residentId: string },
): Promise<MeSession> {
  const { communityId, signedInAs } = phone;
  const self = signedInAs.kind === 'resident' && signedInAs.id === residentId;
  if (!self) {
    const mayAct = await proxiesActingFor(db, { communityId, principal: signedInAs });
    if (!mayAct.some((entry) => entry.residentId === residentId)) {
      throw new DomainError('NOT_A_PROXY');
    }
  }
  const actingFor = await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('phone_sessions')
      .set({ acting_for: residentId })
      .where('community_id', '=', communityId)
      .where('id', '=', phone.sessionId)
      .execute();
    await recordAudit(trx, {
      communityId,
      actor: { type: signedInAs.kind, id: signedInAs.id },
      action: 'me.act_for',
      target: { type: 'resident', id: residentId },
      origin,
    });
    return trx
      .selectFrom('residents')
      .select(['id', 'display_name'])
      .where('community_id', '=', communityId)
      .where('id', '=', residentId)
      .executeTakeFirstOrThrow();
  });
  return describeSession(db, {
    ...phone,
    actingFor: { residentId: actingFor.id, displayName: actingFor.display_name },
  });
}

/** Points and hours, with this month's service, sign-ups ahead and open correction requests. */
export async function meSummary(
  db: Kysely<Database>,
  session: ResidentSession,
): Promise<MeSummary> {
  const { communityId, residentId } = session;
  const [resident, extra] = await Promise.all([
    kioskResident(db, { communityId, residentId }),
    sql<{
      card_number: string;
      minutes_this_month: number;
      upcoming: number;
      open_corrections: number;
    }>`
      select r.card_number,
        (select coalesce(sum(s.minutes), 0)::int from service_records s
          where s.community_id = r.community_id and s.resident_id = r.id
            and s.status = 'approved'
            and s.started_at >= date_trunc('month', now() at time zone c.time_zone)
                                  at time zone c.time_zone)
          as minutes_this_month,
        (select count(*)::int from activity_sign_ups u
           join activities a on a.community_id = u.community_id and a.id = u.activity_id
          where u.community_id = r.community_id and u.resident_id = r.id
            and u.status in ('signed_up', 'waitlisted')
            and a.status = 'published' and a.ends_at > now()) as upcoming,
        (select count(*)::int from correction_requests q
          where q.community_id = r.community_id and q.resident_id = r.id
            and q.status = 'open') as open_corrections
        from residents r join communities c on c.id = r.community_id
       where r.community_id = ${communityId} and r.id = ${residentId}
    `.execute(db),
  ]);
  const row = extra.rows[0];
  return {
    ...resident,
    cardNumber: row?.card_number ?? '',
    minutesThisMonth: row?.minutes_this_month ?? 0,
    upcomingSignUps: row?.upcoming ?? 0,
    openCorrections: row?.open_corrections ?? 0,
  };
}

/**
 * A resident changes their own PIN: the old PIN is checked under the lockout rules (a wrong one
 * counts as a wrong try), and a PIN easy to guess is refused. Kiosk and phone alike.
 */
export async function changePin(
  db: Kysely<Database>,
  {
    session,
    origin,
    device,
    oldPin,
    newPin,
  }: { session: ResidentSession; origin: string; device: string; oldPin: string; newPin: string },
): Promise<{ ok: true }> {
  const { communityId, residentId } = session;
  const prefix = session.phone ? 'me' : 'kiosk';
  const { birthYear } = await confirmOwnPin(db, {
    session,
    origin,
    device,
    pin: oldPin,
    actions: { failed: `${prefix}.changePin_failed`, refused: `${prefix}.changePin_failed` },
  });
  const weak = weakPinReason(newPin, { birthYear });
  if (weak) {
    throw new DomainError('WEAK_PIN', undefined, { reason: weak });
  }
  const pinHash = await hashSecret(newPin);
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('residents')
      .set({ pin_hash: pinHash })
      .where('community_id', '=', communityId)
      .where('id', '=', residentId)
      .execute();
    // Whoever knew the old PIN is signed out of the resident's other phones; this one (if the
    // change was made on a phone) stays signed in, and proxies keep their own sign-ins.
    let others = trx
      .updateTable('phone_sessions')
      .set({ ended_at: sql`now()` })
      .where('community_id', '=', communityId)
      .where('resident_id', '=', residentId)
      .where('ended_at', 'is', null);
    if (session.phone) others = others.where('id', '<>', session.phone.sessionId);
    await others.execute();
    await recordAudit(trx, {
      communityId,
      actor: residentAuditActor(session),
      action: `${prefix}.changePin`,
      target: { type: 'resident', id: residentId },
      origin,
    });
  });
  return { ok: true };
}

/**
 * The resident, already signed in, types their own PIN again to confirm a change (a new PIN, a
 * proxy): checked under the same lockout as signing in, wrong tries audited as the caller's.
 */
async function confirmOwnPin(
  db: Kysely<Database>,
  {
    session,
    origin,
    device,
    pin,
    actions,
  }: {
    session: ResidentSession;
    origin: string;
    device: string;
    pin: string;
    actions: { failed: AuditAction; refused: AuditAction };
  },
): Promise<{ birthYear: number | null }> {
  const { communityId, residentId } = session;
  const resident = await db
    .selectFrom('residents')
    .select(['card_number', 'pin_hash', 'card_locked_until', 'birth_year'])
    .where('community_id', '=', communityId)
    .where('id', '=', residentId)
    .executeTakeFirstOrThrow();
  await checkPinUnderLockout(db, {
    communityId,
    device,
    counted: resident.card_number,
    holder: { id: residentId, pinHash: resident.pin_hash, lockedUntil: resident.card_locked_until },
    typed: {},
    pin,
    audit: (action, _holderId, details) =>
      recordAudit(db, {
        communityId,
        actor: residentAuditActor(session),
        action,
        target: { type: 'resident', id: residentId },
        origin,
        details,
      }),
    actions,
  });
  return { birthYear: resident.birth_year };
}

/** The resident's phone sessions still live: theirs, and those of proxies acting for them. */
export async function listPhoneSessions(
  db: Kysely<Database>,
  {
    communityId,
    residentId,
    currentSessionId = null,
  }: { communityId: string; residentId: string; currentSessionId?: string | null },
): Promise<PhoneSessionEntry[]> {
  const rows = await db
    .selectFrom('phone_sessions as s')
    .leftJoin('residents as r', (j) =>
      j.onRef('r.community_id', '=', 's.community_id').onRef('r.id', '=', 's.resident_id'),
    )
    .leftJoin('family_members as f', (j) =>
      j.onRef('f.community_id', '=', 's.community_id').onRef('f.id', '=', 's.family_member_id'),
    )
    .select([
      's.id',
      's.resident_id',
      's.remember',
      's.device',
      's.created_at',
      's.last_seen_at',
      's.expires_at',
      'r.display_name',
      'f.name',
    ])
    .where('s.community_id', '=', communityId)
    .where((eb) =>
      eb.or([eb('s.resident_id', '=', residentId), eb('s.acting_for', '=', residentId)]),
    )
    .where('s.ended_at', 'is', null)
    .where('s.expires_at', '>', sql<Date>`now()`)
    .orderBy('s.last_seen_at', 'desc')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    current: row.id === currentSessionId,
    remember: row.remember,
    signedInAs: row.display_name ?? row.name ?? '',
    asProxy: row.resident_id !== residentId,
    device: row.device,
    createdAt: row.created_at.toISOString(),
    lastSeenAt: row.last_seen_at.toISOString(),
    expiresAt: row.expires_at.toISOString(),
  }));
}

/** Ends one of the resident's phone sessions (or a proxy's acting for them). */
async function endSessionOf(
  db: Kysely<Database>,
  {
    communityId,
    residentId,
    sessionId,
  }: { communityId: string; residentId: string; sessionId: string },
): Promise<boolean> {
  const ended = await db
    .updateTable('phone_sessions')
    .set({ ended_at: sql`now()` })
    .where('community_id', '=', communityId)
    .where('id', '=', sessionId)
    .where((eb) => eb.or([eb('resident_id', '=', residentId), eb('acting_for', '=', residentId)]))
    .where('ended_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  return ended !== undefined;
}

export async function revokeMySession(
  db: Kysely<Database>,
  {
    phone,
    session,
    origin,
    sessionId,
  }: {
    phone: PhoneActor;
    session: ResidentSession;
    origin: string;
    sessionId: string;
  },
): Promise<{ revoked: boolean }> {
  return db.transaction().execute(async (trx) => {
    const revoked = await endSessionOf(trx, { ...session, sessionId });
    if (revoked) {
      await recordAudit(trx, {
        communityId: session.communityId,
        actor: { type: phone.signedInAs.kind, id: phone.signedInAs.id },
        action: 'me.revoke_session',
        target: { type: 'phone_session', id: sessionId },
        origin,
        details: { residentId: session.residentId },
      });
    }
    return { revoked };
  });
}

export function officeRevokePhoneSession(
  db: Kysely<Database>,
  {
    staff,
    origin,
    input: { idempotencyKey, residentId, sessionId },
  }: {
    staff: StaffActor;
    origin: string;
    input: { idempotencyKey: string; residentId: string; sessionId: string };
  },
): Promise<{ revoked: boolean }> {
  return runStaffWrite(
    db,
    {
      staff,
      origin,
      operation: 'residents.revokePhoneSession',
      key: idempotencyKey,
      request: { residentId, sessionId },
    },
    async (trx) => {
      const revoked = await endSessionOf(trx, {
        communityId: staff.communityId,
        residentId,
        sessionId,
      });
      return {
        result: { revoked },
        audit: revoked
          ? { target: { type: 'phone_session', id: sessionId }, details: { residentId } }
          : null,
      };
    },
  );
}

/** The resident links another resident as their proxy, confirming with their own PIN. */
export async function addMyProxy(
  db: Kysely<Database>,
  {
    session,
    origin,
    device,
    input: { idempotencyKey, pin, proxyCardNumber },
  }: {
    session: ResidentSession;
    origin: string;
    device: string;
    input: { idempotencyKey: string; pin: string; proxyCardNumber: string };
  },
): Promise<ProxyLink> {
  const { communityId, residentId } = session;
  await confirmOwnPin(db, {
    session,
    origin,
    device,
    pin,
    actions: { failed: 'me.sign_in_failed', refused: 'me.sign_in_refused_locked' },
  });
  return runResidentWrite(
    db,
    {
      session,
      origin,
      operation: session.phone ? 'me.addProxy' : 'kiosk.addProxy',
      key: idempotencyKey,
      request: { proxyCardNumber },
    },
    async (trx) => {
      const proxy = await linkResidentProxy(trx, {
        communityId,
        residentId,
        cardNumber: proxyCardNumber,
      });
      return {
        result: proxy,
        audit: {
          target: { type: 'resident', id: residentId },
          details: { proxyId: proxy.id, kind: proxy.kind, proxyName: proxy.displayName },
        },
      };
    },
  );
}

/** The resident (never a proxy) ends a proxy link. */
export function removeMyProxy(
  db: Kysely<Database>,
  {
    session,
    origin,
    input: { idempotencyKey, proxyId },
  }: {
    session: ResidentSession;
    origin: string;
    input: { idempotencyKey: string; proxyId: string };
  },
): Promise<{ removed: boolean }> {
  const { communityId, residentId } = session;
  return runResidentWrite(
    db,
    {
      session,
      origin,
      operation: session.phone ? 'me.removeProxy' : 'kiosk.removeProxy',
      key: idempotencyKey,
      request: { proxyId },
    },
    async (trx) => {
      const ended = await unlinkProxy(trx, { communityId, residentId, proxyId });
      return {
        result: { removed: ended !== null },
        audit: ended
          ? { target: { type: 'resident', id: residentId }, details: { proxyId, ...ended } }
          : null,
      };
    },
  );
}

export { proxiesOf };
