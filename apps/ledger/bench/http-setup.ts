import { randomUUID } from 'node:crypto';
import type { Database } from '@tally/db/schema';
import { MAX_RECORDS_PER_CALL } from '@tally/domain/service';
import type { Kysely } from 'kysely';
import { createCommunity } from '../src/communities/create-community';
import { givenKiosk, givenResident, givenReward, identify } from '../src/kiosk/test-helpers';
import { givenOrganization } from '../src/residents/test-helpers';
import { type ApiClient, newIdempotencyKey } from '../src/test/api';
import { signedInStaff } from './signed-in-staff';

/**
 * A kiosk with its own identified resident, ready to redeem the community's 1-point reward;
 * `tokens` let another instance of the service be called as the same kiosk and resident.
 */
export type RedeemingKiosk = {
  communityId: string;
  rewardId: string;
  resident: ApiClient;
  tokens: { token: string; residentToken: string };
};

/**
 * Far more than a run can spend at 1 point a request, and stock the same: neither
 * INSUFFICIENT_POINTS nor OUT_OF_STOCK may end a run (stock tops out at 1,000,000).
 */
const OPENING_POINTS = 1_000_000_000;
const STOCK = 1_000_000;

/**
 * `communities` communities with `kiosks` kiosks each: the office creates the reward through
 * the API, each kiosk identifies its own resident with card and PIN (`kiosk.identify`), and
 * the kiosks are returned community by community, round robin (kiosk i is in community
 * i % communities). The resident's balance is an opening adjustment, as the tests give it.
 */
export async function prepareRedeemingKiosks(
  url: string,
  db: Kysely<Database>,
  { communities, kiosks }: { communities: number; kiosks: number },
): Promise<RedeemingKiosk[]> {
  const prepared = await Promise.all(
    Array.from({ length: communities }, () => prepareCommunity(url, db, kiosks)),
  );
  return Array.from(
    { length: communities * kiosks },
    (_, i) => prepared[i % communities]?.[Math.floor(i / communities)],
  ).filter((kiosk) => kiosk !== undefined);
}

async function prepareCommunity(
  url: string,
  db: Kysely<Database>,
  kiosks: number,
): Promise<RedeemingKiosk[]> {
  const { id: communityId } = await createCommunity(db, {
    name: { zh: '', en: `Redeem bench ${randomUUID().slice(0, 6)}` },
  });
  const office = await signedInStaff(url, db, { communityId, role: 'office' });
  const reward = await givenReward(office.api, { name: 'Bench tea', points: 1, stock: STOCK });
  const prepared: RedeemingKiosk[] = [];
  for (let i = 0; i < kiosks; i++) {
    const kiosk = await givenKiosk({ url }, db, communityId);
    const resident = await givenResident(db, communityId, { points: OPENING_POINTS });
    const { api, residentToken } = await identify(kiosk, resident);
    prepared.push({
      communityId,
      rewardId: reward.id,
      resident: api,
      tokens: { token: kiosk.token, residentToken },
    });
  }
  return prepared;
}

export function redeemOnce({ resident, rewardId }: RedeemingKiosk) {
  return resident.kiosk.redeem.mutate({
    idempotencyKey: newIdempotencyKey(),
    rewardId,
    quantity: 1,
  });
}

/** The office of one community with records waiting for review, in batches of a request each. */
export type ReviewDesk = { communityId: string; reviewers: ApiClient[]; batches: string[][] };

/**
 * One community where a leader has logged `sheets` sign-in sheets through `service.log`, each
 * for every member of the organization on a day of its own (so no resident's daily cap or
 * review lock couples two batches), and `reviewers` office members are signed in, none of whom
 * logged anything (maker–checker). Batches are cut so that those reviewed side by side
 * name different residents.
 */
export async function prepareReviewDesk(
  url: string,
  db: Kysely<Database>,
  { reviewers, batchSize, records }: { reviewers: number; batchSize: number; records: number },
): Promise<ReviewDesk> {
  const { id: communityId } = await createCommunity(db, {
    name: { zh: '', en: `Review bench ${randomUUID().slice(0, 6)}` },
  });
  // Enough members that a day's sheet holds a batch for every reviewer.
  const members = batchSize * Math.max(reviewers, Math.ceil(200 / batchSize));
  const residents = [];
  for (let i = 0; i < members; i++) residents.push(await givenResident(db, communityId));
  const organization = await givenOrganization(db, communityId, { members: residents });
  const leader = await signedInStaff(url, db, {
    communityId,
    role: 'leader',
    organizationIds: [organization.id],
  });
  const batches: string[][] = [];
  for (let day = 1; batches.length * batchSize < records; day++) {
    const startedAt = new Date(Date.now() - day * 86_400_000).toISOString();
    for (let from = 0; from < members; from += MAX_RECORDS_PER_CALL) {
      const { records: logged } = await leader.api.service.log.mutate({
        idempotencyKey: newIdempotencyKey(),
        organizationId: organization.id,
        residentIds: residents.slice(from, from + MAX_RECORDS_PER_CALL).map((r) => r.id),
        activity: { title: 'Courtyard clean-up', category: 'environment', place: 'Courtyard' },
        startedAt,
        minutes: 60,
      });
      for (let i = 0; i < logged.length; i += batchSize) {
        batches.push(logged.slice(i, i + batchSize).map((record) => record.id));
      }
    }
  }
  const offices = await Promise.all(
    Array.from({ length: reviewers }, () =>
      signedInStaff(url, db, { communityId, role: 'office' }),
    ),
  );
  // Taken from the end: reverse so the oldest sheets are reviewed first, as in the queue.
  return { communityId, reviewers: offices.map((o) => o.api), batches: batches.reverse() };
}

/** Approves the next waiting batch; `false` when none is left. */
export async function reviewOnce(desk: ReviewDesk, reviewer: ApiClient): Promise<boolean> {
  const recordIds = desk.batches.pop();
  if (!recordIds) return false;
  await reviewer.service.review.mutate({
    idempotencyKey: newIdempotencyKey(),
    recordIds,
    decision: 'approve',
  });
  return true;
}
