import type { Database, ResidentsTable } from '@tally/db/schema';
import type { ResidentDetail, UpdateResidentInput } from '@tally/domain/residents';
import type { Kysely, Updateable } from 'kysely';
import type { StaffActor } from '../auth/actors';
import { changeResident } from './change-resident';

/** The office corrects a resident's details or records their consent to be named publicly. */
export async function updateResident(
  db: Kysely<Database>,
  {
    staff,
    origin,
    input: { idempotencyKey, id, ...fields },
  }: { staff: StaffActor; origin: string; input: UpdateResidentInput },
): Promise<ResidentDetail> {
  const changes: Updateable<ResidentsTable> = {};
  if (fields.name !== undefined) changes.name = fields.name;
  if (fields.displayName !== undefined) changes.display_name = fields.displayName;
  if (fields.showName !== undefined) changes.show_name = fields.showName;
  if (fields.building !== undefined) changes.building = fields.building;
  if (fields.birthYear !== undefined) changes.birth_year = fields.birthYear;
  return changeResident(db, {
    staff,
    origin,
    idempotencyKey,
    operation: 'residents.update',
    request: { id, ...fields },
    residentId: id,
    changes,
    // Which details changed, not their values: the audit log is no second copy of personal data.
    details: {
      changed: Object.keys(fields),
      ...(fields.showName !== undefined ? { showName: fields.showName } : {}),
    },
  });
}
