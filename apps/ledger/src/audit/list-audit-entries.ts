import type { Database } from '@tally/db/schema';
import type { AuditEntry } from '@tally/domain/audit';
import { DomainError } from '@tally/domain/errors';
import type { Kysely } from 'kysely';
import { toPage } from '../common/pages';

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
    action?: string | undefined;
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
    .selectAll('a')
    .select((eb) => eb.fn.coalesce('s.display_name', 'k.name').as('actor_name'))
    .where('a.community_id', '=', communityId)
    .orderBy('a.id', 'desc')
    .limit(limit + 1);
  if (cursor) {
    const before = Number(cursor);
    if (!Number.isSafeInteger(before))
      throw new DomainError('VALIDATION_FAILED', 'cursor: not a page cursor');
    query = query.where('a.id', '<', before);
  }
  if (actorId) query = query.where('a.actor_id', '=', actorId);
  if (action) query = query.where('a.action', '=', action);
  const rows = await query.execute();
  const page = toPage(rows, limit, (row) => String(row.id));
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
      origin: row.origin,
      details: (row.details ?? {}) as Record<string, unknown>,
    })),
  };
}
