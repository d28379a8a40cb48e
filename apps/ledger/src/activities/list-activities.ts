import type { Database } from '@tally/db/schema';
import type { ListActivitiesInput, StaffActivity } from '@tally/domain/activities';
import { DomainError } from '@tally/domain/errors';
import type { Kysely } from 'kysely';
import type { StaffActor } from '../auth/actors';
import { cursorTime, newestFirst, type Page, toTimePage } from '../common/pages';
import { assertMaySee, visibleOrganizationIds } from '../organizations/leadership';
import { activitiesWithCounts, findStaffActivity, toStaffActivity } from './activity-rows';

export type ActivityReader = Pick<StaffActor, 'communityId' | 'role' | 'organizationIds'>;

/**
 * Activities, latest start first, with their counts. The office and auditors read every
 * activity of the community; a leader, those of the organizations they lead.
 */
export async function listActivities(
  db: Kysely<Database>,
  { staff, filter }: { staff: ActivityReader; filter: ListActivitiesInput },
): Promise<Page<StaffActivity>> {
  const visible = visibleOrganizationIds(staff);
  if (filter.organizationId && visible && !visible.includes(filter.organizationId)) {
    throw new DomainError(
      'FORBIDDEN',
      'You can only see the activities of organizations you lead.',
    );
  }
  const organizationIds = filter.organizationId ? [filter.organizationId] : visible;
  if (organizationIds?.length === 0) return { items: [], nextCursor: null };
  let query = newestFirst(
    activitiesWithCounts(db, staff.communityId).select(cursorTime('a.starts_at').as('cursor_time')),
    { time: 'a.starts_at', id: 'a.id', cursor: filter.cursor },
  ).limit(filter.limit + 1);
  if (organizationIds) query = query.where('a.organization_id', 'in', organizationIds);
  if (filter.status) query = query.where('a.status', '=', filter.status);
  if (filter.from) query = query.where('a.starts_at', '>=', new Date(filter.from));
  if (filter.to) query = query.where('a.starts_at', '<', new Date(filter.to));
  const page = toTimePage(await query.execute(), filter.limit);
  return { items: page.items.map(toStaffActivity), nextCursor: page.nextCursor };
}

/** One activity, for the office, auditors and the leaders of its organization. */
export async function getActivity(
  db: Kysely<Database>,
  { staff, id }: { staff: ActivityReader; id: string },
): Promise<StaffActivity> {
  const activity = await findStaffActivity(db, { communityId: staff.communityId, id });
  assertMaySee(staff, activity.organization.id);
  return activity;
}
