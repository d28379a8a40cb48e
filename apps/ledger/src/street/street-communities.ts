import type { Database } from '@tally/db/schema';
import type {
  CreateCommunityInput,
  SetCommunityActiveInput,
  StreetCommunity,
} from '@tally/domain/street';
import type { Kysely } from 'kysely';
import type { StreetStaff } from './street-overview';

export async function createStreetCommunity(
  _db: Kysely<Database>,
  _args: { staff: StreetStaff; origin: string; input: CreateCommunityInput },
): Promise<StreetCommunity> {
  throw new Error('not yet');
}

export async function setCommunityActive(
  _db: Kysely<Database>,
  _args: { staff: StreetStaff; origin: string; input: SetCommunityActiveInput; active: boolean },
): Promise<StreetCommunity> {
  throw new Error('not yet');
}
