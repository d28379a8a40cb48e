import { randomUUID } from 'node:crypto';
import type { Database } from '@tally/db/schema';
import type { CorrectionRequest, ResolveCorrectionInput } from '@tally/domain/corrections';
import { DomainError, isDomainError } from '@tally/domain/errors';
import { type Kysely, sql, type Transaction } from 'kysely';
import { type StaffActor, staffLedgerActor } from '../auth/actors';
import { postingKey, runStaffWrite } from '../common/use-case';
import { reverseTransaction } from '../ledger/reverse-transaction';
import { isCountedService } from '../reports/counted-service';
import { creditApprovedService } from '../service/credit-service';
import { getCorrection } from './list-corrections';

type OpenRequest = {
  id: string;
  resident_id: string;
  service_record_id: string | null;
  kind: 'wrong_hours' | 'missing_record';
  proposed_minutes: number | null;
};

type Resolution = {
  correctedMinutes: number | null;
  reversalTransactionId: string | null;
  newRecordId: string | null;
};

/**
 * The office answers a correction request, in one transaction with its audit entry. Declining
 * only records the reason the resident will read. Accepting posts the correction through the
 * ledger's own tools: the disputed credit is reversed and a corrected record is credited by the
 * rule in force, or a missing record is logged for a second reviewer — both linked to the request.
 */
export async function resolveCorrection(
  db: Kysely<Database>,
  {
    staff,
    origin,
    input: { idempotencyKey, ...request },
  }: { staff: StaffActor; origin: string; input: ResolveCorrectionInput },
): Promise<CorrectionRequest> {
  const { communityId } = staff;
  return runStaffWrite(
    db,
    {
      staff,
      origin,
      operation: request.decision === 'accept' ? 'corrections.accept' : 'corrections.decline',
      key: idempotencyKey,
      request,
    },
    async (trx) => {
      const open = await lockOpenRequest(trx, { communityId, id: request.id });
      const resolution: Resolution =
        request.decision === 'decline'
          ? { correctedMinutes: null, reversalTransactionId: null, newRecordId: null }
          : open.kind === 'wrong_hours'
            ? await correctHours(trx, { staff, origin, idempotencyKey, open, request })
            : await logMissingRecord(trx, { staff, open, request });
      await trx
        .updateTable('correction_requests')
        .set({
          status: request.decision === 'accept' ? 'accepted' : 'declined',
          resolved_by: staff.id,
          resolved_at: sql`now()`,
          resolution_reason: request.reason,
          corrected_minutes: resolution.correctedMinutes,
          reversal_transaction_id: resolution.reversalTransactionId,
          new_service_record_id: resolution.newRecordId,
        })
        .where('community_id', '=', communityId)
        .where('id', '=', open.id)
        .execute();
      const resolved = await getCorrection(trx, { communityId, id: open.id });
      if (!resolved) throw new Error(`correction request ${open.id} vanished`);
      return {
        result: resolved,
        audit: {
          target: { type: 'correction_request', id: open.id },
          details: {
            reason: request.reason,
            kind: open.kind,
            residentId: open.resident_id,
            ...resolution,
          },
        },
      };
    },
  );
}

async function lockOpenRequest(
  trx: Transaction<Database>,
  { communityId, id }: { communityId: string; id: string },
): Promise<OpenRequest> {
  const row = await trx
    .selectFrom('correction_requests')
    .select(['id', 'resident_id', 'service_record_id', 'kind', 'proposed_minutes', 'status'])
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw new DomainError('NOT_FOUND', 'That correction request could not be found.');
  if (row.status !== 'open') throw new DomainError('CORRECTION_CLOSED');
  return row;
}

/**
 * Wrong hours: reverse the record's credit and, unless the service should not count at all
 * (0 minutes), credit a corrected record in its place. The corrected record keeps the original
 * logger, so whoever logged the service still cannot be the one who approves the correction.
 */
async function correctHours(
  trx: Transaction<Database>,
  {
    staff,
    origin,
    idempotencyKey,
    open,
    request,
  }: {
    staff: StaffActor;
    origin: string;
    idempotencyKey: string;
    open: OpenRequest;
    request: Omit<ResolveCorrectionInput, 'idempotencyKey'>;
  },
): Promise<Resolution> {
  const { communityId } = staff;
  const corrected = request.correctedMinutes ?? open.proposed_minutes;
  if (corrected === null || corrected === undefined) {
    throw new DomainError(
      'VALIDATION_FAILED',
      'correctedMinutes: Say how many minutes the record should have',
    );
  }
  const original = await trx
    .selectFrom('service_records as s')
    .selectAll('s')
    .select((eb) => [
      isCountedService(eb).as('counted'),
      sql<string>`to_char(s.started_at at time zone (
        select c.time_zone from communities c where c.id = s.community_id
      ), 'YYYY-MM-DD')`.as('service_date'),
    ])
    .where('s.community_id', '=', communityId)
    .where('s.id', '=', open.service_record_id ?? '')
    .forUpdate()
    .executeTakeFirstOrThrow();
  if (!original.counted || !original.transaction_id) throw new DomainError('NOT_CORRECTABLE');
  if (corrected === original.minutes) {
    throw new DomainError(
      'VALIDATION_FAILED',
      `correctedMinutes: The record already says ${corrected} minutes; decline the request instead`,
    );
  }
  if (corrected > 0 && original.logged_by === staff.id) {
    throw new DomainError(
      'SELF_APPROVAL',
      'You logged this service; someone else in the office must approve its correction.',
    );
  }
  // As in service.review: approvals for one resident are serialized, so the daily cap and the
  // first-participation bonus see every credit made before them.
  await sql`select id from residents where community_id = ${communityId} and id = ${original.resident_id}
     for no key update`.execute(trx);
  await trx
    .updateTable('service_records')
    .set({ superseded_by_correction: open.id })
    .where('community_id', '=', communityId)
    .where('id', '=', original.id)
    .execute();
  // The corrected record is credited before the old credit is reversed, so a resident who
  // already spent those points is only short by the difference, if at all.
  const newRecordId = corrected > 0 ? randomUUID() : null;
  if (newRecordId) {
    await trx
      .insertInto('service_records')
      .values({
        community_id: communityId,
        id: newRecordId,
        organization_id: original.organization_id,
        resident_id: original.resident_id,
        activity_title: original.activity_title,
        category: original.category,
        place: original.place,
        started_at: original.started_at,
        minutes: corrected,
        note: `Corrected from ${original.minutes} minutes at the resident's request.`,
        logged_by: original.logged_by,
        correction_request_id: open.id,
      })
      .execute();
    await creditApprovedService(trx, {
      communityId,
      staff,
      origin,
      records: [
        {
          id: newRecordId,
          residentId: original.resident_id,
          activityTitle: original.activity_title,
          category: original.category,
          minutes: corrected,
          serviceDate: original.service_date,
          startedAt: original.started_at,
        },
      ],
      reason: request.reason,
    });
  }
  const reversal = await reverseTransaction(trx, {
    communityId,
    idempotencyKey: postingKey(idempotencyKey, 'reversal'),
    transactionId: original.transaction_id,
    actor: staffLedgerActor(staff, origin),
    reason: `Correction of hours: ${request.reason}`.slice(0, 500),
  }).catch((error: unknown) => {
    if (!isDomainError(error, 'INSUFFICIENT_POINTS')) throw error;
    throw new DomainError(
      'INSUFFICIENT_POINTS',
      'The resident has already spent the points this correction would take back.',
    );
  });
  return { correctedMinutes: corrected, reversalTransactionId: reversal.id, newRecordId };
}

/**
 * A missing record: the office logs it for the resident from the details it checked. It waits
 * in the approval queue for someone else in the office — whoever logs service never approves it.
 */
async function logMissingRecord(
  trx: Transaction<Database>,
  {
    staff,
    open,
    request,
  }: {
    staff: StaffActor;
    open: OpenRequest;
    request: Omit<ResolveCorrectionInput, 'idempotencyKey'>;
  },
): Promise<Resolution> {
  const { communityId } = staff;
  const record = request.record;
  if (!record) {
    throw new DomainError(
      'VALIDATION_FAILED',
      'record: Give the organization, activity, start and minutes of the missing service',
    );
  }
  const member = await trx
    .selectFrom('organization_members')
    .select('resident_id')
    .where('community_id', '=', communityId)
    .where('organization_id', '=', record.organizationId)
    .where('resident_id', '=', open.resident_id)
    .executeTakeFirst();
  if (!member) {
    throw new DomainError(
      'NOT_A_MEMBER',
      'The resident is not a member of that organization (or it could not be found).',
    );
  }
  const newRecordId = randomUUID();
  await trx
    .insertInto('service_records')
    .values({
      community_id: communityId,
      id: newRecordId,
      organization_id: record.organizationId,
      resident_id: open.resident_id,
      activity_title: record.activity.title,
      category: record.activity.category,
      place: record.activity.place,
      started_at: record.startedAt,
      minutes: record.minutes,
      note: "Missing record, logged at the resident's request.",
      logged_by: staff.id,
      correction_request_id: open.id,
    })
    .execute();
  return { correctedMinutes: record.minutes, reversalTransactionId: null, newRecordId };
}
