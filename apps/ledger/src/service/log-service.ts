import { randomUUID } from 'node:crypto';
import type { Database } from '@tally/db/schema';
import { DomainError } from '@tally/domain/errors';
import { inLanguage } from '@tally/domain/localized-text';
import type { Activity, LogServiceInput, LogServiceResult } from '@tally/domain/service';
import type { Kysely } from 'kysely';
import type { StaffActor } from '../auth/actors';
import { runStaffWrite } from '../common/use-case';

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
  return runStaffWrite(
    db,
    { staff, origin, operation: 'service.log', key: idempotencyKey, request },
    async (trx) => {
      await requireMembers(trx, { communityId, ...request });
      const records = await writePendingRecords(trx, {
        communityId,
        loggedBy: staff.id,
        organizationId: request.organizationId,
        activity: request.activity,
        entries: request.residentIds.map((residentId) => ({
          residentId,
          startedAt: request.startedAt,
          minutes: request.minutes,
          note: request.note ?? '',
        })),
      });
      return {
        result: {
          records: records.map(({ id, residentId }) => ({
            id,
            residentId,
            status: 'pending' as const,
          })),
        },
        audit: {
          target: { type: 'organization', id: request.organizationId },
          details: {
            recordIds: records.map((r) => r.id),
            residentIds: request.residentIds,
            activity: request.activity,
            startedAt: request.startedAt,
            minutes: request.minutes,
          },
        },
      };
    },
  );
}

export type SheetEntry = {
  residentId: string;
  startedAt: string | Date;
  minutes: number;
  note: string;
};

/**
 * Writes a sign-in sheet's pending records: the one way service enters review, whether a
 * leader typed the sheet or a closed activity's attendance wrote it (`activityId`). Whoever
 * logs is the maker; the office's review, its flags and maker–checker apply alike.
 */
export async function writePendingRecords(
  trx: Kysely<Database>,
  {
    communityId,
    loggedBy,
    organizationId,
    activity,
    activityId = null,
    entries,
  }: {
    communityId: string;
    loggedBy: string;
    organizationId: string;
    activity: Activity;
    activityId?: string | null;
    entries: SheetEntry[];
  },
): Promise<{ id: string; residentId: string; minutes: number }[]> {
  const records = entries.map((entry) => ({ id: randomUUID(), ...entry }));
  if (records.length === 0) return [];
  await trx
    .insertInto('service_records')
    .values(
      records.map((record) => ({
        community_id: communityId,
        id: record.id,
        organization_id: organizationId,
        resident_id: record.residentId,
        activity_title: activity.title,
        category: activity.category,
        place: activity.place,
        started_at: record.startedAt,
        minutes: record.minutes,
        note: record.note,
        logged_by: loggedBy,
        activity_id: activityId,
      })),
    )
    .execute();
  return records.map(({ id, residentId, minutes }) => ({ id, residentId, minutes }));
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
    .select(['name_zh', 'name_en'])
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
    `Not members of ${inLanguage({ zh: organization.name_zh, en: organization.name_en }, 'en')}: ${names.join(', ')}.`,
    { residentIds: outsiders },
  );
}
