import { randomUUID } from 'node:crypto';
import type { Database } from '@tally/db/schema';
import { DomainError } from '@tally/domain/errors';
import type { ProxyLink } from '@tally/domain/me';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { PhonePrincipal, StaffActor } from '../auth/actors';
import { hashSecret } from '../auth/secrets';
import { runStaffWrite } from '../common/use-case';
import { findCard } from '../kiosk/identify-resident';

type Db = Kysely<Database> | Transaction<Database>;

/** The residents someone who signed in may act for through a live proxy link, by name. */
export async function proxiesActingFor(
  db: Db,
  {
    communityId,
    principal,
  }: { communityId: string; principal: Pick<PhonePrincipal, 'kind' | 'id'> },
): Promise<{ residentId: string; displayName: string }[]> {
  const rows = await db
    .selectFrom('resident_proxies as p')
    .innerJoin('residents as r', (j) =>
      j.onRef('r.community_id', '=', 'p.community_id').onRef('r.id', '=', 'p.resident_id'),
    )
    .select(['r.id', 'r.display_name'])
    .where('p.community_id', '=', communityId)
    .where('p.removed_at', 'is', null)
    .where(
      principal.kind === 'resident' ? 'p.proxy_resident_id' : 'p.family_member_id',
      '=',
      principal.id,
    )
    .orderBy('r.display_name')
    .execute();
  return rows.map((row) => ({ residentId: row.id, displayName: row.display_name }));
}

/** Who may act for a resident: their live proxy links, oldest first. */
export async function proxiesOf(
  db: Db,
  { communityId, residentId }: { communityId: string; residentId: string },
): Promise<ProxyLink[]> {
  const rows = await db
    .selectFrom('resident_proxies as p')
    .leftJoin('residents as r', (j) =>
      j.onRef('r.community_id', '=', 'p.community_id').onRef('r.id', '=', 'p.proxy_resident_id'),
    )
    .leftJoin('family_members as f', (j) =>
      j.onRef('f.community_id', '=', 'p.community_id').onRef('f.id', '=', 'p.family_member_id'),
    )
    .select([
      'p.id',
      'p.proxy_resident_id',
      'p.added_by',
      'p.reason',
      'p.created_at',
      'r.display_name',
      'r.card_number',
      'f.name',
      'f.phone',
    ])
    .where('p.community_id', '=', communityId)
    .where('p.resident_id', '=', residentId)
    .where('p.removed_at', 'is', null)
    .orderBy('p.created_at')
    .orderBy('p.id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    kind: row.proxy_resident_id ? 'resident' : 'family',
    displayName: row.display_name ?? row.name ?? '',
    contact: row.proxy_resident_id ? (row.card_number ?? '') : maskPhone(row.phone ?? ''),
    addedAt: row.created_at.toISOString(),
    addedBy: row.added_by,
    reason: row.reason,
  }));
}

/** 138****5678: enough for the resident to know which number, not enough to call it. */
export function maskPhone(phone: string): string {
  if (phone.length <= 7) return `${phone.slice(0, 2)}****`;
  return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
}

/** The resident another resident's card number names, as a proxy: never the resident themself. */
async function proxyResidentByCard(
  trx: Db,
  {
    communityId,
    residentId,
    cardNumber,
  }: { communityId: string; residentId: string; cardNumber: string },
): Promise<string> {
  const card = await findCard(trx as Kysely<Database>, { communityId, typed: cardNumber });
  if (!card) throw new DomainError('NOT_FOUND', 'No resident has that card number.');
  if (card.id === residentId) {
    throw new DomainError('VALIDATION_FAILED', 'A resident cannot be their own proxy.');
  }
  return card.id;
}

/** Links a proxy; a link that is already live is ALREADY_A_PROXY. */
async function insertLink(
  trx: Db,
  link: {
    communityId: string;
    residentId: string;
    proxyResidentId: string | null;
    familyMemberId: string | null;
    addedBy: 'resident' | 'office';
    staffId: string | null;
    reason: string | null;
  },
): Promise<string> {
  const id = randomUUID();
  const inserted = await trx
    .insertInto('resident_proxies')
    .values({
      community_id: link.communityId,
      id,
      resident_id: link.residentId,
      proxy_resident_id: link.proxyResidentId,
      family_member_id: link.familyMemberId,
      added_by: link.addedBy,
      added_by_staff: link.staffId,
      reason: link.reason,
    })
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) throw new DomainError('ALREADY_A_PROXY');
  return id;
}

/** The resident links another resident as their proxy (their PIN was checked by the caller). */
export async function linkResidentProxy(
  trx: Transaction<Database>,
  {
    communityId,
    residentId,
    cardNumber,
  }: { communityId: string; residentId: string; cardNumber: string },
): Promise<ProxyLink> {
  const proxyResidentId = await proxyResidentByCard(trx, { communityId, residentId, cardNumber });
  const id = await insertLink(trx, {
    communityId,
    residentId,
    proxyResidentId,
    familyMemberId: null,
    addedBy: 'resident',
    staffId: null,
    reason: null,
  });
  return proxyById(trx, { communityId, residentId, id });
}

async function proxyById(
  trx: Db,
  { communityId, residentId, id }: { communityId: string; residentId: string; id: string },
): Promise<ProxyLink> {
  const proxy = (await proxiesOf(trx, { communityId, residentId })).find((p) => p.id === id);
  if (!proxy) throw new Error(`proxy link ${id} vanished in its own transaction`);
  return proxy;
}

/** Ends a live proxy link of this resident, naming the proxy; null when there was none to end. */
export async function unlinkProxy(
  trx: Db,
  {
    communityId,
    residentId,
    proxyId,
  }: { communityId: string; residentId: string; proxyId: string },
): Promise<{ proxyName: string } | null> {
  const ended = await trx
    .updateTable('resident_proxies')
    .set({ removed_at: sql`now()` })
    .where('community_id', '=', communityId)
    .where('resident_id', '=', residentId)
    .where('id', '=', proxyId)
    .where('removed_at', 'is', null)
    .returning(['proxy_resident_id', 'family_member_id'])
    .executeTakeFirst();
  if (!ended) return null;
  const named = ended.proxy_resident_id
    ? await trx
        .selectFrom('residents')
        .select('display_name as name')
        .where('community_id', '=', communityId)
        .where('id', '=', ended.proxy_resident_id)
        .executeTakeFirst()
    : await trx
        .selectFrom('family_members')
        .select('name')
        .where('community_id', '=', communityId)
        .where('id', '=', ended.family_member_id ?? '')
        .executeTakeFirst();
  return { proxyName: named?.name ?? '' };
}

/**
 * The office links a proxy for a resident who cannot do it themself, with a reason: another
 * resident by card, or a family member it registers now (name, phone and their own PIN). A phone
 * number already registered is that family member again, and keeps their PIN.
 */
export function officeAddProxy(
  db: Kysely<Database>,
  {
    staff,
    origin,
    input,
  }: {
    staff: StaffActor;
    origin: string;
    input: {
      idempotencyKey: string;
      residentId: string;
      reason: string;
      proxy: { cardNumber: string } | { family: { name: string; phone: string; pin: string } };
    };
  },
): Promise<ProxyLink> {
  const { communityId } = staff;
  const { idempotencyKey, proxy, ...rest } = input;
  // The PIN is never part of the stored request (nor the audit entry).
  const request = {
    ...rest,
    proxy: 'cardNumber' in proxy ? proxy : { name: proxy.family.name, phone: proxy.family.phone },
  };
  return runStaffWrite(
    db,
    { staff, origin, operation: 'residents.addProxy', key: idempotencyKey, request },
    async (trx) => {
      const resident = await trx
        .selectFrom('residents')
        .select('id')
        .where('community_id', '=', communityId)
        .where('id', '=', input.residentId)
        .executeTakeFirst();
      if (!resident) throw new DomainError('NOT_FOUND', 'That resident could not be found.');
      let proxyResidentId: string | null = null;
      let familyMemberId: string | null = null;
      if ('cardNumber' in proxy) {
        proxyResidentId = await proxyResidentByCard(trx, {
          communityId,
          residentId: input.residentId,
          cardNumber: proxy.cardNumber,
        });
      } else {
        familyMemberId = await registerFamilyMember(trx, { staff, ...proxy.family });
      }
      const id = await insertLink(trx, {
        communityId,
        residentId: input.residentId,
        proxyResidentId,
        familyMemberId,
        addedBy: 'office',
        staffId: staff.id,
        reason: input.reason,
      });
      const result = await proxyById(trx, { communityId, residentId: input.residentId, id });
      return {
        result,
        audit: {
          target: { type: 'resident', id: input.residentId },
          details: {
            proxyId: id,
            kind: result.kind,
            proxyName: result.displayName,
            reason: input.reason,
          },
        },
      };
    },
  );
}

async function registerFamilyMember(
  trx: Transaction<Database>,
  { staff, name, phone, pin }: { staff: StaffActor; name: string; phone: string; pin: string },
): Promise<string> {
  const known = await trx
    .selectFrom('family_members')
    .select('id')
    .where('community_id', '=', staff.communityId)
    .where('phone', '=', phone)
    .executeTakeFirst();
  if (known) return known.id;
  const id = randomUUID();
  await trx
    .insertInto('family_members')
    .values({
      community_id: staff.communityId,
      id,
      name,
      phone,
      pin_hash: await hashSecret(pin),
      registered_by: staff.id,
    })
    .execute();
  return id;
}

/** The office ends a proxy link (the resident asked, or the family member no longer helps). */
export function officeRemoveProxy(
  db: Kysely<Database>,
  {
    staff,
    origin,
    input: { idempotencyKey, residentId, proxyId },
  }: {
    staff: StaffActor;
    origin: string;
    input: { idempotencyKey: string; residentId: string; proxyId: string };
  },
): Promise<{ removed: boolean }> {
  return runStaffWrite(
    db,
    {
      staff,
      origin,
      operation: 'residents.removeProxy',
      key: idempotencyKey,
      request: { residentId, proxyId },
    },
    async (trx) => {
      const ended = await unlinkProxy(trx, {
        communityId: staff.communityId,
        residentId,
        proxyId,
      });
      return {
        result: { removed: ended !== null },
        audit: ended
          ? { target: { type: 'resident', id: residentId }, details: { proxyId, ...ended } }
          : null,
      };
    },
  );
}
