import type { Database, HelpClaimsTable } from '@tally/db/schema';
import { DomainError } from '@tally/domain/errors';
import type {
  ClaimChangeOutput,
  ClaimHelpInput,
  ClaimHelpOutput,
  ClaimStatus,
  DisputeHelpInput,
  NoShowInput,
  ProposeMinutesInput,
  WithdrawClaimInput,
} from '@tally/domain/timebank';
import type { Kysely, Updateable } from 'kysely';
import type { ResidentSession } from '../auth/actors';
import type { Party } from '../trpc';
import {
  type HelpRequestRow,
  refreshRequestStatus,
  requireNotCancelled,
  requireRequesterSide,
  runRequestWrite,
  type Trx,
} from './help-rows';

type Db = Kysely<Database>;

const LIVE: ClaimStatus[] = ['claimed', 'proposed', 'disputed', 'confirmed'];

/**
 * A neighbour takes a place on a request. The request is held while places are counted, so as
 * many claims land as the request needs and no more, however many come at once.
 */
export function claimHelp(
  db: Db,
  { session, origin, input }: { session: ResidentSession; origin: string; input: ClaimHelpInput },
): Promise<ClaimHelpOutput> {
  const { communityId, residentId } = session;
  return runRequestWrite(
    db,
    { party: { resident: session }, origin, operation: 'timebank.claim', input },
    async (trx, row) => {
      if (row.resident_id === residentId) throw new DomainError('OWN_REQUEST');
      if (row.status === 'cancelled' || row.status === 'done') {
        throw new DomainError('REQUEST_CLOSED');
      }
      const claims = await trx
        .selectFrom('help_claims')
        .select(['helper_id', 'status'])
        .where('community_id', '=', communityId)
        .where('request_id', '=', row.id)
        .execute();
      if (claims.some((c) => c.helper_id === residentId)) {
        throw new DomainError('ALREADY_CLAIMED', 'You have already taken this request.');
      }
      const live = claims.filter((c) => LIVE.includes(c.status)).length;
      if (live >= row.helpers_needed) {
        throw new DomainError(
          'ALREADY_CLAIMED',
          'Every helper this request needs has come forward.',
        );
      }
      await trx
        .insertInto('help_claims')
        .values({
          community_id: communityId,
          request_id: row.id,
          helper_id: residentId,
          show_on_board: input.showOnBoard,
        })
        .execute();
      const status = await refreshRequestStatus(trx, row);
      return {
        result: { requestId: row.id, status, placesLeft: row.helpers_needed - live - 1 },
        details: { helperId: residentId },
      };
    },
  );
}

type ClaimRow = {
  status: ClaimStatus;
  proposed_minutes: number | null;
  transaction_id: string | null;
};

function findClaim(trx: Trx, request: HelpRequestRow, helperId: string) {
  return trx
    .selectFrom('help_claims')
    .select(['status', 'proposed_minutes', 'transaction_id'])
    .where('community_id', '=', request.community_id)
    .where('request_id', '=', request.id)
    .where('helper_id', '=', helperId)
    .executeTakeFirst();
}

const notTaken = () => new DomainError('NOT_FOUND', 'That helper has not taken this request.');

/** One helper's claim on a request the transaction holds (so the claim is held with it). */
export async function lockedClaim(
  trx: Trx,
  request: HelpRequestRow,
  helperId: string,
): Promise<ClaimRow> {
  const claim = await findClaim(trx, request, helperId);
  if (!claim) throw notTaken();
  return claim;
}

/** A claim that is still waiting to be settled (not confirmed, withdrawn or decided). */
export function requireUnsettled(claim: ClaimRow): void {
  if (claim.status === 'confirmed' || claim.status === 'reversed') {
    throw new DomainError('ALREADY_CONFIRMED');
  }
  if (claim.status === 'disputed') {
    throw new DomainError('CLAIM_SETTLED', 'This help is in dispute: the office will decide.');
  }
  if (claim.status !== 'claimed' && claim.status !== 'proposed') {
    throw new DomainError('CLAIM_SETTLED');
  }
}

export async function setClaim(
  trx: Trx,
  request: HelpRequestRow,
  helperId: string,
  values: Updateable<HelpClaimsTable>,
): Promise<void> {
  await trx
    .updateTable('help_claims')
    .set(values)
    .where('community_id', '=', request.community_id)
    .where('request_id', '=', request.id)
    .where('helper_id', '=', helperId)
    .execute();
}

/** The helper says how long it took; the requester confirms it or changes it. */
export function proposeMinutes(
  db: Db,
  {
    session,
    origin,
    input,
  }: { session: ResidentSession; origin: string; input: ProposeMinutesInput },
): Promise<ClaimChangeOutput> {
  const helperId = session.residentId;
  return runRequestWrite(
    db,
    { party: { resident: session }, origin, operation: 'timebank.propose', input },
    async (trx, row) => {
      requireNotCancelled(row);
      requireUnsettled(await lockedClaim(trx, row, helperId));
      await setClaim(trx, row, helperId, { status: 'proposed', proposed_minutes: input.minutes });
      return {
        result: { requestId: row.id, helperId, status: 'proposed', requestStatus: row.status },
        details: { helperId, minutes: input.minutes },
      };
    },
  );
}

/** The helper gives their place back before the help was confirmed: the request opens again. */
export function withdrawClaim(
  db: Db,
  {
    session,
    origin,
    input,
  }: { session: ResidentSession; origin: string; input: WithdrawClaimInput },
): Promise<ClaimChangeOutput> {
  const helperId = session.residentId;
  return runRequestWrite(
    db,
    { party: { resident: session }, origin, operation: 'timebank.withdraw', input },
    async (trx, row) => {
      requireUnsettled(await lockedClaim(trx, row, helperId));
      await setClaim(trx, row, helperId, { status: 'withdrawn', settled_at: new Date() });
      const requestStatus = await refreshRequestStatus(trx, row);
      return {
        result: { requestId: row.id, helperId, status: 'withdrawn', requestStatus },
        details: { helperId },
      };
    },
  );
}

/** The requester's side or the office records that a helper did not come: the place opens. */
export function markNoShow(
  db: Db,
  { party, origin, input }: { party: Party; origin: string; input: NoShowInput },
): Promise<ClaimChangeOutput> {
  const { helperId } = input;
  return runRequestWrite(
    db,
    { party, origin, operation: 'timebank.noShow', input },
    async (trx, row) => {
      requireRequesterSide(party, row);
      requireUnsettled(await lockedClaim(trx, row, helperId));
      await setClaim(trx, row, helperId, { status: 'no_show', settled_at: new Date() });
      const requestStatus = await refreshRequestStatus(trx, row);
      return {
        result: { requestId: row.id, helperId, status: 'no_show', requestStatus },
        details: { helperId },
      };
    },
  );
}

/**
 * Either party says something is wrong (the time, or that it happened at all): the claim waits
 * for the office. The requester's side names the helper; a helper disputes their own claim.
 */
export function disputeHelp(
  db: Db,
  { session, origin, input }: { session: ResidentSession; origin: string; input: DisputeHelpInput },
): Promise<ClaimChangeOutput> {
  return runRequestWrite(
    db,
    { party: { resident: session }, origin, operation: 'timebank.dispute', input },
    async (trx, row) => {
      const isRequester = row.resident_id === session.residentId;
      const helperId = isRequester ? input.helperId : session.residentId;
      if (!helperId) {
        throw new DomainError(
          'VALIDATION_FAILED',
          'helperId: say which helper the dispute is about',
        );
      }
      if (!isRequester && input.helperId && input.helperId !== session.residentId) {
        throw new DomainError('NOT_YOUR_REQUEST');
      }
      const claim = await findClaim(trx, row, helperId);
      // Someone who is neither the requester nor a helper of this request learns nothing.
      if (!claim) {
        if (!isRequester) throw new DomainError('NOT_YOUR_REQUEST');
        throw notTaken();
      }
      requireUnsettled(claim);
      const by = isRequester ? 'requester' : 'helper';
      await setClaim(trx, row, helperId, {
        status: 'disputed',
        dispute_reason: input.reason,
        disputed_by: by,
      });
      const requestStatus = await refreshRequestStatus(trx, row);
      return {
        result: { requestId: row.id, helperId, status: 'disputed', requestStatus },
        details: { helperId, reason: input.reason, by },
      };
    },
  );
}
