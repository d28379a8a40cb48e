import { randomUUID } from 'node:crypto';
import type { Database } from '@tally/db/schema';
import { DomainError } from '@tally/domain/errors';
import type { LogServiceInput, LogServiceResult } from '@tally/domain/service';
import type { Kysely } from 'kysely';
import type { StaffActor } from '../auth/actors';
import { recordAudit } from '../common/audit';
import { runIdempotent } from '../common/idempotency';

export type ServiceLogger = Pick<StaffActor, 'id' | 'communityId' | 'role' | 'organizationIds'>;

/**
 * Logs one activity's sign-in sheet: a pending record per resident, all or none. Leaders log
 * for the organizations they lead, the office for any; every resident must be a member of
 * the organization.
 */
export async function logService(
  db: Kysely<Database>,
  {
    staff,
    origin,
    input: { idempotencyKey, ...request },
  }: { staff: ServiceLogger; origin: string; input: LogServiceInput },
): Promise<LogServiceResult> {
  const { communityId } = staff;
  if (staff.role === 'auditor') throw new DomainError('FORBIDDEN');
  if (staff.role === 'leader' && !staff.organizationIds.includes(request.organizationId)) {
    throw new DomainError('FORBIDDEN', 'You can only log service for organizations you lead.');
  }
  return runIdempotent(
    db,
    { communityId, key: idempotencyKey, operation: 'service.log', request },
    async (trx) => {
      await requireMembers(trx, { communityId, ...request });
      const records = request.residentIds.map((residentId) => ({ id: randomUUID(), residentId }));
      await trx
        .insertInto('service_records')
        .values(
          records.map(({ id, residentId }) => ({
            community_id: communityId,
            id,
            organization_id: request.organizationId,
            resident_id: residentId,
            activity_title: request.activity.title,
            category: request.activity.category,
            place: request.activity.place,
            started_at: request.startedAt,
            minutes: request.minutes,
            note: request.note ?? '',
            logged_by: staff.id,
          })),
        )
        .execute();
      await recordAudit(trx, {
        communityId,
        actor: { type: 'staff', id: staff.id },
        action: 'service.log',
        target: { type: 'organization', id: request.organizationId },
        origin,
        details: {
          recordIds: records.map((r) => r.id),
          residentIds: request.residentIds,
          activity: request.activity,
          startedAt: request.startedAt,
          minutes: request.minutes,
        },
      });
      return { records: records.map((r) => ({ ...r, status: 'pending' as const })) };
    },
  );
}

/** Refuses the whole sheet, naming everyone on it who is not a member of the organization. */
async function requireMembers(
  trx: Kysely<Database>,
  {
    communityId,
    organizationId,
    residentIds,
  }: { communityId: string; organizationId: string; residentIds: string[] },
): Promise<void> {
  const organization = await trx
    .selectFrom('organizations')
    .select('name')
    .where('community_id', '=', communityId)
    .where('id', '=', organizationId)
    .executeTakeFirst();
  if (!organization) throw new DomainError('NOT_FOUND', 'That organization could not be found.');
  const members = await trx
    .selectFrom('organization_members')
    .select('resident_id')
    .where('community_id', '=', communityId)
    .where('organization_id', '=', organizationId)
    .where('resident_id', 'in', residentIds)
    .execute();
  const memberIds = new Set(members.map((m) => m.resident_id));
  const outsiders = residentIds.filter((id) => !memberIds.has(id));
  if (outsiders.length === 0) return;
  // Residents of this community are named; an id from elsewhere is only echoed back.
  const known = await trx
    .selectFrom('residents')
    .select(['id', 'name'])
    .where('community_id', '=', communityId)
    .where('id', 'in', outsiders)
    .execute();
  const names = outsiders.map((id) => known.find((r) => r.id === id)?.name ?? id);
  throw new DomainError(
    'NOT_A_MEMBER',
    `Not members of ${organization.name}: ${names.join(', ')}.`,
    { residentIds: outsiders },
  );
}
