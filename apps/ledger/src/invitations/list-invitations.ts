import type { Database } from '@tally/db/schema';
import type { Invitation, KioskInvitation } from '@tally/domain/invitations';
import type { Kysely } from 'kysely';
import type { ResidentSession, StaffActor } from '../auth/actors';
import { newestFirst, type Page, toTimePage } from '../common/pages';
import { assertMaySee, visibleOrganizationIds } from '../organizations/leadership';
import { assertOrganizationExists } from '../organizations/list-organizations';
import { invitationRows, toInvitation } from './invitation-rows';

/**
 * Invitations waiting for an answer, newest first: the office's queue (and the auditors'
 * view) across the community, or a leader's for the organizations they lead, names masked.
 */
export async function listPendingInvitations(
  db: Kysely<Database>,
  {
    staff,
    organizationId,
    cursor,
    limit,
  }: {
    staff: StaffActor;
    organizationId?: string | undefined;
    cursor?: string | undefined;
    limit: number;
  },
): Promise<Page<Invitation>> {
  const { communityId } = staff;
  if (organizationId) {
    assertMaySee(staff, organizationId);
    await assertOrganizationExists(db, communityId, organizationId);
  }
  const visible = organizationId ? [organizationId] : visibleOrganizationIds(staff);
  if (visible !== null && visible.length === 0) return { items: [], nextCursor: null };
  let query = newestFirst(invitationRows(db, communityId).where('i.status', '=', 'pending'), {
    time: 'i.invited_at',
    id: 'i.id',
    cursor,
  }).limit(limit + 1);
  if (visible !== null) query = query.where('i.organization_id', 'in', visible);
  const page = toTimePage(await query.execute(), limit);
  const maskNames = staff.role === 'leader';
  return {
    items: page.items.map((row) => toInvitation(row, { maskNames })),
    nextCursor: page.nextCursor,
  };
}

/** A resident has a handful of invitations at most; the kiosk shows them all, oldest first. */
const KIOSK_INVITATIONS = 20;

/** The identified resident's own waiting invitations, as the kiosk shows them. */
export async function residentInvitations(
  db: Kysely<Database>,
  { communityId, residentId }: ResidentSession,
): Promise<KioskInvitation[]> {
  const rows = await invitationRows(db, communityId)
    .where('i.resident_id', '=', residentId)
    .where('i.status', '=', 'pending')
    .orderBy('i.invited_at')
    .orderBy('i.id')
    .limit(KIOSK_INVITATIONS)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    organizationName: { zh: row.organization_name_zh, en: row.organization_name_en },
    organizationDescription: {
      zh: row.organization_description_zh,
      en: row.organization_description_en,
    },
    invitedBy: row.invited_by_name,
    invitedAt: row.invited_at.toISOString(),
  }));
}
