import type { Database } from '@tally/db/schema';
import { DomainError } from '@tally/domain/errors';
import type { ReviewServiceInput, ReviewServiceResult } from '@tally/domain/service';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { StaffActor } from '../auth/actors';
import { runStaffWrite } from '../common/use-case';
import { accountsLinkedTo } from '../staff/staff-control';
import { creditApprovedService, type RecordToCredit } from './credit-service';

export type ServiceReviewer = Pick<StaffActor, 'id' | 'communityId' | 'role'>;

type ReviewedRecord = ReviewServiceResult['records'][number];

/**
 * Approves or rejects pending service records, all or none. Only the office reviews, and
 * never a record it logged itself (maker–checker, held by the database too) nor one logged
 * by an account linked to the reviewer's (see staff/staff-control.ts). Each approval
 * posts its own ledger credit under the rule in force.
 */
export async function reviewService(
  db: Kysely<Database>,
  {
    staff,
    origin,
    input: { idempotencyKey, ...request },
  }: { staff: ServiceReviewer; origin: string; input: ReviewServiceInput },
): Promise<ReviewServiceResult> {
  if (staff.role !== 'office') throw new DomainError('FORBIDDEN');
  const { communityId } = staff;
  return runStaffWrite(
    db,
    { staff, origin, operation: 'service.review', key: idempotencyKey, request },
    async (trx) => {
      const records = await lockPendingRecords(trx, {
        communityId,
        reviewerId: staff.id,
        recordIds: request.recordIds,
      });
      const reviewed: ReviewedRecord[] =
        request.decision === 'approve'
          ? await creditApprovedService(trx, {
              communityId,
              staff,
              origin,
              records,
              reason: request.reason ?? null,
            })
          : await rejectRecords(trx, { communityId, staff, records, reason: request.reason ?? '' });
      return {
        result: { records: inRequestOrder(request.recordIds, reviewed) },
        audit: {
          details: {
            decision: request.decision,
            ...(request.reason ? { reason: request.reason } : {}),
            records: reviewed,
          },
        },
      };
    },
  );
}

/**
 * Locks the records (in id order, so two reviews cannot deadlock) and then the residents
 * they belong to, so that concurrent approvals for one resident are serialized: the daily cap
 * and the first-participation bonus must see every credit made before them. Residents are
 * locked `for no key update`, which leaves new service for them free to be logged meanwhile
 * (a foreign-key check only needs a key-share lock).
 */
async function lockPendingRecords(
  trx: Transaction<Database>,
  {
    communityId,
    reviewerId,
    recordIds,
  }: { communityId: string; reviewerId: string; recordIds: string[] },
): Promise<RecordToCredit[]> {
  const rows = await trx
    .selectFrom('service_records')
    .select([
      'id',
      'resident_id',
      'activity_title',
      'category',
      'minutes',
      'started_at',
      'status',
      'logged_by',
      // A subquery, not a join: `for update` then locks the records and nothing else.
      sql<string>`to_char(started_at at time zone (
        select c.time_zone from communities c where c.id = service_records.community_id
      ), 'YYYY-MM-DD')`.as('service_date'),
    ])
    .where('community_id', '=', communityId)
    .where('id', 'in', recordIds)
    .orderBy('id')
    .forUpdate()
    .execute();
  const found = new Set(rows.map((row) => row.id));
  const missing = recordIds.filter((id) => !found.has(id));
  if (missing.length > 0) {
    throw new DomainError('NOT_FOUND', `${someOf(missing.length)} could not be found.`, {
      recordIds: missing,
    });
  }
  const ownRecords = rows.filter((row) => row.logged_by === reviewerId);
  if (ownRecords.length > 0) {
    throw new DomainError(
      'SELF_APPROVAL',
      'You logged some of these records; someone else in the office must review them.',
      { recordIds: ownRecords.map((row) => row.id) },
    );
  }
  const linked = await accountsLinkedTo(trx, {
    communityId,
    accountId: reviewerId,
    candidateIds: rows.map((row) => row.logged_by),
  });
  const linkedRecords = rows.filter((row) => linked.has(row.logged_by));
  if (linkedRecords.length > 0) {
    throw new DomainError('SECOND_REVIEWER_NEEDED', undefined, {
      recordIds: linkedRecords.map((row) => row.id),
    });
  }
  const reviewed = rows.filter((row) => row.status !== 'pending');
  if (reviewed.length > 0) {
    throw new DomainError(
      'ALREADY_REVIEWED',
      `${someOf(reviewed.length)} ${reviewed.length === 1 ? 'was' : 'were'} already reviewed.`,
      {
        recordIds: reviewed.map((row) => row.id),
      },
    );
  }
  const residentIds = [...new Set(rows.map((row) => row.resident_id))].sort();
  await sql`
    select id from residents
     where community_id = ${communityId} and id in (${sql.join(residentIds)})
     order by id
       for no key update`.execute(trx);
  return rows.map((row) => ({
    id: row.id,
    residentId: row.resident_id,
    activityTitle: row.activity_title,
    category: row.category,
    minutes: row.minutes,
    serviceDate: row.service_date,
    startedAt: row.started_at,
  }));
}

async function rejectRecords(
  trx: Transaction<Database>,
  {
    communityId,
    staff,
    records,
    reason,
  }: { communityId: string; staff: ServiceReviewer; records: RecordToCredit[]; reason: string },
) {
  if (!reason) throw new DomainError('VALIDATION_FAILED', 'reason: A rejection needs a reason');
  const recordIds = records.map((record) => record.id);
  await trx
    .updateTable('service_records')
    .set({
      status: 'rejected',
      reviewed_by: staff.id,
      reviewed_at: sql`now()`,
      review_reason: reason,
    })
    .where('community_id', '=', communityId)
    .where('id', 'in', recordIds)
    .execute();
  return recordIds.map((id) => ({ id, status: 'rejected' as const }));
}

/** "One of these records" / "3 of these records", for messages. */
function someOf(n: number): string {
  return n === 1 ? 'One of these records' : `${n} of these records`;
}

function inRequestOrder<T extends { id: string }>(recordIds: string[], reviewed: T[]): T[] {
  const byId = new Map(reviewed.map((record) => [record.id, record]));
  return recordIds.map((id) => {
    const record = byId.get(id);
    if (!record) throw new Error(`service record ${id} was not reviewed`);
    return record;
  });
}
