import type { Database } from '@tally/db/schema';
import type { StreetInsights, StreetInsightsInput } from '@tally/domain/street';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { StreetStaff } from './street-overview';

export async function streetInsights(
  _db: Kysely<Database>,
  _args: { staff: StreetStaff; input: z.infer<typeof StreetInsightsInput> },
): Promise<StreetInsights> {
  throw new Error('not yet');
}
