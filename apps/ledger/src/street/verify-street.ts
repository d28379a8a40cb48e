import type { Database } from '@tally/db/schema';
import type { StreetVerify } from '@tally/domain/street';
import type { Kysely } from 'kysely';
import type { StreetStaff } from './street-overview';

export async function verifyStreet(
  _db: Kysely<Database>,
  _staff: StreetStaff,
): Promise<StreetVerify> {
  throw new Error('not yet');
}
