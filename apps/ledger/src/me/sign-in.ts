import type { Database } from '@tally/db/schema';
import type { AuditAction } from '@tally/domain/audit';
import { DomainError } from '@tally/domain/errors';
import type { MeCommunity } from '@tally/domain/me';
import { PhoneNumber } from '@tally/domain/me';
import type { Kysely } from 'kysely';
import type { PhoneActor } from '../auth/actors';
import { endPhoneSession, startPhoneSession } from '../auth/phone-sessions';
import { type AuditEntry, recordAudit } from '../common/audit';
import { checkPinUnderLockout, findCard } from '../kiosk/identify-resident';
import { kioskResident } from '../kiosk/kiosk-resident';
import { proxiesActingFor } from './proxies';

/** Where a phone signs in from: its address, its own id for PIN tries, and its browser. */
export type PhoneDevice = { origin: string; device: string; label: string };

/** The communities a phone may sign in to (a street's service holds several). */
export async function listCommunities(db: Kysely<Database>): Promise<MeCommunity[]> {
  const rows = await db
    .selectFrom('communities')
    .select(['id', 'name_zh', 'name_en'])
    // A closed community takes no sign-ins.
    .where('active', '=', true)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((row) => ({ id: row.id, name: { zh: row.name_zh, en: row.name_en } }));
}

/**
 * The community a phone signs in to: the one chosen, or the only one the service holds. With
 * several and none chosen, the phone must ask (CHOOSE_COMMUNITY): card numbers are only unique
 * within a community.
 */
async function communityOf(db: Kysely<Database>, communityId: string | undefined) {
  const rows = await db
    .selectFrom('communities')
    .select('id')
    .where('active', '=', true)
    .$if(communityId !== undefined, (q) => q.where('id', '=', communityId ?? ''))
    .limit(2)
    .execute();
  const [only, another] = rows;
  if (!only || another) throw new DomainError('CHOOSE_COMMUNITY');
  return only.id;
}

function phoneAudit(
  db: Kysely<Database>,
  communityId: string,
  origin: string,
  actor: AuditEntry['actor'],
) {
  return async (action: AuditAction, targetId: string | null, details: Record<string, unknown>) =>
    recordAudit(db, {
      communityId,
      actor,
      action,
      ...(targetId ? { target: { type: 'resident' as const, id: targetId } } : {}),
      origin,
      details,
    });
}

/**
 * A resident signs in on their phone with card number and PIN, under the kiosk's lockout rules
 * (tries counted per card on this phone, and per card everywhere). A remembered phone keeps its
 * session for 30 days; otherwise it lasts until the browser closes (a day at most).
 */
export async function signInWithCard(
  db: Kysely<Database>,
  {
    at,
    input,
  }: {
    at: PhoneDevice;
    input: { communityId?: string | undefined; cardNumber: string; pin: string; remember: boolean };
  },
) {
  const communityId = await communityOf(db, input.communityId);
  const card = await findCard(db, { communityId, typed: input.cardNumber });
  await checkPinUnderLockout(db, {
    communityId,
    device: at.device,
    counted: card?.card_number ?? input.cardNumber,
    holder: card
      ? { id: card.id, pinHash: card.pin_hash, lockedUntil: card.card_locked_until }
      : undefined,
    typed: { cardNumber: input.cardNumber },
    pin: input.pin,
    audit: phoneAudit(db, communityId, at.origin, { type: 'anonymous', id: null }),
    actions: { failed: 'me.sign_in_failed', refused: 'me.sign_in_refused_locked' },
  });
  if (!card) throw new Error('unreachable: an unknown card never passes the PIN check');
  return db.transaction().execute(async (trx) => {
    const session = await startPhoneSession(trx, {
      communityId,
      signedInAs: { kind: 'resident', id: card.id },
      actingFor: card.id,
      remember: input.remember,
      device: at.label,
    });
    await recordAudit(trx, {
      communityId,
      actor: { type: 'resident', id: card.id },
      action: 'me.sign_in',
      target: { type: 'phone_session', id: session.sessionId },
      origin: at.origin,
      details: { remember: input.remember },
    });
    const resident = await kioskResident(trx, { communityId, residentId: card.id });
    return { token: session.token, expiresAt: session.expiresAt.toISOString(), resident };
  });
}

/**
 * A family member the office registered signs in with their phone number and their own PIN,
 * under the same lockout rules (counted against the number). When they act for one resident
 * only, the session acts for that resident at once; otherwise they pick (`me.actFor`).
 */
export async function signInAsFamily(
  db: Kysely<Database>,
  {
    at,
    input,
  }: {
    at: PhoneDevice;
    input: { communityId?: string | undefined; phone: string; pin: string; remember: boolean };
  },
) {
  const communityId = await communityOf(db, input.communityId);
  const phone = PhoneNumber.safeParse(input.phone);
  const typed = phone.success ? phone.data : input.phone;
  const member = phone.success
    ? await db
        .selectFrom('family_members')
        .select(['id', 'name', 'pin_hash'])
        .where('community_id', '=', communityId)
        .where('phone', '=', phone.data)
        .executeTakeFirst()
    : undefined;
  await checkPinUnderLockout(db, {
    communityId,
    device: at.device,
    counted: `tel:${typed}`.slice(0, 40),
    holder: member ? { id: member.id, pinHash: member.pin_hash, lockedUntil: null } : undefined,
    typed: { phone: typed },
    pin: input.pin,
    audit: async (action, _holderId, details) =>
      recordAudit(db, {
        communityId,
        actor: member ? { type: 'family', id: member.id } : { type: 'anonymous', id: null },
        action,
        ...(member ? { target: { type: 'family_member' as const, id: member.id } } : {}),
        origin: at.origin,
        details,
      }),
    actions: { failed: 'me.sign_in_failed', refused: 'me.sign_in_refused_locked' },
  });
  if (!member) throw new Error('unreachable: an unknown number never passes the PIN check');
  return db.transaction().execute(async (trx) => {
    const actsFor = await proxiesActingFor(trx, {
      communityId,
      principal: { kind: 'family', id: member.id },
    });
    const session = await startPhoneSession(trx, {
      communityId,
      signedInAs: { kind: 'family', id: member.id },
      actingFor: actsFor.length === 1 ? (actsFor[0]?.residentId ?? null) : null,
      remember: input.remember,
      device: at.label,
    });
    await recordAudit(trx, {
      communityId,
      actor: { type: 'family', id: member.id },
      action: 'me.sign_in',
      target: { type: 'phone_session', id: session.sessionId },
      origin: at.origin,
      details: { remember: input.remember },
    });
    return {
      token: session.token,
      expiresAt: session.expiresAt.toISOString(),
      name: member.name,
      actsFor,
    };
  });
}

/** Ends this phone's session: its token works no more. */
export async function signOutPhone(
  db: Kysely<Database>,
  { phone, origin }: { phone: PhoneActor; origin: string },
): Promise<{ ok: true }> {
  await db.transaction().execute(async (trx) => {
    await endPhoneSession(trx, { communityId: phone.communityId, sessionId: phone.sessionId });
    await recordAudit(trx, {
      communityId: phone.communityId,
      actor: { type: phone.signedInAs.kind, id: phone.signedInAs.id },
      action: 'me.sign_out',
      target: { type: 'phone_session', id: phone.sessionId },
      origin,
    });
  });
  return { ok: true };
}
