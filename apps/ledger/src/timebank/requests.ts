import { randomUUID } from 'node:crypto';
import type { Database } from '@tally/db/schema';
import { DomainError } from '@tally/domain/errors';
import type {
  CancelHelpRequestInput,
  HelpOfferInput,
  HelpRequestForInput,
  HelpRequestInput,
  HelpRequestOutput,
  WithdrawOfferInput,
} from '@tally/domain/timebank';
import type { Kysely } from 'kysely';
import type { ResidentSession, StaffActor } from '../auth/actors';
import { runResidentWrite, runStaffWrite } from '../common/use-case';
import type { Party } from '../trpc';
import {
  communityOf,
  requireRequesterSide,
  runPartyWrite,
  runRequestWrite,
  type Trx,
} from './help-rows';

type Db = Kysely<Database>;

/** A resident asks for help, at a kiosk or on the phone (or a proxy asks for them). */
export function requestHelp(
  db: Db,
  { session, origin, input }: { session: ResidentSession; origin: string; input: HelpRequestInput },
): Promise<HelpRequestOutput> {
  const { idempotencyKey, ...request } = input;
  return runResidentWrite(
    db,
    { session, origin, operation: 'timebank.request', key: idempotencyKey, request },
    async (trx) => {
      const id = await insertRequest(trx, {
        communityId: session.communityId,
        residentId: session.residentId,
        input,
        via: session.phone ? 'phone' : 'kiosk',
        staffId: null,
        reason: null,
      });
      return {
        result: { id, status: 'open' },
        audit: { target: { type: 'help_request', id }, details: { kind: input.kind } },
      };
    },
  );
}

/** The office asks for help for a resident who cannot ask themself, and says why. */
export function requestHelpFor(
  db: Db,
  { staff, origin, input }: { staff: StaffActor; origin: string; input: HelpRequestForInput },
): Promise<HelpRequestOutput> {
  const { idempotencyKey, ...request } = input;
  return runStaffWrite(
    db,
    { staff, origin, operation: 'timebank.requestFor', key: idempotencyKey, request },
    async (trx) => {
      const resident = await trx
        .selectFrom('residents')
        .select('id')
        .where('community_id', '=', staff.communityId)
        .where('id', '=', input.residentId)
        .executeTakeFirst();
      if (!resident) throw new DomainError('NOT_FOUND', 'That resident could not be found.');
      const id = await insertRequest(trx, {
        communityId: staff.communityId,
        residentId: input.residentId,
        input,
        via: 'office',
        staffId: staff.id,
        reason: input.reason,
      });
      return {
        result: { id, status: 'open' },
        audit: {
          target: { type: 'help_request', id },
          details: { residentId: input.residentId, kind: input.kind, reason: input.reason },
        },
      };
    },
  );
}

async function insertRequest(
  trx: Trx,
  {
    communityId,
    residentId,
    input,
    via,
    staffId,
    reason,
  }: {
    communityId: string;
    residentId: string;
    input: HelpRequestInput;
    via: 'kiosk' | 'phone' | 'office';
    staffId: string | null;
    reason: string | null;
  },
): Promise<string> {
  const id = randomUUID();
  await trx
    .insertInto('help_requests')
    .values({
      community_id: communityId,
      id,
      resident_id: residentId,
      kind: input.kind,
      description: input.description,
      needed_at: input.when ?? null,
      place: input.place ?? null,
      minutes_estimate: input.minutesEstimate,
      helpers_needed: input.helpersNeeded,
      via,
      requested_by_staff: staffId,
      reason,
      show_on_board: input.showOnBoard,
    })
    .execute();
  return id;
}

/**
 * The requester (or their proxy, or the office) calls the request off. Help already confirmed
 * stands: a request with a confirmed exchange is done, and only its free places are given up.
 */
export function cancelRequest(
  db: Db,
  { party, origin, input }: { party: Party; origin: string; input: CancelHelpRequestInput },
): Promise<HelpRequestOutput> {
  return runRequestWrite(
    db,
    { party, origin, operation: 'timebank.cancel', input },
    async (trx, row) => {
      requireRequesterSide(party, row);
      if (row.status === 'cancelled' || row.status === 'done') {
        throw new DomainError('REQUEST_CLOSED');
      }
      const confirmed = await trx
        .selectFrom('help_claims')
        .select('helper_id')
        .where('community_id', '=', row.community_id)
        .where('request_id', '=', row.id)
        .where('status', '=', 'confirmed')
        .executeTakeFirst();
      const status = confirmed ? 'done' : 'cancelled';
      await trx
        .updateTable('help_requests')
        .set({
          status,
          cancel_reason: input.reason || null,
          cancelled_at: status === 'cancelled' ? new Date() : null,
        })
        .where('community_id', '=', row.community_id)
        .where('id', '=', row.id)
        .execute();
      return { result: { id: row.id, status }, details: { reason: input.reason, status } };
    },
  );
}

/** A resident offers help of a kind ("I can fix taps on weekday evenings"). */
export function offerHelp(
  db: Db,
  { session, origin, input }: { session: ResidentSession; origin: string; input: HelpOfferInput },
): Promise<{ id: string }> {
  const { idempotencyKey, ...request } = input;
  return runResidentWrite(
    db,
    { session, origin, operation: 'timebank.offer', key: idempotencyKey, request },
    async (trx) => {
      const id = randomUUID();
      await trx
        .insertInto('help_offers')
        .values({
          community_id: session.communityId,
          id,
          resident_id: session.residentId,
          kind: input.kind,
          description: input.description,
          available: input.when ?? null,
        })
        .execute();
      return { result: { id }, audit: { target: { type: 'help_offer', id } } };
    },
  );
}

/** The resident takes their offer back; the office can take down any offer. */
export function withdrawOffer(
  db: Db,
  { party, origin, input }: { party: Party; origin: string; input: WithdrawOfferInput },
): Promise<{ id: string; status: 'withdrawn' }> {
  const { idempotencyKey, ...request } = input;
  const communityId = communityOf(party);
  return runPartyWrite(
    db,
    { party, origin, operation: 'timebank.withdrawOffer', key: idempotencyKey, request },
    async (trx) => {
      const offer = await trx
        .selectFrom('help_offers')
        .select(['resident_id', 'status'])
        .where('community_id', '=', communityId)
        .where('id', '=', input.offerId)
        .forUpdate()
        .executeTakeFirst();
      if (!offer) throw new DomainError('NOT_FOUND', 'That offer could not be found.');
      if (party.resident && party.resident.residentId !== offer.resident_id) {
        throw new DomainError(
          'FORBIDDEN',
          'Only the resident who made this offer can take it back.',
        );
      }
      const result = { id: input.offerId, status: 'withdrawn' as const };
      if (offer.status === 'withdrawn') return { result, audit: null };
      await trx
        .updateTable('help_offers')
        .set({ status: 'withdrawn', withdrawn_at: new Date() })
        .where('community_id', '=', communityId)
        .where('id', '=', input.offerId)
        .execute();
      return { result, audit: { target: { type: 'help_offer', id: input.offerId } } };
    },
  );
}
