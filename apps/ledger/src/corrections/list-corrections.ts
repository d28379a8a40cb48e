import type { Database } from '@tally/db/schema';
import type {
  CorrectionRequest,
  ListCorrectionsInput,
  MyCorrection,
} from '@tally/domain/corrections';
import type { Kysely } from 'kysely';
import type { ResidentSession } from '../auth/actors';
import { type Page, toPage } from '../common/pages';
import { afterCursor, timeCursor } from '../notices/time-cursor';
import { correctionRows, toCorrectionRequest, toMyCorrection } from './correction-rows';

/** The office's queue: correction requests, newest first, optionally by status or resident. */
export async function listCorrections(
  db: Kysely<Database>,
  { communityId, filter }: { communityId: string; filter: ListCorrectionsInput },
): Promise<Page<CorrectionRequest>> {
  let query = correctionRows(db, communityId)
    .orderBy('c.requested_at', 'desc')
    .orderBy('c.id', 'desc')
    .limit(filter.limit + 1);
  if (filter.status) query = query.where('c.status', '=', filter.status);
  if (filter.residentId) query = query.where('c.resident_id', '=', filter.residentId);
  if (filter.cursor) query = query.where(afterCursor('c.requested_at', 'c.id', filter.cursor));
  const page = toPage(await query.execute(), filter.limit, timeCursor);
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
  let query = correctionRows(db, session.communityId)
    .where('c.resident_id', '=', session.residentId)
    .orderBy('c.requested_at', 'desc')
    .orderBy('c.id', 'desc')
    .limit(limit + 1);
  if (cursor) query = query.where(afterCursor('c.requested_at', 'c.id', cursor));
  const page = toPage(await query.execute(), limit, timeCursor);
  return { items: page.items.map(toMyCorrection), nextCursor: page.nextCursor };
}
