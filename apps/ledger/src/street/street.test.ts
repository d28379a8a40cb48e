import { randomUUID } from 'node:crypto';
import type { Database } from '@tally/db/schema';
import { describeEachDatabase } from '@tally/db/testing';
import { type Kysely, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { failAt } from '../common/failpoints';
import { givenKiosk } from '../kiosk/test-helpers';
import { postTransaction } from '../ledger/post-transaction';
import { resumeMoves } from '../moves/accept-move';
import { createResident } from '../residents/create-resident';
import { givenCredit } from '../residents/test-helpers';
import {
  apiClient,
  expectApiError,
  givenCommunityWithStaff,
  newIdempotencyKey as key,
  serveDuring,
  TEST_PASSWORD,
  testPasswordHash,
} from '../test/api';
import { creditSourceAccount, residentCreditAccount } from '../timebank/credit-accounts';
import { createStreet, createStreetAccount } from './streets';

// Street level (issue 17) through the real service on both databases: the street office sees
// its own street's communities and no other street's, reads one at a time through the same
// procedures a community's auditor uses, opens and closes communities, and never logs or
// approves service. Moving house: the resident's points and time credit leave one chain and
// arrive in the other exactly once, however often the acceptance is retried or cut off between
// its halves, with every sum across the street unchanged and both chains verifying.

const PIN = '4826';

describeEachDatabase('street level', (database) => {
  const server = serveDuring(database);
  const db = (): Kysely<Database> => database().db;

  async function givenStreet() {
    const a = await givenCommunityWithStaff(server, database());
    const b = await givenCommunityWithStaff(server, database());
    const elsewhere = await givenCommunityWithStaff(server, database());
    const street = await createStreet(db(), {
      name: { zh: '测试街道', en: `Street ${randomUUID().slice(0, 6)}` },
      communityIds: [a.communityId, b.communityId],
    });
    await createStreet(db(), {
      name: { zh: '', en: 'Another street' },
      communityIds: [elsewhere.communityId],
    });
    const account = await createStreetAccount(
      db(),
      {
        streetId: street.id,
        homeCommunityId: a.communityId,
        username: `street-${randomUUID().slice(0, 8)}`,
        password: TEST_PASSWORD,
        displayName: 'Street office',
      },
      { passwordHash: await testPasswordHash() },
    );
    const { token } = await apiClient(server.url).auth.login.mutate({
      username: account.username,
      password: TEST_PASSWORD,
    });
    return { a, b, elsewhere, street, streetApi: apiClient(server.url, { token }) };
  }

  async function givenResident(communityId: string, { points = 0, credit = 0 } = {}) {
    const cardNumber = `S${randomUUID().slice(0, 7).toUpperCase()}`;
    const resident = await createResident(db(), {
      communityId,
      name: `Mover ${cardNumber}`,
      cardNumber,
      pin: PIN,
      birthYear: 1950,
    });
    if (points > 0) await givenCredit(db(), communityId, resident, { points, minutes: 90 });
    if (credit > 0) {
      await postTransaction(db(), {
        communityId,
        idempotencyKey: key(),
        kind: 'transfer',
        actor: { type: 'system', id: 'test' },
        memo: 'test time credit',
        postings: [
          { accountId: await creditSourceAccount(db(), communityId), amount: -credit },
          {
            accountId: await residentCreditAccount(db(), communityId, resident.id),
            amount: credit,
          },
        ],
      });
    }
    return resident;
  }

  /** What residents of the street hold, and what its clearing accounts hold, per unit. */
  async function streetSums(communityIds: string[]) {
    const rows = await db()
      .selectFrom('ledger_accounts')
      .select(['owner_type', 'unit', sql<number>`sum(balance)::bigint`.as('total')])
      .where('community_id', 'in', communityIds)
      .where('owner_type', 'in', ['resident', 'move_clearing'])
      .groupBy(['owner_type', 'unit'])
      .execute();
    const of = (owner: string, unit: string) =>
      Number(rows.find((r) => r.owner_type === owner && r.unit === unit)?.total ?? 0);
    return {
      residentPoints: of('resident', 'points'),
      residentCredit: of('resident', 'time_credit'),
      clearingPoints: of('move_clearing', 'points'),
      clearingCredit: of('move_clearing', 'time_credit'),
    };
  }

  async function balanceOf(communityId: string, residentId: string, unit: string) {
    const row = await db()
      .selectFrom('ledger_accounts')
      .select('balance')
      .where('community_id', '=', communityId)
      .where('owner_type', '=', 'resident')
      .where('owner_id', '=', residentId)
      .where('unit', '=', unit as 'points')
      .executeTakeFirst();
    return Number(row?.balance ?? 0);
  }

  async function moveTransactions(communityId: string, moveId: string) {
    return db()
      .selectFrom('ledger_transactions')
      .select(['id', 'idempotency_key'])
      .where('community_id', '=', communityId)
      .where('reference_type', '=', 'resident_move')
      .where('reference_id', '=', moveId)
      .execute();
  }

  async function expectVerified(api: {
    ledger: { verify: { mutate: () => Promise<{ ok: boolean; findings: unknown[] }> } };
  }) {
    const result = await api.ledger.verify.mutate();
    expect(result.findings).toEqual([]);
    expect(result.ok).toBe(true);
  }

  describe('the street office', () => {
    it('sees its own communities side by side, and no other street’s', async () => {
      const { a, b, elsewhere, streetApi } = await givenStreet();
      await givenResident(b.communityId, { points: 40 });
      const overview = await streetApi.street.get.query();
      expect(overview.communities.map((c) => c.id).sort()).toEqual(
        [a.communityId, b.communityId].sort(),
      );
      expect(overview.openCommunityId).toBe(a.communityId);
      const inB = overview.communities.find((c) => c.id === b.communityId);
      expect(inB).toMatchObject({ residents: 1, pointsHeld: 40, active: true });

      await expectApiError(
        streetApi.street.open.mutate({ communityId: elsewhere.communityId }),
        'NOT_IN_STREET',
      );
      const insights = await streetApi.street.insights.query({ last: 'last_90_days' });
      expect(insights.communities.map((c) => c.id).sort()).toEqual(
        [a.communityId, b.communityId].sort(),
      );
      // One resident is fewer than five: the figure is hidden, as in the community's own report.
      expect(
        insights.communities.find((c) => c.id === b.communityId)?.participation.residents,
      ).toBe('<5');
      const verified = await streetApi.street.verify.query();
      expect(verified.communities.map((c) => c.ok)).toEqual([true, true]);
      // A community's office is no street office.
      await expectApiError(a.office.api.street.get.query(), 'FORBIDDEN');
    });

    it('reads the community it opens through the auditor’s procedures, noted in its audit log', async () => {
      const { b, streetApi } = await givenStreet();
      const resident = await givenResident(b.communityId, { points: 10 });
      await streetApi.street.open.mutate({ communityId: b.communityId });
      const residents = await streetApi.residents.list.query({});
      expect(residents.items.map((r) => r.id)).toEqual([resident.id]);
      await expectVerified(streetApi);
      const audit = await b.office.api.audit.list.query({ action: 'street.open' });
      expect(audit.items).toHaveLength(1);
      // Its own account stays its own: its sessions are listed from the community it is kept in.
      expect((await streetApi.auth.sessions.query()).length).toBeGreaterThan(0);
    });

    it('never logs, approves or moves anything itself', async () => {
      const { b, streetApi } = await givenStreet();
      const resident = await givenResident(b.communityId);
      await streetApi.street.open.mutate({ communityId: b.communityId });
      await expectApiError(
        streetApi.residents.create.mutate({
          idempotencyKey: key(),
          name: 'Someone',
          cardNumber: 'X1',
          pin: '1234',
        }),
        'FORBIDDEN',
      );
      await expectApiError(
        streetApi.service.review.mutate({
          idempotencyKey: key(),
          recordIds: [randomUUID()],
          decision: 'approve',
        } as never),
        'FORBIDDEN',
      );
      await expectApiError(
        streetApi.moves.propose.mutate({
          idempotencyKey: key(),
          residentId: resident.id,
          toCommunityId: b.communityId,
        }),
        'FORBIDDEN',
      );
    });

    it('opens a community with its first office account, and closes and reopens it', async () => {
      const { streetApi } = await givenStreet();
      const username = `office-${randomUUID().slice(0, 8)}`;
      const request = {
        idempotencyKey: key(),
        name: { zh: '新社区', en: 'New Community' },
        timeZone: 'Asia/Shanghai',
        office: { username, displayName: 'First office', password: 'temporary-pass-1' },
      };
      const created = await streetApi.street.createCommunity.mutate(request);
      // The same request again answers the same community, made once.
      expect((await streetApi.street.createCommunity.mutate(request)).id).toBe(created.id);
      const overview = await streetApi.street.get.query();
      expect(overview.communities.filter((c) => c.id === created.id)).toHaveLength(1);

      const login = await apiClient(server.url).auth.login.mutate({
        username,
        password: 'temporary-pass-1',
      });
      expect(login.mustChangePassword).toBe(true);
      expect(login.user.communityId).toBe(created.id);
      const office = apiClient(server.url, { token: login.token });
      await office.auth.changePassword.mutate({
        currentPassword: 'temporary-pass-1',
        newPassword: 'quiet-river-stone-42',
      });
      expect((await office.community.get.query()).name.en).toBe('New Community');
      const kiosk = await givenKiosk(server, db(), created.id);
      await kiosk.api.kiosk.community.query();

      const closed = await streetApi.street.deactivateCommunity.mutate({
        idempotencyKey: key(),
        communityId: created.id,
        reason: 'Merged into its neighbour',
      });
      expect(closed.active).toBe(false);
      await expectApiError(office.community.get.query(), 'UNAUTHORIZED');
      await expectApiError(
        apiClient(server.url).auth.login.mutate({ username, password: 'quiet-river-stone-42' }),
        'INVALID_CREDENTIALS',
      );
      await expectApiError(kiosk.api.kiosk.community.query(), 'UNAUTHORIZED');
      // The street still reads it.
      await streetApi.street.open.mutate({ communityId: created.id });
      const audit = await streetApi.audit.list.query({});
      expect(audit.items.map((e) => e.action)).toEqual(
        expect.arrayContaining(['street.createCommunity', 'street.deactivateCommunity']),
      );

      await streetApi.street.reactivateCommunity.mutate({
        idempotencyKey: key(),
        communityId: created.id,
        reason: 'Reopened',
      });
      await apiClient(server.url).auth.login.mutate({ username, password: 'quiet-river-stone-42' });
    });
  });

  describe('moving house', () => {
    it('moves points and time credit once, keeps the history where it was, both chains verify', async () => {
      const { a, b } = await givenStreet();
      const resident = await givenResident(a.communityId, { points: 120, credit: 45 });
      const before = await streetSums([a.communityId, b.communityId]);

      const proposed = await a.office.api.moves.propose.mutate({
        idempotencyKey: key(),
        residentId: resident.id,
        toCommunityId: b.communityId,
        note: 'Moved to her daughter’s',
      });
      expect(proposed.status).toBe('proposed');
      await expectApiError(
        a.office.api.moves.propose.mutate({
          idempotencyKey: key(),
          residentId: resident.id,
          toCommunityId: b.communityId,
        }),
        'MOVE_PENDING',
      );
      // Only the receiving office accepts.
      await expectApiError(
        a.office.api.moves.accept.mutate({ idempotencyKey: key(), moveId: proposed.id }),
        'NOT_FOUND',
      );
      const incoming = await b.office.api.moves.list.query();
      expect(incoming.incoming.map((m) => m.id)).toEqual([proposed.id]);

      const accept = { idempotencyKey: key(), moveId: proposed.id, building: '12' };
      const done = await b.office.api.moves.accept.mutate(accept);
      expect(done).toMatchObject({
        status: 'done',
        points: 120,
        timeCredit: 45,
        history: { minutesServed: 0, serviceRecords: 0 },
      });
      // Again, and again at once: nothing more moves.
      await Promise.all([
        b.office.api.moves.accept.mutate(accept),
        b.office.api.moves.accept.mutate({ ...accept, idempotencyKey: key() }),
      ]);
      const arrivedId = done.arrived?.residentId ?? '';
      expect(await balanceOf(b.communityId, arrivedId, 'points')).toBe(120);
      expect(await balanceOf(b.communityId, arrivedId, 'time_credit')).toBe(45);
      expect(await balanceOf(a.communityId, resident.id, 'points')).toBe(0);
      expect(await moveTransactions(a.communityId, proposed.id)).toHaveLength(1);
      expect(await moveTransactions(b.communityId, proposed.id)).toHaveLength(1);

      const after = await streetSums([a.communityId, b.communityId]);
      expect(after.residentPoints).toBe(before.residentPoints);
      expect(after.residentCredit).toBe(before.residentCredit);
      expect(after.clearingPoints).toBe(0);
      expect(after.clearingCredit).toBe(0);
      await expectVerified(a.office.api);
      await expectVerified(b.office.api);
      // Each journal says, in its reader's words, where the resident went or came from.
      const described = async (api: typeof a.office.api) =>
        (await api.ledger.journal.query({})).items
          .map((entry) => entry.description)
          .filter((description) => description.code === 'move');
      expect(await described(a.office.api)).toEqual([
        { code: 'move', params: { direction: 'out', community: expect.any(Object) } },
      ]);
      expect((await described(b.office.api))[0]?.params).toMatchObject({ direction: 'in' });

      // The old card stops; the new one opens with the same PIN.
      const kioskA = await givenKiosk(server, db(), a.communityId);
      await expectApiError(
        kioskA.api.kiosk.identify.mutate({ cardNumber: resident.cardNumber, pin: PIN }),
        'WRONG_PIN',
      );
      const kioskB = await givenKiosk(server, db(), b.communityId);
      const identified = await kioskB.api.kiosk.identify.mutate({
        cardNumber: done.arrived?.cardNumber ?? '',
        pin: PIN,
      });
      expect(identified.resident.points).toBe(120);
      // Both communities' audit logs tell it.
      const auditA = await a.office.api.audit.list.query({});
      const auditB = await b.office.api.audit.list.query({});
      expect(auditA.items.map((e) => e.action)).toEqual(
        expect.arrayContaining(['moves.propose', 'moves.accept', 'moves.arrived']),
      );
      expect(auditB.items.map((e) => e.action)).toEqual(
        expect.arrayContaining(['moves.propose', 'moves.arrived']),
      );
    });

    it('finishes a move cut off between its halves exactly once', async () => {
      const { a, b } = await givenStreet();
      const resident = await givenResident(a.communityId, { points: 75 });
      const before = await streetSums([a.communityId, b.communityId]);
      const proposed = await a.office.api.moves.propose.mutate({
        idempotencyKey: key(),
        residentId: resident.id,
        toCommunityId: b.communityId,
      });
      const release = failAt('moves.between-halves', () => {
        throw new Error('the service died between the halves');
      });
      try {
        await expectApiError(
          b.office.api.moves.accept.mutate({ idempotencyKey: key(), moveId: proposed.id }),
          'INTERNAL',
        );
      } finally {
        release();
      }
      // Half-way: out of A's chain, in A's clearing account, not yet in B.
      const between = await streetSums([a.communityId, b.communityId]);
      expect(between.clearingPoints).toBe(75);
      expect(between.residentPoints).toBe(before.residentPoints - 75);
      expect(await moveTransactions(b.communityId, proposed.id)).toHaveLength(0);
      await expectVerified(a.office.api);

      // Whoever comes next finishes it: here, the receiving office opening its list.
      const list = await b.office.api.moves.list.query();
      expect(list.incoming.find((m) => m.id === proposed.id)?.status).toBe('done');
      expect(await resumeMoves(db())).toBe(0);
      const retried = await b.office.api.moves.accept.mutate({
        idempotencyKey: key(),
        moveId: proposed.id,
      });
      expect(retried.status).toBe('done');
      expect(await moveTransactions(a.communityId, proposed.id)).toHaveLength(1);
      expect(await moveTransactions(b.communityId, proposed.id)).toHaveLength(1);
      expect(await streetSums([a.communityId, b.communityId])).toEqual(before);
      await expectVerified(a.office.api);
      await expectVerified(b.office.api);
    });

    it('moves nothing when declined or withdrawn, and a settled move stays settled', async () => {
      const { a, b } = await givenStreet();
      const resident = await givenResident(a.communityId, { points: 30 });
      const first = await a.office.api.moves.propose.mutate({
        idempotencyKey: key(),
        residentId: resident.id,
        toCommunityId: b.communityId,
      });
      const declined = await b.office.api.moves.decline.mutate({
        idempotencyKey: key(),
        moveId: first.id,
        reason: 'No flat found here',
      });
      expect(declined).toMatchObject({ status: 'declined', declineReason: 'No flat found here' });
      await expectApiError(
        b.office.api.moves.accept.mutate({ idempotencyKey: key(), moveId: first.id }),
        'MOVE_SETTLED',
      );
      const second = await a.office.api.moves.propose.mutate({
        idempotencyKey: key(),
        residentId: resident.id,
        toCommunityId: b.communityId,
      });
      await a.office.api.moves.cancel.mutate({ idempotencyKey: key(), moveId: second.id });
      await expectApiError(
        b.office.api.moves.accept.mutate({ idempotencyKey: key(), moveId: second.id }),
        'MOVE_SETTLED',
      );
      expect(await balanceOf(a.communityId, resident.id, 'points')).toBe(30);
      // A community of another street is no destination.
      const { elsewhere } = await givenStreet();
      await expectApiError(
        a.office.api.moves.propose.mutate({
          idempotencyKey: key(),
          residentId: resident.id,
          toCommunityId: elsewhere.communityId,
        }),
        'NOT_IN_STREET',
      );
      expect((await a.office.api.moves.destinations.query()).map((d) => d.id)).toEqual([
        b.communityId,
      ]);
    });
  });
});
