import { randomUUID } from 'node:crypto';
import { postingKey } from '../../src/common/use-case';
import { newPickupCode } from '../../src/redemptions/pickup-codes';
import type { YearResident } from './community';
import { between } from './random';
import { fits, HOUR, officeWho, schedule, type YearState } from './year-state';

export type Redemption = {
  id: string;
  rewardId: string;
  resident: YearResident;
  kioskId: string;
  quantity: number;
  points: number;
  pickupCode: string;
  transactionId: string;
  createdAt: number;
};

/** How a redemption ended, when it did. */
type Settled = {
  status: 'fulfilled' | 'cancelled';
  at: number;
  reason?: string;
  reversalId?: string;
};

/**
 * The office's redemption desk: most rewards are handed out within three days
 * (`redemptions.fulfil`), one in twenty is cancelled and its points given back by reversing the
 * redemption (`redemptions.cancel`), a few are never collected. A redemption's row is written
 * once it is settled (or, still issued, when the year ends), as it then stands.
 */
export class RedemptionDesk {
  private readonly issued = new Set<Redemption>();
  private readonly pickupCodes = new Set<string>();

  constructor(private readonly state: YearState) {}

  /** A pickup code no other redemption of the community holds. */
  newPickupCode(): string {
    let code = newPickupCode();
    while (this.pickupCodes.has(code)) code = newPickupCode();
    this.pickupCodes.add(code);
    return code;
  }

  issue(redemption: Redemption): void {
    this.issued.add(redemption);
    this.scheduleOutcome(redemption);
  }

  /** The year ends: redemptions not yet handed out are still issued. */
  writeIssued(): number {
    for (const redemption of this.issued) this.writeRedemption(redemption, null);
    const count = this.issued.size;
    this.issued.clear();
    return count;
  }

  private scheduleOutcome(redemption: Redemption): void {
    const { state } = this;
    const draw = state.random();
    if (draw < 0.94) {
      const at = redemption.createdAt + between(state.random, 1, 72) * HOUR;
      schedule(state, { at, transactions: 0, run: () => this.fulfil(redemption, at) });
    } else if (draw < 0.99) {
      const at = redemption.createdAt + between(state.random, 1, 48) * HOUR;
      schedule(state, { at, transactions: 1, run: () => this.cancel(redemption, at) });
    }
  }

  private fulfil(redemption: Redemption, at: number): void {
    const { state } = this;
    if (at > state.now) return;
    const { who } = officeWho(state);
    this.issued.delete(redemption);
    const settled: Settled = { status: 'fulfilled', at };
    this.writeRedemption(redemption, settled);
    state.rows.write({
      at,
      who,
      operation: 'redemptions.fulfil',
      key: randomUUID(),
      request: { redemptionId: redemption.id },
      response: this.answer(redemption, settled),
      target: { type: 'redemption', id: redemption.id },
    });
  }

  /** cancelRedemption: the redemption's transaction reversed, the points back. */
  private cancel(redemption: Redemption, at: number): void {
    const { state } = this;
    if (at > state.now || !fits(state, 1)) return;
    const { who, staffId } = officeWho(state);
    const reason = 'Not collected';
    const key = randomUUID();
    const { resident, points } = redemption;
    const reversal = state.ledger.post({
      at,
      kind: 'reversal',
      actor: { type: 'staff', id: staffId, origin: who.origin },
      memo: reason,
      reference: { type: 'redemption', id: redemption.id },
      reverses: redemption.transactionId,
      idempotencyKey: postingKey(key, `cancel:${redemption.id}`),
      postings: [
        { accountId: resident.pointsAccountId, amount: points },
        { accountId: state.community.accounts.redemptionSink, amount: -points },
      ],
    });
    state.holdings.add(resident, { points });
    this.issued.delete(redemption);
    const settled: Settled = {
      status: 'cancelled',
      at: reversal.at,
      reason,
      reversalId: reversal.id,
    };
    this.writeRedemption(redemption, settled);
    state.rows.write({
      at,
      who,
      operation: 'redemptions.cancel',
      key,
      request: { redemptionId: redemption.id, reason },
      response: this.answer(redemption, settled),
      target: { type: 'redemption', id: redemption.id },
      details: {
        reason,
        residentId: resident.id,
        points,
        quantity: redemption.quantity,
        reversalTransactionId: reversal.id,
      },
    });
  }

  private writeRedemption(redemption: Redemption, settled: Settled | null): void {
    const iso = (at: number | undefined) => (at === undefined ? null : new Date(at).toISOString());
    this.state.writer.add('redemptions', {
      community_id: this.state.community.communityId,
      id: redemption.id,
      reward_id: redemption.rewardId,
      resident_id: redemption.resident.id,
      kiosk_id: redemption.kioskId,
      quantity: redemption.quantity,
      points: redemption.points,
      pickup_code: redemption.pickupCode,
      status: settled?.status ?? 'issued',
      transaction_id: redemption.transactionId,
      created_at: iso(redemption.createdAt),
      fulfilled_at: settled?.status === 'fulfilled' ? iso(settled.at) : null,
      cancelled_at: settled?.status === 'cancelled' ? iso(settled.at) : null,
      cancel_reason: settled?.reason ?? null,
      cancel_transaction_id: settled?.reversalId ?? null,
    });
  }

  /** The Redemption the office's calls answer with (findRedemption), as stored for replays. */
  private answer(redemption: Redemption, settled: Settled) {
    const reward = this.state.community.rewards.find((r) => r.id === redemption.rewardId);
    return {
      id: redemption.id,
      rewardId: redemption.rewardId,
      rewardName: reward?.name,
      residentId: redemption.resident.id,
      residentName: redemption.resident.name,
      cardNumber: redemption.resident.cardNumber,
      kioskId: redemption.kioskId,
      quantity: redemption.quantity,
      points: redemption.points,
      pickupCode: redemption.pickupCode,
      status: settled.status,
      transactionId: redemption.transactionId,
      createdAt: new Date(redemption.createdAt).toISOString(),
      fulfilledAt: settled.status === 'fulfilled' ? new Date(settled.at).toISOString() : null,
      cancelledAt: settled.status === 'cancelled' ? new Date(settled.at).toISOString() : null,
      cancelReason: settled.reason ?? null,
      cancelTransactionId: settled.reversalId ?? null,
    };
  }
}
