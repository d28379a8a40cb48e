import type { Database } from '@tally/db/schema';
import { categoryWeight } from '@tally/domain/earning-rules';
import { DomainError, isDomainError } from '@tally/domain/errors';
import type { Actor, PostingInput } from '@tally/domain/ledger';
import {
  type ConfirmHelpInput,
  type ConfirmHelpOutput,
  helpKindLabels,
  type ResolveDisputeInput,
  type ResolveDisputeOutput,
  type ReverseExchangeInput,
  type ReverseExchangeOutput,
} from '@tally/domain/timebank';
import type { Kysely } from 'kysely';
import type { StaffActor } from '../auth/actors';
import { postingKey } from '../common/use-case';
import { communityAccounts } from '../communities/create-community';
import { postTransaction } from '../ledger/post-transaction';
import { reverseTransaction } from '../ledger/reverse-transaction';
import { latestRule } from '../rules/active-rule';
import type { Party } from '../trpc';
import { lockedClaim, requireUnsettled, setClaim } from './claims';
import {
  carePoolAccount,
  poolEligible,
  residentCredit,
  residentCreditAccount,
} from './credit-accounts';
import {
  type HelpRequestRow,
  ledgerActorOf,
  refreshRequestStatus,
  requireNotCancelled,
  requireRequesterSide,
  runRequestWrite,
  type Trx,
} from './help-rows';

type Db = Kysely<Database>;

/**
 * The requester (or a proxy acting for them, or the office) confirms the help and the time it
 * took: the minutes move from the requester to the helper. The helper never confirms their own
 * help. The request is held, so twenty confirmations at once make one transfer.
 */
export function confirmHelp(
  db: Db,
  { party, origin, input }: { party: Party; origin: string; input: ConfirmHelpInput },
): Promise<ConfirmHelpOutput> {
  const { helperId, minutes } = input;
  return runRequestWrite(
    db,
    { party, origin, operation: 'timebank.confirm', input },
    async (trx, row) => {
      requireRequesterSide(party, row);
      requireNotCancelled(row);
      requireUnsettled(await lockedClaim(trx, row, helperId));
      const exchange = await settleExchange(trx, row, { helperId, minutes, party, origin });
      const requestStatus = await refreshRequestStatus(trx, row);
      return {
        result: { ...exchange, minutes, requestStatus },
        details: { helperId, minutes, ...exchange },
      };
    },
  );
}

/** The office settles a dispute: the exchange happened (for so many minutes), or it did not. */
export function resolveDispute(
  db: Db,
  { staff, origin, input }: { staff: StaffActor; origin: string; input: ResolveDisputeInput },
): Promise<ResolveDisputeOutput> {
  const { helperId, outcome, minutes, note } = input;
  return runRequestWrite(
    db,
    { party: { staff }, origin, operation: 'timebank.resolve', input },
    async (trx, row) => {
      const claim = await lockedClaim(trx, row, helperId);
      if (claim.status === 'confirmed' || claim.status === 'reversed') {
        throw new DomainError('ALREADY_CONFIRMED');
      }
      if (claim.status !== 'disputed') throw new DomainError('NOT_IN_DISPUTE');
      let transactionId: string | null = null;
      if (outcome === 'confirm') {
        if (!minutes) {
          throw new DomainError('VALIDATION_FAILED', 'minutes: say how long the help took');
        }
        const exchange = await settleExchange(trx, row, {
          helperId,
          minutes,
          party: { staff },
          origin,
          resolution: note,
        });
        transactionId = exchange.transactionId;
      } else {
        await setClaim(trx, row, helperId, {
          status: 'dismissed',
          resolution: note,
          settled_at: new Date(),
        });
      }
      const requestStatus = await refreshRequestStatus(trx, row);
      return {
        result: { outcome, transactionId, requestStatus },
        details: { helperId, outcome, minutes: minutes ?? null, note, transactionId },
      };
    },
  );
}

/**
 * The office undoes a confirmed exchange that was wrong: a reversal of its transaction (the
 * credit goes back to whoever paid, points the helper earned go too), never an edit. A helper
 * who already spent the credit cannot be sent below zero: INSUFFICIENT_CREDIT.
 */
export function reverseExchange(
  db: Db,
  { staff, origin, input }: { staff: StaffActor; origin: string; input: ReverseExchangeInput },
): Promise<ReverseExchangeOutput> {
  const { helperId, reason } = input;
  return runRequestWrite(
    db,
    { party: { staff }, origin, operation: 'timebank.reverse', input },
    async (trx, row) => {
      const claim = await lockedClaim(trx, row, helperId);
      if (claim.status === 'reversed') throw new DomainError('ALREADY_REVERSED');
      if (claim.status !== 'confirmed' || !claim.transaction_id) {
        throw new DomainError('CLAIM_SETTLED', 'Only confirmed help can be reversed.');
      }
      const reversal = await reverseTransaction(trx, {
        communityId: row.community_id,
        idempotencyKey: postingKey(input.idempotencyKey, 'reversal'),
        transactionId: claim.transaction_id,
        actor: ledgerActorOf({ staff }, origin),
        reason,
      }).catch(
        creditShortfall('The helper has already used this credit; it cannot be taken back.'),
      );
      await setClaim(trx, row, helperId, {
        status: 'reversed',
        reversal_id: reversal.id,
        resolution: reason,
      });
      return {
        result: { reversalId: reversal.id },
        details: { helperId, reason, transactionId: claim.transaction_id, reversalId: reversal.id },
      };
    },
  );
}

/** Posts the exchange and marks the claim confirmed with what it moved. */
async function settleExchange(
  trx: Trx,
  row: HelpRequestRow,
  {
    helperId,
    minutes,
    party,
    origin,
    resolution,
  }: { helperId: string; minutes: number; party: Party; origin: string; resolution?: string },
): Promise<Exchange> {
  const exchange = await postExchange(trx, {
    request: row,
    helperId,
    minutes,
    actor: ledgerActorOf(party, origin),
  });
  await setClaim(trx, row, helperId, {
    status: 'confirmed',
    minutes,
    pool_minutes: exchange.poolMinutes,
    points_earned: exchange.pointsEarned,
    transaction_id: exchange.transactionId,
    ...(resolution ? { resolution } : {}),
    settled_at: new Date(),
  });
  return exchange;
}

function creditShortfall(message: string) {
  return (error: unknown): never => {
    if (isDomainError(error, 'INSUFFICIENT_CREDIT'))
      throw new DomainError('INSUFFICIENT_CREDIT', message);
    throw error;
  };
}

type Exchange = { transactionId: string; poolMinutes: number; pointsEarned: number };

/**
 * One exchange's transaction: the requester pays what their credit covers and the care pool the
 * rest when the office's rule covers them (else INSUFFICIENT_CREDIT); the helper receives the
 * minutes, and points too if the earning rule in force pays for exchanges. Its key is the
 * claim's own (request and helper), so one claim can be posted once only, whoever retries.
 */
async function postExchange(
  trx: Trx,
  {
    request,
    helperId,
    minutes,
    actor,
  }: { request: HelpRequestRow; helperId: string; minutes: number; actor: Actor },
): Promise<Exchange> {
  const communityId = request.community_id;
  // The requester's account as opened or found, its balance read with it: no second read.
  const requester = await residentCredit(trx, communityId, request.resident_id);
  const requesterAccount = requester.id;
  const own = requester.balance;
  const helperAccount = await residentCreditAccount(trx, communityId, helperId);
  const fromRequester = Math.min(own, minutes);
  const poolMinutes = minutes - fromRequester;
  const postings: PostingInput[] = [];
  if (fromRequester > 0) postings.push({ accountId: requesterAccount, amount: -fromRequester });
  if (poolMinutes > 0) {
    if (!(await poolEligible(trx, communityId, request.resident_id))) {
      throw new DomainError(
        'INSUFFICIENT_CREDIT',
        `The person who asked has ${own} minutes of time credit, not ${minutes}; the care pool does not cover them. Ask the office.`,
        { creditMinutes: own, minutesNeeded: minutes },
      );
    }
    postings.push({ accountId: await carePoolAccount(trx, communityId), amount: -poolMinutes });
  }
  postings.push({ accountId: helperAccount, amount: minutes });

  const rule = await latestRule(trx, communityId);
  let pointsEarned = 0;
  if (rule?.terms.timeBankEarns) {
    pointsEarned = Math.floor(
      (minutes * rule.terms.basePointsPerHour * categoryWeight(rule.terms, 'mutual_aid')) / 6000,
    );
    if (pointsEarned > 0) {
      const helper = await trx
        .selectFrom('residents')
        .select('points_account_id')
        .where('community_id', '=', communityId)
        .where('id', '=', helperId)
        .executeTakeFirstOrThrow();
      const { pointsSource } = await communityAccounts(trx, communityId);
      postings.push(
        { accountId: pointsSource, amount: -pointsEarned },
        { accountId: helper.points_account_id, amount: pointsEarned },
      );
    }
  }
  const memo = `Time bank: ${helpKindLabels[request.kind].en}, ${minutes} min${
    poolMinutes > 0 ? ` (${poolMinutes} from the care pool)` : ''
  }${pointsEarned > 0 ? ` and ${pointsEarned} points under rule v${rule?.version}` : ''}`;
  const posted = await postTransaction(trx, {
    communityId,
    idempotencyKey: `timebank:${request.id}:${helperId}`,
    kind: 'transfer',
    actor,
    memo,
    reference: { type: 'help_request', id: request.id },
    postings,
  }).catch(
    creditShortfall(
      'The time credit changed while this was confirmed (a gift at the same moment); try again.',
    ),
  );
  return { transactionId: posted.id, poolMinutes, pointsEarned };
}
