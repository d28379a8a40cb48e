import { randomUUID } from 'node:crypto';
import { postingKey } from '../../src/common/use-case';
import type { YearResident } from './community';
import { between } from './random';
import { DAY, fits, HOUR, officeWho, schedule, type YearState } from './year-state';

/** creditApprovedService's postings: the minutes, and the points unless the rule paid none. */
export function creditPostings(
  state: YearState,
  resident: YearResident,
  minutes: number,
  points: number,
) {
  const { accounts } = state.community;
  return [
    { accountId: accounts.minutesSource, amount: -minutes },
    { accountId: resident.minutesAccountId, amount: minutes },
    ...(points > 0
      ? [
          { accountId: accounts.pointsSource, amount: -points },
          { accountId: resident.pointsAccountId, amount: points },
        ]
      : []),
  ];
}

/**
 * The office finds a record logged twice and reverses its credit (`ledger.reverse`) one to ten
 * days later — if the resident still holds what the credit gave, or the ledger would refuse.
 */
export function scheduleCorrection(
  state: YearState,
  {
    resident,
    recordId,
    minutes,
    points,
    transactionId,
    at,
  }: {
    resident: YearResident;
    recordId: string;
    minutes: number;
    points: number;
    transactionId: string;
    at: number;
  },
): void {
  const when = at + between(state.random, 1, 10) * DAY + between(state.random, 0, 4) * HOUR;
  const run = () => {
    const { holdings } = state;
    const holds = holdings.pointsOf(resident) >= points && holdings.minutesOf(resident) >= minutes;
    if (when > state.now || !holds || !fits(state, 1)) return;
    const { who, staffId } = officeWho(state);
    const reason = 'Logged twice';
    const key = randomUUID();
    const reversal = state.ledger.post({
      at: when,
      kind: 'reversal',
      actor: { type: 'staff', id: staffId, origin: who.origin },
      memo: reason,
      reference: { type: 'service_record', id: recordId },
      reverses: transactionId,
      idempotencyKey: postingKey(key, 'reversal'),
      // reverseTransaction: every posting of the original negated, in its order.
      postings: creditPostings(state, resident, minutes, points).map((p) => ({
        accountId: p.accountId,
        amount: -p.amount,
      })),
    });
    holdings.add(resident, { points: -points, minutes: -minutes });
    state.rows.write({
      at: when,
      who,
      operation: 'ledger.reverse',
      key,
      request: { transactionId, reason },
      response: { transactionId: reversal.id, sequence: reversal.sequence },
      target: { type: 'ledger_transaction', id: transactionId },
      details: { reversal: reversal.id, reason },
    });
  };
  schedule(state, { at: when, transactions: 1, run });
}
