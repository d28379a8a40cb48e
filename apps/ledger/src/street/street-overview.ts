import type { Database } from '@tally/db/schema';
import type { StreetOverview } from '@tally/domain/street';
import type { Kysely } from 'kysely';
import type { StaffActor } from '../auth/actors';

export type StreetStaff = StaffActor & { streetId: string };

export async function streetOverview(
  _db: Kysely<Database>,
  _staff: StreetStaff,
): Promise<StreetOverview> {
  throw new Error('not yet');
}

export async function openCommunity(
  _db: Kysely<Database>,
  _args: { staff: StreetStaff; origin: string; communityId: string },
): Promise<StreetOverview> {
  throw new Error('not yet');
}
