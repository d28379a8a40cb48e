import { randomUUID } from 'node:crypto';
import type { Database, ServiceRecordStatus } from '@tally/db/schema';
import type { ServiceCategory } from '@tally/domain/categories';
import type { Kysely } from 'kysely';

// Service records written straight to their table, with exactly the times,
// statuses and points a hand-computed report needs (the service.* procedures
// stamp the real clock and post credits, which these reports do not read).

export type GivenServiceRecord = {
  organizationId: string;
  residentId: string;
  /** Who logged it (a leader or the office). */
  loggedBy: string;
  startedAt: string;
  minutes: number;
  status?: ServiceRecordStatus;
  category?: ServiceCategory;
  /** Reviewer of an approved or rejected record (never the logger). */
  reviewedBy?: string;
  points?: number;
  activityTitle?: string;
  place?: string;
  reviewReason?: string;
};

export async function givenServiceRecord(
  db: Kysely<Database>,
  communityId: string,
  record: GivenServiceRecord,
): Promise<string> {
  const id = randomUUID();
  const status = record.status ?? 'approved';
  const reviewed = status !== 'pending';
  await db
    .insertInto('service_records')
    .values({
      community_id: communityId,
      id,
      organization_id: record.organizationId,
      resident_id: record.residentId,
      activity_title: record.activityTitle ?? 'Reading club',
      category: record.category ?? 'culture',
      place: record.place ?? 'Community hall',
      started_at: record.startedAt,
      minutes: record.minutes,
      status,
      logged_by: record.loggedBy,
      logged_at: record.startedAt,
      reviewed_by: reviewed ? (record.reviewedBy ?? null) : null,
      reviewed_at: reviewed ? record.startedAt : null,
      review_reason: status === 'rejected' ? (record.reviewReason ?? 'Not our activity') : null,
      points: status === 'approved' ? (record.points ?? record.minutes) : null,
    })
    .execute();
  return id;
}
