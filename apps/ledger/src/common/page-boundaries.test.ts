import { randomUUID } from 'node:crypto';
import { describeEachDatabase } from '@tally/db/testing';
import { describe, expect, it } from 'vitest';
import { givenIdentifiedResident, givenReward } from '../kiosk/test-helpers';
import { approve, givenTeam, logRecords } from '../service/test-helpers';
import { expectApiError, newIdempotencyKey, serveDuring } from '../test/api';
import { crowdIntoOneMillisecond, pageThrough } from '../test/paging';

// PostgreSQL keeps microseconds; a cursor that keeps less skips rows at a page boundary. Each
// list here gets five rows inside one millisecond, three of them at the very same instant, and
// must hand out every one exactly once, in order, however small its pages.

/** The list, paged one and two at a time, hands out exactly `expected`, in that order. */
async function expectEachOnceInOrder<T, K>(
  fetch: Parameters<typeof pageThrough<T>>[0],
  keyOf: (item: T) => K,
  expected: K[],
) {
  for (const limit of [1, 2]) {
    expect((await pageThrough(fetch, limit)).map(keyOf)).toEqual(expected);
  }
}

describeEachDatabase('time-ordered lists at a page boundary', (database) => {
  const server = serveDuring(database);

  async function givenFiveRecords() {
    const team = await givenTeam(server, database(), { members: 1 });
    const [resident] = team.residents;
    if (!resident) throw new Error('team has no member');
    const ids = await logRecords(team.leader.api, team.organization.id, resident, [
      {},
      {},
      {},
      {},
      {},
    ]);
    return { ...team, resident, ids };
  }

  it('service.list hands out every record of one millisecond once', async () => {
    const { office, communityId, ids } = await givenFiveRecords();
    const expected = await crowdIntoOneMillisecond(database().db, {
      table: 'service_records',
      column: 'logged_at',
      communityId,
      ids,
    });
    await expectEachOnceInOrder(
      (input) => office.api.service.list.query(input),
      (record) => record.id,
      expected,
    );
  });

  it('the notice board hands out every approval of one millisecond once', async () => {
    const { office, auditor, communityId, ids } = await givenFiveRecords();
    await approve(office.api, ids);
    const expected = await crowdIntoOneMillisecond(database().db, {
      table: 'service_records',
      column: 'reviewed_at',
      communityId,
      ids,
    });
    await expectEachOnceInOrder(
      (input) => auditor.api.notices.list.query(input),
      (notice) => notice.serviceRecordId,
      expected,
    );
  });

  it('redemptions.list hands out every redemption of one millisecond once', async () => {
    const { office, residentApi, communityId } = await givenIdentifiedResident(server, database(), {
      points: 100,
    });
    const reward = await givenReward(office.api, { points: 1, stock: 10 });
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const { redemptionId } = await residentApi.kiosk.redeem.mutate({
        idempotencyKey: newIdempotencyKey(),
        rewardId: reward.id,
        quantity: 1,
      });
      ids.push(redemptionId);
    }
    const expected = await crowdIntoOneMillisecond(database().db, {
      table: 'redemptions',
      column: 'created_at',
      communityId,
      ids,
    });
    await expectEachOnceInOrder(
      (input) => office.api.redemptions.list.query(input),
      (redemption) => redemption.id,
      expected,
    );
  });

  it('corrections.list hands out every request of one millisecond once', async () => {
    const { office, communityId, resident } = await givenFiveRecords();
    const ids = Array.from({ length: 5 }, () => randomUUID());
    await database()
      .db.insertInto('correction_requests')
      .values(
        ids.map((id) => ({
          community_id: communityId,
          id,
          resident_id: resident.id,
          kind: 'missing_record' as const,
          reason: 'My Tuesday visit is not there',
        })),
      )
      .execute();
    const expected = await crowdIntoOneMillisecond(database().db, {
      table: 'correction_requests',
      column: 'requested_at',
      communityId,
      ids,
    });
    await expectEachOnceInOrder(
      (input) => office.api.corrections.list.query(input),
      (request) => request.id,
      expected,
    );
  });

  it('audit.list hands out every entry of one instant once, newest first', async () => {
    const { office, communityId } = await givenTeam(server, database(), { members: 0 });
    // The log is append-only: its entries are written at their instants, not moved there.
    const at = new Date(Math.floor(Date.now() / 1000) * 1000 - 60_000).toISOString();
    const written = await database()
      .db.insertInto('audit_log')
      .values(
        ['.000001', '.000002', '.000002', '.000002', '.000999'].map((micros) => ({
          community_id: communityId,
          at: `${at.slice(0, 19)}${micros}Z`,
          actor_type: 'staff',
          action: 'notices.set_period',
        })),
      )
      .returning('id')
      .execute();
    const expected = written.map((row) => row.id).sort((a, b) => b - a);
    await expectEachOnceInOrder(
      (input) => office.api.audit.list.query({ ...input, action: 'notices.set_period' }),
      (entry) => entry.id,
      expected,
    );
  });

  describe('a cursor the list did not hand out', () => {
    it('is refused as invalid, not failed on', async () => {
      const { office } = await givenTeam(server, database(), { members: 0 });
      const february30 = Buffer.from(`2026-02-30T10:00:00.000001Z|${randomUUID()}`).toString(
        'base64url',
      );
      for (const cursor of ['nope', february30, `2026-03-01T10:00:00.000001Z|${randomUUID()}`]) {
        await expectApiError(office.api.redemptions.list.query({ cursor }), 'VALIDATION_FAILED');
        await expectApiError(office.api.service.list.query({ cursor }), 'VALIDATION_FAILED');
      }
      for (const cursor of ['-1', '1e3', 'nope']) {
        await expectApiError(office.api.audit.list.query({ cursor }), 'VALIDATION_FAILED');
        await expectApiError(office.api.ledger.journal.query({ cursor }), 'VALIDATION_FAILED');
      }
    });
  });
});
