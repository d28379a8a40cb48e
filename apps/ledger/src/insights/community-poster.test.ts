import { describeEachDatabase } from '@tally/db/testing';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { communityAccounts } from '../communities/create-community';
import { givenGoal, givenKiosk, givenResident, identify } from '../kiosk/test-helpers';
import { postTransaction } from '../ledger/post-transaction';
import { tamper } from '../ledger/test-tampering';
import { givenOrganization } from '../residents/test-helpers';
import {
  expectApiError,
  givenCommunityWithStaff,
  newIdempotencyKey,
  serveDuring,
} from '../test/api';
import { givenServiceRecord } from './test-helpers';

describeEachDatabase('insights.poster', (database) => {
  const server = serveDuring(database);

  const db = () => database().db;

  it('sums one month of counted service, thanks only those who agreed to be named', async () => {
    const community = await givenCommunityWithStaff(server, database());
    const { communityId, office } = community;
    const resident = (displayName: string, showName: boolean) =>
      givenResident(db(), communityId, { displayName, showName });
    const ann = await resident('Ann', true);
    const bo = await resident('Bo', true);
    const cy = await resident('Cy', false);
    const di = await resident('Di', true);
    const garden = await givenOrganization(db(), communityId, { members: [ann, bo, cy, di] });
    const patrol = await givenOrganization(db(), communityId, { members: [bo] });
    const leader = await community.leaderOf([garden.id, patrol.id]);
    const service = (
      who: { id: string },
      organizationId: string,
      startedAt: string,
      minutes: number,
      extra: {
        status?: 'pending' | 'rejected';
        category?: 'culture' | 'safety' | 'environment';
      } = {},
    ) =>
      givenServiceRecord(db(), communityId, {
        organizationId,
        residentId: who.id,
        loggedBy: leader.user.id,
        reviewedBy: office.user.id,
        startedAt,
        minutes,
        ...extra,
      });
    // March 2026 in Shanghai (the test community's zone).
    await service(ann, garden.id, '2026-03-01T00:30:00+08:00', 60, { category: 'environment' });
    await service(ann, garden.id, '2026-03-31T23:00:00+08:00', 30, { category: 'environment' });
    await service(bo, patrol.id, '2026-03-10T09:00:00+08:00', 120, { category: 'safety' });
    await service(bo, garden.id, '2026-02-20T09:00:00+08:00', 45); // February: not this poster
    await service(cy, garden.id, '2026-03-12T09:00:00+08:00', 15, { category: 'culture' });
    await service(di, garden.id, '2026-03-13T09:00:00+08:00', 90, { status: 'pending' });
    await service(di, garden.id, '2026-03-14T09:00:00+08:00', 90, { status: 'rejected' });
    await service(ann, garden.id, '2026-04-01T00:10:00+08:00', 40); // April

    const poster = await community.auditor.api.insights.poster.query({ month: '2026-03' });

    expect(poster).toMatchObject({
      month: '2026-03',
      minutes: 225,
      hours: 3.75,
      participants: 3,
      // Bo served in February already; Ann and Cy began in March.
      newParticipants: 2,
      organizations: [
        { id: patrol.id, name: patrol.name, minutes: 120 },
        { id: garden.id, name: garden.name, minutes: 105 },
      ],
      categories: [
        { category: 'safety', minutes: 120 },
        { category: 'environment', minutes: 90 },
        { category: 'culture', minutes: 15 },
      ],
      pointsDonated: 0,
      goals: [],
      // Cy did not agree to be named; Di's service was not approved.
      thanks: ['Ann', 'Bo'],
      otherVolunteers: 1,
    });
  });

  it("counts this month's gifts to goals and marks the goals that reached their target", async () => {
    const community = await givenCommunityWithStaff(server, database());
    const { communityId, office } = community;
    const kiosk = await givenKiosk(server, db(), communityId);
    const giver = await givenResident(db(), communityId, { points: 200 });
    const { api } = await identify(kiosk, giver);
    const bench = await givenGoal(office.api, 50);
    const library = await givenGoal(office.api, 500);
    const donate = (goalId: string, points: number) =>
      api.kiosk.donate.mutate({ idempotencyKey: newIdempotencyKey(), goalId, points });
    await donate(bench.id, 50);
    await donate(library.id, 30);
    const { rows } = await sql<{ month: string }>`
      select to_char(now() at time zone time_zone, 'YYYY-MM') as month
        from communities where id = ${communityId}`.execute(db());
    const month = rows[0]?.month ?? '';

    const poster = await office.api.insights.poster.query({ month });

    expect(poster.pointsDonated).toBe(80);
    expect(poster.goals).toEqual([
      { id: bench.id, title: bench.title, targetPoints: 50, raisedPoints: 50, funded: true },
      { id: library.id, title: library.title, targetPoints: 500, raisedPoints: 30, funded: false },
    ]);
    // Without a month, the poster is about the month before this one; a goal set up then shows
    // what it had raised by that month's end, not what came in since.
    await sql`update goals set created_at = now() - interval '40 days' where id = ${bench.id}`.execute(
      db(),
    );
    const lastMonth = await office.api.insights.poster.query({});
    expect(lastMonth.month < month).toBe(true);
    expect(lastMonth).toMatchObject({
      pointsDonated: 0,
      participants: 0,
      thanks: [],
      goals: [{ id: bench.id, targetPoints: 50, raisedPoints: 0, funded: false }],
    });
  });

  it('carries the code of the checkpoint that vouches for the month: the first signed after it, else the newest', async () => {
    const { communityId, office } = await givenCommunityWithStaff(server, database());
    const noCheckpointYet = await office.api.insights.poster.query({ month: '2026-03' });
    expect(noCheckpointYet.checkpoint).toBeNull();

    const accounts = await communityAccounts(db(), communityId);
    const adjust = () =>
      postTransaction(db(), {
        communityId,
        idempotencyKey: newIdempotencyKey(),
        kind: 'adjustment',
        actor: { type: 'staff', id: office.user.id },
        memo: 'stock take',
        postings: [
          { accountId: accounts.pointsSource, amount: -5 },
          { accountId: accounts.redemptionSink, amount: 5 },
        ],
      });
    const checkpoint = () =>
      office.api.ledger.checkpoint.mutate({ idempotencyKey: newIdempotencyKey() });
    await adjust();
    const afterMarch = await checkpoint();
    await adjust();
    const afterApril = await checkpoint();
    // Signed half an hour after each month ended, in the community's calendar (Shanghai).
    const signedAt = (sequence: number, at: string) =>
      sql`update ledger_checkpoints set signed_at = ${at}
           where community_id = ${communityId} and sequence = ${sequence}`;
    await tamper(
      db(),
      signedAt(afterMarch.sequence, '2026-04-01T00:30:00+08:00'),
      signedAt(afterApril.sequence, '2026-05-01T00:30:00+08:00'),
    );

    const codeOf = async (month: string) =>
      (await office.api.insights.poster.query({ month })).checkpoint?.code;
    expect(await codeOf('2026-03')).toBe(afterMarch.code);
    expect(await codeOf('2026-04')).toBe(afterApril.code);
    expect(await codeOf('2026-06')).toBe(afterApril.code);
  });

  it('is for the office and auditors only, and names a month it can read', async () => {
    const community = await givenCommunityWithStaff(server, database());
    const leader = await community.leaderOf([]);
    await expectApiError(leader.api.insights.poster.query({}), 'FORBIDDEN');
    await expectApiError(community.anonymous.insights.poster.query({}), 'UNAUTHORIZED');
    await expectApiError(
      community.office.api.insights.poster.query({ month: '2026-13' }),
      'VALIDATION_FAILED',
    );
  });
});
