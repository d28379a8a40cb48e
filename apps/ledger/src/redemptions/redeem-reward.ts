import { randomUUID } from 'node:crypto';
import { asPostgresError, DEADLOCK_DETECTED, RAISED_EXCEPTION } from '@tally/db/errors';
import type { Database } from '@tally/db/schema';
import { DomainError } from '@tally/domain/errors';
import type { RedeemOutput } from '@tally/domain/kiosk';
import { inLanguage } from '@tally/domain/localized-text';
import { type Kysely, sql } from 'kysely';
import { type ResidentSession, residentLedgerActor } from '../auth/actors';
import { GroupedCalls, type Outcome } from '../common/grouped-calls';
import { requestHashOf } from '../common/idempotency';
import { postingKey, residentRequest } from '../common/use-case';
import { translateDatabaseError } from '../ledger/database-errors';
import { preparePosting } from '../ledger/post-transaction';
import { newPickupCode } from './pickup-codes';

type Redeem = {
  session: ResidentSession;
  origin: string;
  idempotencyKey: string;
  rewardId: string;
  quantity: number;
};

/**
 * A resident redeems points for a reward: the hot path of a busy kiosk, in one database call
 * (`tally_redeem`, see its migration). The service reads, without a lock, what it must seal
 * and show — the reward's price and name, the resident's and the community's accounts — and
 * the function does the rest in one statement: it claims the request's key (a replay answers
 * the first result), locks the reward, checks the shelf, the limit and the points, takes the
 * stock, posts, hands out a pickup code, audits and stores the answer. No lock is held across a
 * round trip between the service and the database; the ledger refuses to overdraw the resident
 * and the database a negative stock, whatever else is running. Redemptions of one community
 * that arrive while one call runs go together in the next (one commit for all).
 */
export async function redeemReward(
  db: Kysely<Database>,
  redeem: Redeem,
  /**
   * Draws the pickup codes to try in turn (a code taken in the community is skipped), after the
   * reward was read; tests choose them, and what happens meanwhile.
   */
  {
    pickupCodes = () => Array.from({ length: 4 }, newPickupCode),
  }: { pickupCodes?: () => string[] | Promise<string[]> } = {},
): Promise<RedeemOutput> {
  // A price changed between reading and redeeming: read again (the resident pays today's price).
  for (let attempt = 1; ; attempt++) {
    try {
      return await redeemOnce(db, redeem, pickupCodes);
    } catch (error) {
      if (asPostgresError(error)?.message !== 'REWARD_CHANGED' || attempt === 3) throw error;
    }
  }
}

async function redeemOnce(
  db: Kysely<Database>,
  { session, origin, idempotencyKey, rewardId, quantity }: Redeem,
  pickupCodes: () => string[] | Promise<string[]>,
): Promise<RedeemOutput> {
  const { communityId, residentId, kioskId } = session;
  // The goods are at the office: rewards are redeemed at its kiosk, never on a phone.
  if (!kioskId) throw new DomainError('FORBIDDEN', 'Rewards are redeemed at the kiosk.');
  const seen = await readRedemption(db, { communityId, residentId, rewardId });
  // An inactive reward still goes to the function: a replay of an earlier redemption answers.
  if (!seen) throw rewardNotOffered();
  const points = seen.points * quantity;
  const name = inLanguage({ zh: seen.name_zh, en: seen.name_en }, 'en');
  const redemptionId = randomUUID();
  const posting = {
    communityId,
    idempotencyKey: postingKey(idempotencyKey, 'redemption'),
    kind: 'redemption' as const,
    actor: residentLedgerActor(session),
    memo: `${name} × ${quantity}`,
    reference: { type: 'redemption' as const, id: redemptionId },
    reverses: null,
    postings: [
      { accountId: seen.points_account_id, amount: -points },
      { accountId: seen.redemption_sink, amount: points },
    ],
  };
  const { id: transactionId, seal, requestHash } = preparePosting(posting);
  const codes = await pickupCodes();
  const item: RedeemItem = {
    communityId,
    residentId,
    kioskId,
    origin,
    key: idempotencyKey,
    requestHash: requestHashOf(residentRequest(session, { rewardId, quantity })),
    rewardId,
    quantity,
    points,
    redemptionId,
    pickupCodes: codes,
    transactionId,
    postingKey: posting.idempotencyKey,
    postingHash: requestHash,
    memo: posting.memo,
    accountIds: posting.postings.map((p) => p.accountId),
    amounts: posting.postings.map((p) => p.amount),
    seal: seal.toString('hex'),
  };
  return groupedRedemptions(db)
    .call(communityId, item)
    .catch((error: unknown) => {
      throw refusal(error, { name, points });
    });
}

/** One redemption as `tally_redeem_batch` takes it (see its migration). */
type RedeemItem = {
  communityId: string;
  residentId: string;
  kioskId: string;
  origin: string;
  key: string;
  requestHash: string;
  rewardId: string;
  quantity: number;
  points: number;
  redemptionId: string;
  pickupCodes: string[];
  transactionId: string;
  postingKey: string;
  postingHash: string;
  memo: string;
  accountIds: string[];
  amounts: number[];
  /** Hex. */
  seal: string;
};

type BatchRow = {
  response: RedeemOutput | null;
  error_code: string | null;
  error_message: string | null;
  error_detail: string | null;
  error_constraint: string | null;
};

const groups = new WeakMap<Kysely<Database>, GroupedCalls<RedeemItem, RedeemOutput>>();

/** A community's redemptions that queue while one call runs go together in the next. */
function groupedRedemptions(db: Kysely<Database>): GroupedCalls<RedeemItem, RedeemOutput> {
  let grouped = groups.get(db);
  if (!grouped) {
    grouped = new GroupedCalls((items) => redeemTogether(db, items));
    groups.set(db, grouped);
  }
  return grouped;
}

async function redeemTogether(
  db: Kysely<Database>,
  items: RedeemItem[],
): Promise<Outcome<RedeemOutput>[]> {
  // Calls from several service instances may still meet; should PostgreSQL ever pick one of
  // them to break a deadlock, nothing of it was kept, and it runs once more.
  for (let attempt = 1; ; attempt++) {
    try {
      const { rows } = await sql<BatchRow>`
        select * from tally_redeem_batch(${JSON.stringify(items)}::jsonb)`.execute(db);
      return rows.map((row) =>
        row.response
          ? { ok: true, value: row.response }
          : {
              ok: false,
              error: Object.assign(new Error(row.error_message ?? 'redemption refused'), {
                code: row.error_code,
                detail: row.error_detail ?? undefined,
                constraint: row.error_constraint ?? undefined,
              }),
            },
      );
    } catch (error) {
      if (asPostgresError(error)?.code !== DEADLOCK_DETECTED || attempt === 2) throw error;
    }
  }
}

/** What the resident is shown and what the posting seals: read without a lock. */
async function readRedemption(
  db: Kysely<Database>,
  {
    communityId,
    residentId,
    rewardId,
  }: { communityId: string; residentId: string; rewardId: string },
) {
  return db
    .selectFrom('rewards as w')
    .innerJoin('residents as r', (join) =>
      join.on('r.community_id', '=', communityId).on('r.id', '=', residentId),
    )
    .innerJoin('ledger_accounts as sink', (join) =>
      join
        .on('sink.community_id', '=', communityId)
        .on('sink.owner_id', '=', communityId)
        .on('sink.owner_type', '=', 'redemption_sink'),
    )
    .select([
      'w.points',
      'w.name_zh',
      'w.name_en',
      'r.points_account_id',
      'sink.id as redemption_sink',
    ])
    .where('w.community_id', '=', communityId)
    .where('w.id', '=', rewardId)
    .executeTakeFirst();
}

/**
 * The function's refusals, in words the resident reads (messages name the reward in English,
 * as the service's messages do for now; the kiosk words the code in the reader's language).
 */
function refusal(error: unknown, { name, points }: { name: string; points: number }): unknown {
  const pgError = asPostgresError(error);
  if (pgError?.code !== RAISED_EXCEPTION) return translateDatabaseError(error);
  const figures = figuresOf(pgError.detail);
  switch (pgError.message) {
    case 'NOT_FOUND':
      return rewardNotOffered();
    case 'OUT_OF_STOCK': {
      const stock = Number(figures.stock);
      return new DomainError(
        'OUT_OF_STOCK',
        stock === 0 ? `${name} is out of stock.` : `Only ${stock} of ${name} left.`,
        { stock },
      );
    }
    case 'LIMIT_REACHED': {
      const limit = Number(figures.limit);
      const left = Number(figures.left);
      return new DomainError(
        'LIMIT_REACHED',
        `Each resident may redeem ${limit} of ${name}; you may redeem ${left} more.`,
        { limit, left },
      );
    }
    case 'INSUFFICIENT_POINTS': {
      // Raised by the ledger itself (a race past the function's own check) without figures.
      if (figures.pointsAvailable === undefined) {
        return new DomainError(
          'INSUFFICIENT_POINTS',
          `This needs ${points} points, more than you have.`,
          { pointsNeeded: points },
        );
      }
      const available = Number(figures.pointsAvailable);
      return new DomainError(
        'INSUFFICIENT_POINTS',
        `This needs ${points} points; you have ${available}.`,
        { pointsNeeded: points, pointsAvailable: available },
      );
    }
    default:
      return translateDatabaseError(error);
  }
}

function rewardNotOffered(): DomainError {
  return new DomainError('NOT_FOUND', 'This reward is not offered right now.');
}

function figuresOf(detail: string | undefined): Record<string, unknown> {
  if (!detail?.startsWith('{')) return {};
  try {
    return JSON.parse(detail) as Record<string, unknown>;
  } catch {
    return {};
  }
}
