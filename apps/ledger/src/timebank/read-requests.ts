import type { Database } from '@tally/db/schema';
import { DomainError } from '@tally/domain/errors';
import type {
  ClaimStatus,
  HelpClaim,
  HelpKind,
  HelpOffer,
  HelpOfferPage,
  HelpRequest,
  HelpRequestPage,
  ListHelpOffersInput,
  ListHelpRequestsInput,
  TimeBankBoard,
} from '@tally/domain/timebank';
import { type Kysely, sql } from 'kysely';
import { cursorTime, newestFirst, toTimePage } from '../common/pages';
import type { Party } from '../trpc';
import { creditBalance, poolEligible } from './credit-accounts';
import { communityOf } from './help-rows';

type Db = Kysely<Database>;

const LIVE: ClaimStatus[] = ['claimed', 'proposed', 'disputed', 'confirmed'];

function selectRequests(db: Db, communityId: string) {
  return db
    .selectFrom('help_requests as q')
    .innerJoin('residents as r', (join) =>
      join.onRef('r.community_id', '=', 'q.community_id').onRef('r.id', '=', 'q.resident_id'),
    )
    .select([
      'q.id',
      'q.kind',
      'q.description',
      'q.needed_at',
      'q.place',
      'q.minutes_estimate',
      'q.helpers_needed',
      'q.status',
      'q.resident_id',
      'q.via',
      'q.reason',
      'q.show_on_board',
      'q.cancel_reason',
      'q.created_at',
      'r.display_name as requester_name',
      'r.building',
      cursorTime('q.created_at').as('cursor_time'),
    ])
    .where('q.community_id', '=', communityId);
}

type RequestRow = Awaited<ReturnType<ReturnType<typeof selectRequests>['execute']>>[number];

/**
 * Requests as the reader may see them. The office sees every request whole. A resident sees the
 * open requests of others (`open`), their own (`mine`) or those they claimed (`helping`); a
 * neighbour who has not claimed a request never learns who asked, exactly where, or whom to call.
 */
export async function listRequests(
  db: Db,
  party: Party,
  input: ListHelpRequestsInput,
): Promise<HelpRequestPage> {
  const communityId = communityOf(party);
  let query = selectRequests(db, communityId);
  if (input.status) query = query.where('q.status', '=', input.status);
  if (input.kind) query = query.where('q.kind', '=', input.kind);
  if (party.staff) {
    if (input.disputed) {
      query = query.where(({ exists, selectFrom }) =>
        exists(
          selectFrom('help_claims as c')
            .select('c.helper_id')
            .whereRef('c.community_id', '=', 'q.community_id')
            .whereRef('c.request_id', '=', 'q.id')
            .where('c.status', '=', 'disputed'),
        ),
      );
    }
  } else {
    const me = party.resident.residentId;
    const view = input.view ?? 'open';
    const myClaim = sql<boolean>`exists (select 1 from help_claims c
      where c.community_id = q.community_id and c.request_id = q.id and c.helper_id = ${me})`;
    if (view === 'mine') query = query.where('q.resident_id', '=', me);
    else if (view === 'helping') query = query.where(myClaim);
    else {
      query = query
        .where('q.resident_id', '!=', me)
        .where('q.status', '=', 'open')
        .where(sql<boolean>`not ${myClaim}`);
    }
  }
  const rows = await newestFirst(query, { time: 'q.created_at', id: 'q.id', cursor: input.cursor })
    .limit(input.limit + 1)
    .execute();
  const page = toTimePage(rows, input.limit);
  return { items: await shapeRequests(db, party, page.items), nextCursor: page.nextCursor };
}

/** One request as the reader may see it; a neighbour may see only an open one. */
export async function getRequest(db: Db, party: Party, id: string): Promise<HelpRequest> {
  const row = await selectRequests(db, communityOf(party))
    .where('q.id', '=', id)
    .executeTakeFirst();
  const [shaped] = row ? await shapeRequests(db, party, [row]) : [];
  if (!shaped || (shaped.role === 'neighbour' && shaped.status !== 'open')) {
    throw new DomainError('NOT_FOUND', 'That request for help could not be found.');
  }
  return shaped;
}

async function shapeRequests(db: Db, party: Party, rows: RequestRow[]): Promise<HelpRequest[]> {
  if (rows.length === 0) return [];
  const communityId = communityOf(party);
  const ids = rows.map((row) => row.id);
  const claims = await db
    .selectFrom('help_claims as c')
    .innerJoin('residents as h', (join) =>
      join.onRef('h.community_id', '=', 'c.community_id').onRef('h.id', '=', 'c.helper_id'),
    )
    .selectAll('c')
    .select('h.display_name as helper_name')
    .where('c.community_id', '=', communityId)
    .where('c.request_id', 'in', ids)
    .orderBy('c.claimed_at')
    .execute();
  // Whom a helper may call: the phone of a family member who acts for the requester.
  const requesters = [...new Set(rows.map((row) => row.resident_id))];
  const phones = await db
    .selectFrom('resident_proxies as p')
    .innerJoin('family_members as f', (join) =>
      join.onRef('f.community_id', '=', 'p.community_id').onRef('f.id', '=', 'p.family_member_id'),
    )
    .select(['p.resident_id', 'f.phone'])
    .where('p.community_id', '=', communityId)
    .where('p.resident_id', 'in', requesters)
    .where('p.removed_at', 'is', null)
    .orderBy('p.created_at')
    .execute();
  const eligible = new Map<string, boolean>();
  for (const residentId of requesters) {
    eligible.set(residentId, await poolEligible(db, communityId, residentId));
  }
  const me = party.resident?.residentId;
  return rows.map((row) => {
    const mine = claims.filter((c) => c.request_id === row.id);
    const myClaim = me ? mine.find((c) => c.helper_id === me) : undefined;
    const role: HelpRequest['role'] = party.staff
      ? 'office'
      : row.resident_id === me
        ? 'requester'
        : myClaim && LIVE.includes(myClaim.status)
          ? 'helper'
          : 'neighbour';
    const seesAll = role === 'office' || role === 'requester';
    const seesWho = seesAll || role === 'helper';
    const visible = seesAll ? mine : myClaim ? [myClaim] : [];
    const live = mine.filter((c) => LIVE.includes(c.status)).length;
    return {
      id: row.id,
      kind: row.kind as HelpKind,
      description: row.description,
      when: row.needed_at?.toISOString() ?? null,
      building: row.building,
      place: seesWho ? row.place : null,
      minutesEstimate: row.minutes_estimate,
      helpersNeeded: row.helpers_needed,
      placesLeft: row.status === 'open' ? Math.max(0, row.helpers_needed - live) : 0,
      status: row.status,
      requesterId: seesWho ? row.resident_id : null,
      requesterName: seesWho ? row.requester_name : null,
      contactPhone: seesWho
        ? (phones.find((p) => p.resident_id === row.resident_id)?.phone ?? null)
        : null,
      via: row.via,
      reason: role === 'office' ? row.reason : null,
      poolEligible: seesAll ? (eligible.get(row.resident_id) ?? false) : false,
      showOnBoard: row.show_on_board,
      cancelReason: seesWho ? row.cancel_reason : null,
      createdAt: row.created_at.toISOString(),
      claims: visible.map(
        (c): HelpClaim => ({
          helperId: c.helper_id,
          helperName: c.helper_name,
          status: c.status,
          proposedMinutes: c.proposed_minutes,
          minutes: c.minutes,
          poolMinutes: c.pool_minutes,
          pointsEarned: c.points_earned,
          transactionId: c.transaction_id,
          reversalId: c.reversal_id,
          disputeReason: c.dispute_reason,
          disputedBy: c.disputed_by,
          resolution: c.resolution,
          claimedAt: c.claimed_at.toISOString(),
          settledAt: c.settled_at?.toISOString() ?? null,
        }),
      ),
      role,
    };
  });
}

/** Offers of help: made to be seen, with the offering resident's name and building. */
export async function listOffers(
  db: Db,
  party: Party,
  input: ListHelpOffersInput,
): Promise<HelpOfferPage> {
  const communityId = communityOf(party);
  const me = party.resident?.residentId;
  let query = db
    .selectFrom('help_offers as o')
    .innerJoin('residents as r', (join) =>
      join.onRef('r.community_id', '=', 'o.community_id').onRef('r.id', '=', 'o.resident_id'),
    )
    .select([
      'o.id',
      'o.kind',
      'o.description',
      'o.available',
      'o.resident_id',
      'o.status',
      'o.created_at',
      'r.display_name',
      'r.building',
      cursorTime('o.created_at').as('cursor_time'),
    ])
    .where('o.community_id', '=', communityId);
  if (input.kind) query = query.where('o.kind', '=', input.kind);
  if (input.mine && me) query = query.where('o.resident_id', '=', me);
  // Residents see offers still open; the office sees the withdrawn ones too.
  if (!party.staff) query = query.where('o.status', '=', 'open');
  const rows = await newestFirst(query, { time: 'o.created_at', id: 'o.id', cursor: input.cursor })
    .limit(input.limit + 1)
    .execute();
  const page = toTimePage(rows, input.limit);
  return {
    items: page.items.map(
      (row): HelpOffer => ({
        id: row.id,
        kind: row.kind as HelpKind,
        description: row.description,
        when: row.available,
        residentId: row.resident_id,
        residentName: row.display_name,
        building: row.building,
        status: row.status,
        mine: row.resident_id === me,
        createdAt: row.created_at.toISOString(),
      }),
    ),
    nextCursor: page.nextCursor,
  };
}

/**
 * The notice board's time bank: exchanges of the last 60 days both parties agreed to show, this
 * month's exchanges and minutes (the community's calendar), and the care pool's balance.
 */
export async function timeBankBoard(db: Db, communityId: string): Promise<TimeBankBoard> {
  const confirmed = db
    .selectFrom('help_claims as c')
    .innerJoin('help_requests as q', (join) =>
      join.onRef('q.community_id', '=', 'c.community_id').onRef('q.id', '=', 'c.request_id'),
    )
    .where('c.community_id', '=', communityId)
    .where('c.status', '=', 'confirmed');
  const [exchanges, month, poolBalance] = await Promise.all([
    confirmed
      .innerJoin('residents as r', (join) =>
        join.onRef('r.community_id', '=', 'q.community_id').onRef('r.id', '=', 'q.resident_id'),
      )
      .innerJoin('residents as h', (join) =>
        join.onRef('h.community_id', '=', 'c.community_id').onRef('h.id', '=', 'c.helper_id'),
      )
      .select([
        'r.display_name as requester_name',
        'h.display_name as helper_name',
        'q.kind',
        'c.minutes',
        'c.settled_at',
      ])
      .where('q.show_on_board', '=', true)
      .where('c.show_on_board', '=', true)
      .where('c.settled_at', '>', sql<Date>`now() - interval '60 days'`)
      .orderBy('c.settled_at', 'desc')
      .limit(10)
      .execute(),
    confirmed
      .select([
        sql<number>`count(*)::int`.as('exchanges'),
        sql<number>`coalesce(sum(c.minutes), 0)::int`.as('minutes'),
      ])
      .where(
        sql<boolean>`date_trunc('month', c.settled_at at time zone (select time_zone from communities where id = ${communityId}))
          = date_trunc('month', now() at time zone (select time_zone from communities where id = ${communityId}))`,
      )
      .executeTakeFirstOrThrow(),
    creditBalance(db, communityId, { type: 'care_pool', id: communityId }),
  ]);
  return {
    exchanges: exchanges.map((row) => ({
      requesterName: row.requester_name,
      helperName: row.helper_name,
      kind: row.kind as HelpKind,
      minutes: row.minutes ?? 0,
      confirmedAt: (row.settled_at ?? new Date()).toISOString(),
    })),
    monthExchanges: month.exchanges,
    monthMinutes: month.minutes,
    poolBalance,
  };
}
