import type { Database } from '@tally/db/schema';
import type {
  CorrectionRequest,
  ListCorrectionsInput,
  MyCorrection,
} from '@tally/domain/corrections';
import type { Kysely } from 'kysely';
import type { ResidentSession } from '../auth/actors';
import { newestFirst, type Page, toTimePage } from '../common/pages';
import { correctionRows, toCorrectionRequest, toMyCorrection } from './correction-rows';

/** The office's queue: correction requests, newest first, optionally by status or resident. */
export async function listCorrections(
  db: Kysely<Database>,
  { communityId, filter }: { communityId: string; filter: ListCorrectionsInput },
): Promise<Page<CorrectionRequest>> {
  let query = newestFirst(correctionRows(db, communityId), {
    time: 'c.requested_at',
    id: 'c.id',
    cursor: filter.cursor,
  }).limit(filter.limit + 1);
  if (filter.status) query = query.where('c.status', '=', filter.status);
  if (filter.residentId) query = query.where('c.resident_id', '=', filter.residentId);
  const page = toTimePage(await query.execute(), filter.limit);
  return { items: page.items.map(toCorrectionRequest), nextCursor: page.nextCursor };
}

export async function getCorrection(
  db: Kysely<Database>,
  { communityId, id }: { communityId: string; id: string },
): Promise<CorrectionRequest | undefined> {
  const row = await correctionRows(db, communityId).where('c.id', '=', id).executeTakeFirst();
  return row ? toCorrectionRequest(row) : undefined;
}

/** A resident's own requests at the kiosk, newest first, with the office's answer. */
export async function myCorrections(
  db: Kysely<Database>,
  {
    session,
    cursor,
    limit,
  }: { session: ResidentSession; cursor?: string | undefined; limit: number },
): Promise<Page<MyCorrection>> {
  const query = newestFirst(
    correctionRows(db, session.communityId).where('c.resident_id', '=', session.residentId),
    { time: 'c.requested_at', id: 'c.id', cursor },
  ).limit(limit + 1);
  const page = toTimePage(await query.execute(), limit);
  return { items: page.items.map(toMyCorrection), nextCursor: page.nextCursor };
}
