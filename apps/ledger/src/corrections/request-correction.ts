import { randomUUID } from 'node:crypto';
import type { Database } from '@tally/db/schema';
import type { MyCorrection, RequestCorrectionInput } from '@tally/domain/corrections';
import { DomainError } from '@tally/domain/errors';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { ResidentSession } from '../auth/actors';
import { runResidentWrite } from '../common/use-case';
import { isCountedService } from '../reports/counted-service';
import { correctionRows, toMyCorrection } from './correction-rows';

/**
 * A resident at the kiosk asks the office to correct the hours of one of their own approved
 * records, or to add one that is missing. One open request per record; audited as the kiosk's.
 */
export async function requestCorrection(
  db: Kysely<Database>,
  {
    session,
    origin,
    input: { idempotencyKey, ...request },
  }: { session: ResidentSession; origin: string; input: RequestCorrectionInput },
): Promise<MyCorrection> {
  const { communityId, residentId } = session;
  return runResidentWrite(
    db,
    { session, origin, operation: 'corrections.request', key: idempotencyKey, request },
    async (trx) => {
      if (request.serviceRecordId) {
        await requireCorrectable(trx, { session, serviceRecordId: request.serviceRecordId });
      }
      await requirePlausibleDetails(trx, { communityId, request });
      const id = randomUUID();
      await trx
        .insertInto('correction_requests')
        .values({
          community_id: communityId,
          id,
          resident_id: residentId,
          service_record_id: request.serviceRecordId ?? null,
          kind: request.kind,
          reason: request.reason,
          proposed_minutes: request.proposedMinutes ?? null,
          kiosk_id: session.kioskId,
          by_phone_session: session.phone?.sessionId ?? null,
          organization_id: request.organizationId ?? null,
          service_date: request.serviceDate ?? null,
          activity_title: request.activityTitle ?? null,
        })
        .execute();
      const row = await correctionRows(trx, communityId)
        .where('c.id', '=', id)
        .executeTakeFirstOrThrow();
      return {
        result: toMyCorrection(row),
        audit: {
          target: { type: 'correction_request', id },
          details: {
            residentId,
            kind: request.kind,
            serviceRecordId: request.serviceRecordId ?? null,
            proposedMinutes: request.proposedMinutes ?? null,
            reason: request.reason,
            organizationId: request.organizationId ?? null,
            serviceDate: request.serviceDate ?? null,
            activityTitle: request.activityTitle ?? null,
          },
        },
      };
    },
  );
}

/**
 * A missing record names an organization of this community and a day that has come: another
 * community's organization reads as not found, like any id the kiosk may not see.
 */
async function requirePlausibleDetails(
  trx: Transaction<Database>,
  {
    communityId,
    request,
  }: { communityId: string; request: Omit<RequestCorrectionInput, 'idempotencyKey'> },
): Promise<void> {
  if (request.organizationId) {
    const organization = await trx
      .selectFrom('organizations')
      .select('id')
      .where('community_id', '=', communityId)
      .where('id', '=', request.organizationId)
      .executeTakeFirst();
    if (!organization) throw new DomainError('NOT_FOUND', 'That organization could not be found.');
  }
  if (request.serviceDate) {
    const { rows } = await sql<{ today: string }>`
      select to_char(now() at time zone c.time_zone, 'YYYY-MM-DD') as today
        from communities c where c.id = ${communityId}`.execute(trx);
    const today = rows[0]?.today ?? '';
    if (request.serviceDate > today) {
      throw new DomainError('VALIDATION_FAILED', 'serviceDate: the service day has not come yet');
    }
  }
}

/**
 * Only the resident's own records, approved and still counted, without another open request.
 * Someone else's record reads as not found: a kiosk never confirms what others did.
 */
async function requireCorrectable(
  trx: Transaction<Database>,
  { session, serviceRecordId }: { session: ResidentSession; serviceRecordId: string },
): Promise<void> {
  const record = await trx
    .selectFrom('service_records as s')
    .select(['s.id', 's.status'])
    .select((eb) => isCountedService(eb).as('counted'))
    .where('s.community_id', '=', session.communityId)
    .where('s.id', '=', serviceRecordId)
    .where('s.resident_id', '=', session.residentId)
    .forUpdate()
    .executeTakeFirst();
  if (!record) throw new DomainError('NOT_FOUND', 'That service record could not be found.');
  if (!record.counted) throw new DomainError('NOT_CORRECTABLE');
  const open = await trx
    .selectFrom('correction_requests')
    .select('id')
    .where('community_id', '=', session.communityId)
    .where('service_record_id', '=', serviceRecordId)
    .where('status', '=', 'open')
    .executeTakeFirst();
  if (open) {
    throw new DomainError('DUPLICATE', 'You already asked for this record to be corrected.', {
      correctionId: open.id,
    });
  }
}
