import type { Database } from '@tally/db/schema';
import type { Invitation } from '@tally/domain/invitations';
import { maskName } from '@tally/domain/masked-name';
import type { Kysely } from 'kysely';
import { cursorTime } from '../common/pages';

/** Invitations with their organization, the invited resident and who invited them. */
export function invitationRows(db: Kysely<Database>, communityId: string) {
  return db
    .selectFrom('membership_invitations as i')
    .innerJoin('organizations as o', (join) =>
      join.onRef('o.community_id', '=', 'i.community_id').onRef('o.id', '=', 'i.organization_id'),
    )
    .innerJoin('residents as r', (join) =>
      join.onRef('r.community_id', '=', 'i.community_id').onRef('r.id', '=', 'i.resident_id'),
    )
    .innerJoin('staff_users as s', (join) =>
      join.onRef('s.community_id', '=', 'i.community_id').onRef('s.id', '=', 'i.invited_by'),
    )
    .select([
      'i.id',
      'i.status',
      'i.invited_at',
      'i.closed_at',
      'i.closed_via',
      'o.id as organization_id',
      'o.name_zh as organization_name_zh',
      'o.name_en as organization_name_en',
      'o.description_zh as organization_description_zh',
      'o.description_en as organization_description_en',
      'r.id as resident_id',
      'r.card_number',
      'r.display_name',
      's.id as invited_by_id',
      's.display_name as invited_by_name',
      cursorTime('i.invited_at').as('cursor_time'),
    ])
    .where('i.community_id', '=', communityId);
}

export type InvitationRow = Awaited<
  ReturnType<ReturnType<typeof invitationRows>['executeTakeFirstOrThrow']>
>;

/**
 * An invitation as staff see it. Leaders see the invitee's name masked: until the resident
 * joins, a leader knows no more of them than the card in their hand tells.
 */
export function toInvitation(
  row: InvitationRow,
  { maskNames }: { maskNames: boolean },
): Invitation {
  return {
    id: row.id,
    organization: {
      id: row.organization_id,
      name: { zh: row.organization_name_zh, en: row.organization_name_en },
    },
    resident: {
      id: row.resident_id,
      cardNumber: row.card_number,
      displayName: maskNames ? maskName(row.display_name) : row.display_name,
      nameMasked: maskNames,
    },
    invitedBy: { id: row.invited_by_id, displayName: row.invited_by_name },
    invitedAt: row.invited_at.toISOString(),
    status: row.status,
    closedAt: row.closed_at?.toISOString() ?? null,
    closedVia: row.closed_via,
  };
}
