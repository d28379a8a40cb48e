import type { Database } from '@tally/db/schema';
import type { ServiceCategory } from '@tally/domain/categories';
import { DomainError } from '@tally/domain/errors';
import type { ListServiceInput, ServiceRecord, ServiceRecordStatus } from '@tally/domain/service';
import type { Kysely } from 'kysely';
import type { StaffActor } from '../auth/actors';
import { cursorTime, newestFirst, type Page, toTimePage } from '../common/pages';
import { accountsLinkedTo } from '../staff/staff-control';
import { reviewFlags } from './review-flags';
import { isoMoment } from './stored-time';

export type ServiceReader = Pick<StaffActor, 'id' | 'communityId' | 'role' | 'organizationIds'>;

/**
 * Service records, most recently logged first, with who logged and reviewed them and the
 * reviewer's flags. The office and auditors read every record of the community; a leader
 * reads the records of the organizations they lead.
 */
export async function listServiceRecords(
  db: Kysely<Database>,
  { staff, filter }: { staff: ServiceReader; filter: ListServiceInput },
): Promise<Page<ServiceRecord>> {
  const organizationIds = visibleOrganizations(staff, filter.organizationId);
  if (organizationIds?.length === 0) return { items: [], nextCursor: null };
  const records = db
    .selectFrom('service_records as r')
    .innerJoin('organizations as o', (j) =>
      j.onRef('o.community_id', '=', 'r.community_id').onRef('o.id', '=', 'r.organization_id'),
    )
    .innerJoin('residents as p', (j) =>
      j.onRef('p.community_id', '=', 'r.community_id').onRef('p.id', '=', 'r.resident_id'),
    )
    .innerJoin('staff_users as l', (j) =>
      j.onRef('l.community_id', '=', 'r.community_id').onRef('l.id', '=', 'r.logged_by'),
    )
    .leftJoin('staff_users as v', (j) =>
      j.onRef('v.community_id', '=', 'r.community_id').onRef('v.id', '=', 'r.reviewed_by'),
    )
    .selectAll('r')
    .select([
      'o.name_zh as organization_name_zh',
      'o.name_en as organization_name_en',
      'p.name as resident_name',
      'p.display_name as resident_display_name',
      'l.display_name as logged_by_name',
      'v.display_name as reviewed_by_name',
      cursorTime('r.logged_at').as('cursor_time'),
    ])
    .where('r.community_id', '=', staff.communityId);
  let query = newestFirst(records, {
    time: 'r.logged_at',
    id: 'r.id',
    cursor: filter.cursor,
  }).limit(filter.limit + 1);
  if (organizationIds) query = query.where('r.organization_id', 'in', organizationIds);
  if (filter.status) query = query.where('r.status', '=', filter.status);
  if (filter.residentId) query = query.where('r.resident_id', '=', filter.residentId);
  if (filter.category) query = query.where('r.category', '=', filter.category);
  if (filter.from) query = query.where('r.started_at', '>=', new Date(filter.from));
  if (filter.to) query = query.where('r.started_at', '<', new Date(filter.to));
  const page = toTimePage(await query.execute(), filter.limit);
  const flags = await reviewFlags(
    db,
    staff.communityId,
    page.items.map((row) => row.id),
  );
  // Maker–checker: records the reader may not review say so, instead of failing on review.
  const linked = await accountsLinkedTo(db, {
    communityId: staff.communityId,
    accountId: staff.id,
    candidateIds: page.items.map((row) => row.logged_by),
  });
  return {
    nextCursor: page.nextCursor,
    items: page.items.map((row) => ({
      id: row.id,
      organization: {
        id: row.organization_id,
        name: { zh: row.organization_name_zh, en: row.organization_name_en },
      },
      resident: {
        id: row.resident_id,
        name: row.resident_name,
        displayName: row.resident_display_name,
      },
      activity: {
        title: row.activity_title,
        category: row.category as ServiceCategory,
        place: row.place,
      },
      startedAt: isoMoment(row.started_at),
      minutes: row.minutes,
      note: row.note,
      status: row.status as ServiceRecordStatus,
      loggedBy: { id: row.logged_by, displayName: row.logged_by_name },
      loggedAt: row.logged_at.toISOString(),
      reviewedBy: row.reviewed_by
        ? { id: row.reviewed_by, displayName: row.reviewed_by_name ?? '' }
        : null,
      reviewedAt: row.reviewed_at?.toISOString() ?? null,
      reason: row.review_reason,
      points: row.points,
      bonusPoints: row.first_participation_bonus,
      ruleVersion: row.rule_version,
      transactionId: row.transaction_id,
      flags: flags.get(row.id) ?? [],
      loggedByLinkedAccount: linked.has(row.logged_by),
    })),
  };
}

/** Which organizations' records the caller may read; undefined means all of the community's. */
function visibleOrganizations(
  staff: ServiceReader,
  organizationId: string | undefined,
): string[] | undefined {
  if (staff.role !== 'leader') return organizationId ? [organizationId] : undefined;
  if (!organizationId) return staff.organizationIds;
  if (!staff.organizationIds.includes(organizationId)) {
    throw new DomainError('FORBIDDEN', 'You can only see the service of organizations you lead.');
  }
  return [organizationId];
}
