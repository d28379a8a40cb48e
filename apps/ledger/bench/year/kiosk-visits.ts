import { randomUUID } from 'node:crypto';
import { inLanguage } from '@tally/domain/localized-text';
import { hashToken, newToken } from '../../src/auth/secrets';
import { postingKey } from '../../src/common/use-case';
import type { YearResident } from './community';
import { between, pick } from './random';
import { type Redemption, RedemptionDesk } from './redemption-desk';
import type { Who } from './use-case-rows';
import { fits, type YearState } from './year-state';

/**
 * The kiosks' side of the year: a resident identifies with card and PIN, redeems a reward
 * (most visits) or gives points to a goal, and signs out.
 */
export class KioskDesk {
  /** Where the office hands rewards out, or cancels them. */
  readonly redemptions: RedemptionDesk;
  /** What each goal has been given. */
  private readonly raised = new Map<string, number>();
  /** Residents as often as they serve: who earns points is who spends them. */
  private readonly visitors: YearResident[];
  private readonly cheapest: number;

  constructor(private readonly state: YearState) {
    this.redemptions = new RedemptionDesk(state);
    this.visitors = state.community.residents.flatMap((r) => Array<YearResident>(r.zeal).fill(r));
    this.cheapest = Math.min(...state.community.rewards.map((r) => r.points));
  }

  /** One visit at `at`; false when the resident found could afford nothing (no visit then). */
  visit(at: number): boolean {
    const { state } = this;
    if (!fits(state, 1)) return false;
    const resident = this.someoneWithPoints(this.cheapest);
    if (!resident) return false;
    const kioskId = pick(state.random, state.community.kiosks);
    const who: Who = {
      type: 'kiosk',
      id: kioskId,
      origin: `10.0.0.${31 + state.community.kiosks.indexOf(kioskId)}`,
    };
    this.identify(who, resident, at);
    if (state.random() < 0.9) this.redeem(who, resident, at + 40_000);
    else this.donate(who, resident, at + 40_000);
    state.rows.audit({
      at: at + 60_000,
      who,
      action: 'kiosk.sign_out',
      target: { type: 'resident', id: resident.id },
    });
    return true;
  }

  private someoneWithPoints(points: number): YearResident | undefined {
    for (let tries = 0; tries < 8; tries++) {
      const resident = pick(this.state.random, this.visitors);
      if (this.state.holdings.pointsOf(resident) >= points) return resident;
    }
    return undefined;
  }

  private identify(who: Who, resident: YearResident, at: number): void {
    const { state } = this;
    state.writer.add('kiosk_sessions', {
      token_hash: hashToken(newToken('residentSession')),
      community_id: state.community.communityId,
      kiosk_id: who.id,
      resident_id: resident.id,
      created_at: new Date(at).toISOString(),
      last_seen_at: new Date(at + 40_000).toISOString(),
      ended_at: new Date(at + 60_000).toISOString(),
    });
    state.rows.audit({
      at,
      who,
      action: 'kiosk.identify',
      target: { type: 'resident', id: resident.id },
    });
  }

  /** redeemReward: a reward the resident can afford, cheap ones more often. */
  private redeem(who: Who, resident: YearResident, at: number): void {
    const { state } = this;
    const balance = state.holdings.pointsOf(resident);
    const affordable = state.community.rewards.filter((r) => r.points <= balance);
    const cheap = affordable.filter((r) => r.points <= 50);
    const reward = pick(
      state.random,
      cheap.length > 0 && state.random() < 0.7 ? cheap : affordable,
    );
    const quantity = 2 * reward.points <= balance && state.random() < 0.1 ? 2 : 1;
    const points = reward.points * quantity;
    const key = randomUUID();
    const id = randomUUID();
    const rewardName = reward.name;
    const posted = state.ledger.post({
      at,
      kind: 'redemption',
      actor: { type: 'resident', id: resident.id, origin: `kiosk:${who.id}` },
      memo: `${inLanguage(rewardName, 'en')} × ${quantity}`,
      reference: { type: 'redemption', id },
      reverses: null,
      idempotencyKey: postingKey(key, 'redemption'),
      postings: [
        { accountId: resident.pointsAccountId, amount: -points },
        { accountId: state.community.accounts.redemptionSink, amount: points },
      ],
    });
    state.holdings.add(resident, { points: -points });
    const redemption: Redemption = {
      id,
      rewardId: reward.id,
      resident,
      kioskId: who.id,
      quantity,
      points,
      pickupCode: this.redemptions.newPickupCode(),
      transactionId: posted.id,
      createdAt: posted.at,
    };
    state.rows.write({
      at,
      who,
      operation: 'kiosk.redeem',
      key,
      request: { residentId: resident.id, rewardId: reward.id, quantity },
      response: {
        redemptionId: id,
        pickupCode: redemption.pickupCode,
        pointsAfter: state.holdings.pointsOf(resident),
        rewardName,
        quantity,
        points,
      },
      target: { type: 'redemption', id },
      details: {
        residentId: resident.id,
        rewardId: reward.id,
        quantity,
        points,
        transactionId: posted.id,
      },
    });
    this.redemptions.issue(redemption);
  }

  /** donateToGoal: a few points to one of the goals. */
  private donate(who: Who, resident: YearResident, at: number): void {
    const { state } = this;
    const goal = pick(state.random, state.community.goals);
    const points = Math.min(between(state.random, 5, 50), state.holdings.pointsOf(resident));
    const key = randomUUID();
    const posted = state.ledger.post({
      at,
      kind: 'donation',
      actor: { type: 'resident', id: resident.id, origin: `kiosk:${who.id}` },
      memo: `Donation to ${inLanguage(goal.title, 'en')}`,
      reference: { type: 'goal', id: goal.id },
      reverses: null,
      idempotencyKey: postingKey(key, 'donation'),
      postings: [
        { accountId: resident.pointsAccountId, amount: -points },
        { accountId: goal.accountId, amount: points },
      ],
    });
    state.holdings.add(resident, { points: -points });
    const raised = (this.raised.get(goal.id) ?? 0) + points;
    this.raised.set(goal.id, raised);
    state.rows.write({
      at,
      who,
      operation: 'kiosk.donate',
      key,
      request: { residentId: resident.id, goalId: goal.id, points },
      response: {
        pointsAfter: state.holdings.pointsOf(resident),
        goalRaised: raised,
        goalTarget: goal.targetPoints,
      },
      target: { type: 'goal', id: goal.id },
      details: { residentId: resident.id, points, transactionId: posted.id },
    });
  }
}
