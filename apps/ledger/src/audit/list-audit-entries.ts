import type { Database } from '@tally/db/schema';
import type { AuditAction, AuditEntry } from '@tally/domain/audit';
import type { Kysely } from 'kysely';
import { decodeSequenceCursor, toSequencePage } from '../common/pages';
import { idsMentioned, namesOf } from './audit-names';

/** A page of the community's audit log, newest first, with names for the ids it mentions. */
export async function listAuditEntries(
  db: Kysely<Database>,
  {
    communityId,
    cursor,
    limit,
    actorId,
    action,
  }: {
    communityId: string;
    cursor?: string | undefined;
    limit: number;
    actorId?: string | undefined;
    action?: AuditAction | undefined;
  },
): Promise<{ items: AuditEntry[]; nextCursor: string | null }> {
  let query = db
    .selectFrom('audit_log as a')
    .leftJoin('staff_users as s', (j) =>
      j
        .onRef('s.community_id', '=', 'a.community_id')
        .on('a.actor_type', '=', 'staff')
        .on((eb) => eb(eb.cast('s.id', 'text'), '=', eb.ref('a.actor_id'))),
    )
    .leftJoin('kiosks as k', (j) =>
      j
        .onRef('k.community_id', '=', 'a.community_id')
        .on('a.actor_type', '=', 'kiosk')
        .on((eb) => eb(eb.cast('k.id', 'text'), '=', eb.ref('a.actor_id'))),
    )
    // Residents and family members act on the phone app (issue 14).
    .leftJoin('residents as r', (j) =>
      j
        .onRef('r.community_id', '=', 'a.community_id')
        .on('a.actor_type', '=', 'resident')
        .on((eb) => eb(eb.cast('r.id', 'text'), '=', eb.ref('a.actor_id'))),
    )
    .leftJoin('family_members as f', (j) =>
      j
        .onRef('f.community_id', '=', 'a.community_id')
        .on('a.actor_type', '=', 'family')
        .on((eb) => eb(eb.cast('f.id', 'text'), '=', eb.ref('a.actor_id'))),
    )
    .selectAll('a')
    .select((eb) =>
      eb.fn.coalesce('s.display_name', 'k.name', 'r.display_name', 'f.name').as('actor_name'),
    )
    .where('a.community_id', '=', communityId)
    .orderBy('a.id', 'desc')
    .limit(limit + 1);
  if (cursor) query = query.where('a.id', '<', decodeSequenceCursor(cursor));
  if (actorId) query = query.where('a.actor_id', '=', actorId);
  if (action) query = query.where('a.action', '=', action);
  const rows = await query.execute();
  const page = toSequencePage(rows, limit, (row) => row.id);
  const names = await namesOf(db, communityId, page.items.flatMap(idsMentioned));
  return {
    nextCursor: page.nextCursor,
    items: page.items.map((row) => ({
      id: row.id,
      at: row.at.toISOString(),
      actorType: row.actor_type,
      actorId: row.actor_id,
      actorName: row.actor_name,
      action: row.action,
      targetType: row.target_type,
      targetId: row.target_id,
      targetName: row.target_id ? (names.get(row.target_id.toLowerCase()) ?? null) : null,
      origin: row.origin,
      details: (row.details ?? {}) as Record<string, unknown>,
      names: Object.fromEntries(
        idsMentioned(row).flatMap((id) => {
          const name = names.get(id.toLowerCase());
          return name === undefined ? [] : [[id, name]];
        }),
      ),
    })),
  };
}
