import type { Database } from '@tally/db/schema';
import { describeEachDatabase } from '@tally/db/testing';
import fc from 'fast-check';
import { type Kysely, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { givenActivityResident, givenActivityTeam, key } from '../activities/test-helpers';
import { startPhoneSession } from '../auth/phone-sessions';
import { type ApiClient, apiClient, expectApiError, serveDuring } from '../test/api';

// The mutual-aid time bank (issue 16) through the real service on both databases: a request's
// life with who may do what, the care pool paying only for whom the office's rule covers, gifts
// to family and the pool, disputes and reversals, exactly one claim and one transfer however
// many arrive at once, never a negative balance, and the ledger verifying throughout.

describeEachDatabase('time bank', (database) => {
  const server = serveDuring(database);
  const db = (): Kysely<Database> => database().db;

  async function givenCommunity(members = 3) {
    const team = await givenActivityTeam(server, database(), { members });
    const onPhone = async (resident: { id: string }) => {
      const { token } = await startPhoneSession(db(), {
        communityId: team.communityId,
        signedInAs: { kind: 'resident', id: resident.id },
        actingFor: resident.id,
        remember: false,
        device: 'test phone',
      });
      return apiClient(server.url, { token });
    };
    const office = team.office.api;
    const verify = async () => {
      const result = await office.ledger.verify.mutate();
      expect(result.findings).toEqual([]);
      expect(result.ok).toBe(true);
    };
    return { ...team, office, onPhone, verify };
  }

  function askFor(overrides: Record<string, unknown> = {}) {
    return {
      idempotencyKey: key(),
      kind: 'shopping' as const,
      description: 'Rice and vegetables from the market',
      place: 'Building 3, unit 2, flat 501',
      minutesEstimate: 60,
      ...overrides,
    };
  }

  async function creditOf(communityId: string, residentId: string): Promise<number> {
    const row = await db()
      .selectFrom('ledger_accounts')
      .select('balance')
      .where('community_id', '=', communityId)
      .where('owner_type', '=', 'resident')
      .where('owner_id', '=', residentId)
      .where('unit', '=', 'time_credit')
      .executeTakeFirst();
    return Number(row?.balance ?? 0);
  }

  async function transfersFor(communityId: string, requestId: string): Promise<number> {
    const row = await db()
      .selectFrom('ledger_transactions')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('community_id', '=', communityId)
      .where('reference_type', '=', 'help_request')
      .where('reference_id', '=', requestId)
      .where('kind', '=', 'transfer')
      .executeTakeFirstOrThrow();
    return row.n;
  }

  describe('a request, from asking to the credit moving', () => {
    it('hides who asked from neighbours, lets only the requester side confirm, and moves the minutes once', async () => {
      const { communityId, office, residents, atKiosk, onPhone, verify } = await givenCommunity(3);
      const [asker, helper, neighbour] = residents;
      if (!asker || !helper || !neighbour) throw new Error('three residents');
      const askerPhone = await onPhone(asker);
      const helperKiosk = await atKiosk(helper);
      const neighbourPhone = await onPhone(neighbour);

      const asked = await askerPhone.timebank.request.mutate(askFor({ showOnBoard: true }));
      expect(asked.status).toBe('open');

      // Neighbours see what, roughly where and how long; never who, exactly where or whom to call.
      const open = await neighbourPhone.timebank.list.query({ view: 'open' });
      const seen = open.items.find((item) => item.id === asked.id);
      expect(seen).toMatchObject({
        kind: 'shopping',
        minutesEstimate: 60,
        placesLeft: 1,
        role: 'neighbour',
        requesterName: null,
        requesterId: null,
        place: null,
        contactPhone: null,
        claims: [],
      });
      // The asker does not see their own request among those to help with.
      const own = await askerPhone.timebank.list.query({ view: 'open' });
      expect(own.items.map((item) => item.id)).not.toContain(asked.id);
      await expectApiError(
        askerPhone.timebank.claim.mutate({ idempotencyKey: key(), requestId: asked.id }),
        'OWN_REQUEST',
      );

      // The helper claims at the kiosk and now sees who and where; the place is taken.
      const claimed = await helperKiosk.timebank.claim.mutate({
        idempotencyKey: key(),
        requestId: asked.id,
        showOnBoard: true,
      });
      expect(claimed).toEqual({ requestId: asked.id, status: 'claimed', placesLeft: 0 });
      const asHelper = await helperKiosk.timebank.get.query({ id: asked.id });
      expect(asHelper.role).toBe('helper');
      expect(asHelper.place).toBe('Building 3, unit 2, flat 501');
      expect(asHelper.requesterName).not.toBeNull();
      await expectApiError(
        neighbourPhone.timebank.claim.mutate({ idempotencyKey: key(), requestId: asked.id }),
        'ALREADY_CLAIMED',
      );
      // A neighbour cannot open a request that is no longer open.
      await expectApiError(neighbourPhone.timebank.get.query({ id: asked.id }), 'NOT_FOUND');

      await helperKiosk.timebank.propose.mutate({
        idempotencyKey: key(),
        requestId: asked.id,
        minutes: 75,
      });
      const confirm = (minutes: number) => ({
        idempotencyKey: key(),
        requestId: asked.id,
        helperId: helper.id,
        minutes,
      });
      // Only the requester's side or the office confirms: never the helper, never a neighbour.
      await expectApiError(helperKiosk.timebank.confirm.mutate(confirm(75)), 'NOT_YOUR_REQUEST');
      await expectApiError(neighbourPhone.timebank.confirm.mutate(confirm(75)), 'NOT_YOUR_REQUEST');
      // The asker has no credit and the pool's rule does not cover them.
      await expectApiError(askerPhone.timebank.confirm.mutate(confirm(75)), 'INSUFFICIENT_CREDIT');

      // The office funds the pool and puts the asker on its care list.
      const grant = await office.timebank.grant.mutate({
        idempotencyKey: key(),
        minutes: 600,
        note: 'Street office grant',
      });
      expect(grant.poolBalance).toBe(600);
      await office.timebank.setPoolRule.mutate({ idempotencyKey: key(), minAge: 75 });
      // Born 1960: too young for the age rule.
      await expectApiError(askerPhone.timebank.confirm.mutate(confirm(75)), 'INSUFFICIENT_CREDIT');
      const list = await office.timebank.addToCareList.mutate({
        idempotencyKey: key(),
        residentId: asker.id,
        note: 'Lives alone after surgery',
      });
      expect(list.map((entry) => entry.residentId)).toEqual([asker.id]);
      expect((await askerPhone.timebank.balance.query()).poolEligible).toBe(true);

      // The asker agrees to 60 of the 75 minutes proposed: the pool pays it all.
      const done = await askerPhone.timebank.confirm.mutate(confirm(60));
      expect(done).toMatchObject({
        minutes: 60,
        poolMinutes: 60,
        pointsEarned: 0,
        requestStatus: 'done',
      });
      await expectApiError(askerPhone.timebank.confirm.mutate(confirm(60)), 'ALREADY_CONFIRMED');
      await expectApiError(office.timebank.confirm.mutate(confirm(60)), 'ALREADY_CONFIRMED');
      expect(await transfersFor(communityId, asked.id)).toBe(1);

      expect(await creditOf(communityId, helper.id)).toBe(60);
      expect(await creditOf(communityId, asker.id)).toBe(0);
      const pool = await office.timebank.pool.query();
      expect(pool).toMatchObject({ balance: 540, paidMinutes: 60, grantedMinutes: 600 });
      const helperBalance = await helperKiosk.timebank.balance.query();
      expect(helperBalance).toMatchObject({ balance: 60, helpedMinutes: 60, receivedMinutes: 0 });
      // Service hours are another account: helping a neighbour leaves them as they were.
      const account = await helperKiosk.kiosk.me.query();
      expect(account.minutes).toBe(0);

      // Both agreed to show it: the notice board thanks the helper.
      const board = await office.timebank.board.query();
      expect(board.exchanges).toHaveLength(1);
      expect(board.exchanges[0]).toMatchObject({ kind: 'shopping', minutes: 60 });
      expect(board).toMatchObject({ monthExchanges: 1, monthMinutes: 60, poolBalance: 540 });
      await verify();
    });

    it('lets the office ask for a housebound resident, and a requester cancel or record a no-show', async () => {
      const { office, residents, onPhone } = await givenCommunity(3);
      const [elder, helper, second] = residents;
      if (!elder || !helper || !second) throw new Error('three residents');
      const forElder = await office.timebank.requestFor.mutate({
        ...askFor({ kind: 'hospital', minutesEstimate: 180, helpersNeeded: 2 }),
        residentId: elder.id,
        reason: 'Cannot walk far; no phone',
      });
      const elderPhone = await onPhone(elder);
      const mine = await elderPhone.timebank.list.query({ view: 'mine' });
      expect(mine.items.map((item) => [item.id, item.via])).toEqual([[forElder.id, 'office']]);

      const helperPhone = await onPhone(helper);
      const secondPhone = await onPhone(second);
      const first = await helperPhone.timebank.claim.mutate({
        idempotencyKey: key(),
        requestId: forElder.id,
      });
      expect(first).toMatchObject({ status: 'open', placesLeft: 1 });
      const full = await secondPhone.timebank.claim.mutate({
        idempotencyKey: key(),
        requestId: forElder.id,
      });
      expect(full).toMatchObject({ status: 'claimed', placesLeft: 0 });

      // One helper did not come: the place opens again; the other gives it back.
      const noShow = await elderPhone.timebank.noShow.mutate({
        idempotencyKey: key(),
        requestId: forElder.id,
        helperId: second.id,
      });
      expect(noShow).toMatchObject({ status: 'no_show', requestStatus: 'open' });
      await expectApiError(
        helperPhone.timebank.noShow.mutate({
          idempotencyKey: key(),
          requestId: forElder.id,
          helperId: second.id,
        }),
        'NOT_YOUR_REQUEST',
      );
      const withdrawn = await helperPhone.timebank.withdraw.mutate({
        idempotencyKey: key(),
        requestId: forElder.id,
      });
      expect(withdrawn).toMatchObject({ status: 'withdrawn', requestStatus: 'open' });

      const cancelled = await elderPhone.timebank.cancel.mutate({
        idempotencyKey: key(),
        requestId: forElder.id,
        reason: 'My son will take me',
      });
      expect(cancelled.status).toBe('cancelled');
      await expectApiError(
        secondPhone.timebank.claim.mutate({ idempotencyKey: key(), requestId: forElder.id }),
        'REQUEST_CLOSED',
      );
      const audit = await office.audit.list.query({ action: 'timebank.requestFor' });
      expect(audit.items[0]?.details).toMatchObject({ reason: 'Cannot walk far; no phone' });
    });
  });

  describe('disputes, reversals and gifts', () => {
    it('sends a dispute to the office, which confirms 30 minutes and can reverse them', async () => {
      const { communityId, office, residents, onPhone, verify } = await givenCommunity(2);
      const [asker, helper] = residents;
      if (!asker || !helper) throw new Error('two residents');
      await office.timebank.grant.mutate({ idempotencyKey: key(), minutes: 300, note: '' });
      await office.timebank.setPoolRule.mutate({ idempotencyKey: key(), minAge: 60 });
      const askerPhone = await onPhone(asker);
      const helperPhone = await onPhone(helper);
      const { id } = await askerPhone.timebank.request.mutate(
        askFor({ kind: 'repairs', minutesEstimate: 30 }),
      );
      await helperPhone.timebank.claim.mutate({ idempotencyKey: key(), requestId: id });
      await helperPhone.timebank.propose.mutate({
        idempotencyKey: key(),
        requestId: id,
        minutes: 120,
      });
      await expectApiError(
        office.timebank.resolve.mutate({
          idempotencyKey: key(),
          requestId: id,
          helperId: helper.id,
          outcome: 'confirm',
          minutes: 30,
          note: 'Nothing to resolve',
        }),
        'NOT_IN_DISPUTE',
      );
      const disputed = await askerPhone.timebank.dispute.mutate({
        idempotencyKey: key(),
        requestId: id,
        helperId: helper.id,
        reason: 'It took half an hour, not two',
      });
      expect(disputed.status).toBe('disputed');
      await expectApiError(
        askerPhone.timebank.confirm.mutate({
          idempotencyKey: key(),
          requestId: id,
          helperId: helper.id,
          minutes: 30,
        }),
        'CLAIM_SETTLED',
      );
      const inDispute = await office.timebank.list.query({ disputed: true });
      expect(inDispute.items.map((item) => item.id)).toEqual([id]);
      expect(inDispute.items[0]?.claims[0]).toMatchObject({
        disputedBy: 'requester',
        proposedMinutes: 120,
        disputeReason: 'It took half an hour, not two',
      });

      const resolved = await office.timebank.resolve.mutate({
        idempotencyKey: key(),
        requestId: id,
        helperId: helper.id,
        outcome: 'confirm',
        minutes: 30,
        note: 'Both agreed on the phone: 30 minutes',
      });
      expect(resolved.requestStatus).toBe('done');
      expect(await creditOf(communityId, helper.id)).toBe(30);

      // A wrong exchange is undone by a reversal, never an edit; once only.
      const reversed = await office.timebank.reverse.mutate({
        idempotencyKey: key(),
        requestId: id,
        helperId: helper.id,
        reason: 'Logged against the wrong request',
      });
      const reversal = await office.ledger.transaction.query({ id: reversed.reversalId });
      expect(reversal.reverses).toBe(resolved.transactionId);
      expect(await creditOf(communityId, helper.id)).toBe(0);
      expect((await office.timebank.pool.query()).balance).toBe(300);
      await expectApiError(
        office.timebank.reverse.mutate({
          idempotencyKey: key(),
          requestId: id,
          helperId: helper.id,
          reason: 'again',
        }),
        'ALREADY_REVERSED',
      );
      const after = await office.timebank.get.query({ id });
      expect(after.claims[0]).toMatchObject({ status: 'reversed', minutes: 30 });
      await verify();
    });

    it('gives credit to a family member or the pool, never more than one holds, never through a proxy', async () => {
      const { communityId, office, residents, onPhone, verify } = await givenCommunity(3);
      const [giver, son, stranger] = residents;
      if (!giver || !son || !stranger) throw new Error('three residents');
      await office.timebank.grant.mutate({ idempotencyKey: key(), minutes: 100, note: '' });
      await office.timebank.setPoolRule.mutate({ idempotencyKey: key(), minAge: 60 });
      // The giver earns 90 minutes helping the stranger (born 1960, so the pool pays).
      const strangerPhone = await onPhone(stranger);
      const giverPhone = await onPhone(giver);
      const { id } = await strangerPhone.timebank.request.mutate(
        askFor({ kind: 'visit', minutesEstimate: 90 }),
      );
      await giverPhone.timebank.claim.mutate({ idempotencyKey: key(), requestId: id });
      await strangerPhone.timebank.confirm.mutate({
        idempotencyKey: key(),
        requestId: id,
        helperId: giver.id,
        minutes: 90,
      });
      expect(await creditOf(communityId, giver.id)).toBe(90);

      await expectApiError(
        giverPhone.timebank.give.mutate({
          idempotencyKey: key(),
          toResidentId: son.id,
          minutes: 10,
        }),
        'NOT_FAMILY',
      );
      await office.residents.addProxy.mutate({
        idempotencyKey: key(),
        residentId: giver.id,
        reason: 'Her son helps with her phone',
        proxy: { cardNumber: son.cardNumber },
      });
      expect(
        (await giverPhone.timebank.balance.query()).recipients.map((r) => r.residentId),
      ).toEqual([son.id]);
      const gift = await giverPhone.timebank.give.mutate({
        idempotencyKey: key(),
        toResidentId: son.id,
        minutes: 20,
      });
      expect(gift.creditAfter).toBe(70);
      expect(await creditOf(communityId, son.id)).toBe(20);
      await expectApiError(
        giverPhone.timebank.give.mutate({ idempotencyKey: key(), toPool: true, minutes: 71 }),
        'INSUFFICIENT_CREDIT',
      );
      const toPool = await giverPhone.timebank.give.mutate({
        idempotencyKey: key(),
        toPool: true,
        minutes: 70,
      });
      expect(toPool.creditAfter).toBe(0);
      expect(await office.timebank.pool.query()).toMatchObject({
        balance: 80,
        giftedMinutes: 70,
        paidMinutes: 90,
      });

      // The son, acting for his mother on his phone, cannot give her credit away.
      const { token } = await startPhoneSession(db(), {
        communityId,
        signedInAs: { kind: 'resident', id: son.id },
        actingFor: giver.id,
        remember: false,
        device: 'son phone',
      });
      const asProxy = apiClient(server.url, { token });
      await expectApiError(
        asProxy.timebank.give.mutate({ idempotencyKey: key(), toResidentId: son.id, minutes: 1 }),
        'PROXY_NOT_ALLOWED',
      );
      await verify();
    });

    it('pays the helper points too when the earning rule says so, and only once', async () => {
      const { communityId, office, residents, onPhone } = await givenCommunity(2);
      const [asker, helper] = residents;
      if (!asker || !helper) throw new Error('two residents');
      await office.rules.publish.mutate({
        idempotencyKey: key(),
        basePointsPerHour: 10,
        categoryWeights: { mutual_aid: 150 },
        timeBankEarns: true,
      });
      await office.timebank.grant.mutate({ idempotencyKey: key(), minutes: 100, note: '' });
      await office.timebank.addToCareList.mutate({
        idempotencyKey: key(),
        residentId: asker.id,
        note: '',
      });
      const askerPhone = await onPhone(asker);
      const helperPhone = await onPhone(helper);
      const { id } = await askerPhone.timebank.request.mutate(askFor());
      await helperPhone.timebank.claim.mutate({ idempotencyKey: key(), requestId: id });
      const input = { idempotencyKey: key(), requestId: id, helperId: helper.id, minutes: 60 };
      const done = await askerPhone.timebank.confirm.mutate(input);
      expect(done.pointsEarned).toBe(15);
      // A retry of the same request answers the same, and posts nothing new.
      expect(await askerPhone.timebank.confirm.mutate(input)).toEqual(done);
      const points = await db()
        .selectFrom('residents as r')
        .innerJoin('ledger_accounts as a', (j) =>
          j
            .onRef('a.community_id', '=', 'r.community_id')
            .onRef('a.id', '=', 'r.points_account_id'),
        )
        .select('a.balance')
        .where('r.id', '=', helper.id)
        .executeTakeFirstOrThrow();
      expect(Number(points.balance)).toBe(15);
      expect(await transfersFor(communityId, id)).toBe(1);
    });
  });

  describe('at once', () => {
    it('30 claims on a one-helper request leave one claim', async () => {
      const { communityId, residents, atKiosk, onPhone, verify } = await givenCommunity(1);
      const [asker] = residents;
      if (!asker) throw new Error('a resident');
      const helpers = [];
      for (let i = 0; i < 30; i++) helpers.push(await givenActivityResident(db(), communityId));
      const { id } = await (await onPhone(asker)).timebank.request.mutate(askFor());
      const clients = await Promise.all(helpers.map((h, i) => (i % 2 ? onPhone(h) : atKiosk(h))));
      const results = await Promise.allSettled(
        clients.map((client) =>
          client.timebank.claim.mutate({ idempotencyKey: key(), requestId: id }),
        ),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      for (const result of results) {
        if (result.status === 'rejected')
          expect(String(result.reason)).toMatch(/taken|come forward/);
      }
      const claims = await db()
        .selectFrom('help_claims')
        .select(sql<number>`count(*)::int`.as('n'))
        .where('community_id', '=', communityId)
        .where('request_id', '=', id)
        .executeTakeFirstOrThrow();
      expect(claims.n).toBe(1);
      await verify();
    });

    it('20 confirmations of one request make one transfer', async () => {
      const { communityId, office, residents, onPhone, verify } = await givenCommunity(2);
      const [asker, helper] = residents;
      if (!asker || !helper) throw new Error('two residents');
      await office.timebank.grant.mutate({ idempotencyKey: key(), minutes: 1000, note: '' });
      await office.timebank.addToCareList.mutate({
        idempotencyKey: key(),
        residentId: asker.id,
        note: '',
      });
      const askerPhone = await onPhone(asker);
      const { id } = await askerPhone.timebank.request.mutate(askFor());
      await (await onPhone(helper)).timebank.claim.mutate({ idempotencyKey: key(), requestId: id });
      const results = await Promise.allSettled(
        Array.from({ length: 20 }, (_, i) =>
          (i % 4 === 0 ? office : askerPhone).timebank.confirm.mutate({
            idempotencyKey: key(),
            requestId: id,
            helperId: helper.id,
            minutes: 45,
          }),
        ),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect(await transfersFor(communityId, id)).toBe(1);
      expect(await creditOf(communityId, helper.id)).toBe(45);
      await verify();
    });

    it('never lets a balance go negative under gifts and confirmations at once', async () => {
      const { communityId, office, residents, onPhone, verify } = await givenCommunity(3);
      const [rich, helper, elder] = residents;
      if (!rich || !helper || !elder) throw new Error('three residents');
      // `rich` earns 100 minutes helping the elder (the pool pays for the elder).
      await office.timebank.grant.mutate({ idempotencyKey: key(), minutes: 100, note: '' });
      await office.timebank.addToCareList.mutate({
        idempotencyKey: key(),
        residentId: elder.id,
        note: '',
      });
      const richPhone = await onPhone(rich);
      const elderPhone = await onPhone(elder);
      const helperPhone = await onPhone(helper);
      const first = await elderPhone.timebank.request.mutate(askFor({ minutesEstimate: 100 }));
      await richPhone.timebank.claim.mutate({ idempotencyKey: key(), requestId: first.id });
      await elderPhone.timebank.confirm.mutate({
        idempotencyKey: key(),
        requestId: first.id,
        helperId: rich.id,
        minutes: 100,
      });
      // `rich` asks for three 30-minute jobs and gives 15 minutes to the pool six times, all at once.
      const jobs = [];
      for (let i = 0; i < 3; i++) {
        const { id } = await richPhone.timebank.request.mutate(askFor({ minutesEstimate: 30 }));
        await helperPhone.timebank.claim.mutate({ idempotencyKey: key(), requestId: id });
        jobs.push(id);
      }
      const results = await Promise.allSettled([
        ...jobs.map((id) =>
          richPhone.timebank.confirm.mutate({
            idempotencyKey: key(),
            requestId: id,
            helperId: helper.id,
            minutes: 30,
          }),
        ),
        ...Array.from({ length: 6 }, () =>
          richPhone.timebank.give.mutate({ idempotencyKey: key(), toPool: true, minutes: 15 }),
        ),
      ]);
      const spent = results.reduce(
        (sum, r, i) => sum + (r.status === 'fulfilled' ? (i < jobs.length ? 30 : 15) : 0),
        0,
      );
      for (const r of results) {
        if (r.status === 'rejected') expect(String(r.reason)).toMatch(/credit/i);
      }
      const left = await creditOf(communityId, rich.id);
      expect(left).toBeGreaterThanOrEqual(0);
      expect(left).toBe(100 - spent);
      await verify();
    });
  });

  it('keeps every balance as an in-memory model of credits says, whatever the order of moves', async () => {
    const { communityId, office, residents, onPhone, verify } = await givenCommunity(3);
    const phones = await Promise.all(residents.map((r) => onPhone(r)));
    await office.timebank.setPoolRule.mutate({ idempotencyKey: key(), minAge: 60 });
    const model = { pool: 0, residents: residents.map(() => 0) };
    const move = fc.oneof(
      fc.record({ op: fc.constant('grant' as const), minutes: fc.integer({ min: 1, max: 120 }) }),
      fc.record({
        op: fc.constant('help' as const),
        asker: fc.integer({ min: 0, max: 2 }),
        helper: fc.integer({ min: 0, max: 2 }),
        minutes: fc.integer({ min: 5, max: 90 }),
      }),
      fc.record({
        op: fc.constant('give' as const),
        giver: fc.integer({ min: 0, max: 2 }),
        minutes: fc.integer({ min: 1, max: 90 }),
      }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(move, { minLength: 4, maxLength: 8 }), async (moves) => {
        for (const m of moves) {
          if (m.op === 'grant') {
            await office.timebank.grant.mutate({
              idempotencyKey: key(),
              minutes: m.minutes,
              note: '',
            });
            model.pool += m.minutes;
          } else if (m.op === 'give') {
            const giver = phones[m.giver] as ApiClient;
            const ok = (model.residents[m.giver] as number) >= m.minutes;
            const result = giver.timebank.give.mutate({
              idempotencyKey: key(),
              toPool: true,
              minutes: m.minutes,
            });
            if (ok) {
              await result;
              model.residents[m.giver] = (model.residents[m.giver] as number) - m.minutes;
              model.pool += m.minutes;
            } else await expectApiError(result, 'INSUFFICIENT_CREDIT');
          } else if (m.asker !== m.helper) {
            const asker = phones[m.asker] as ApiClient;
            const { id } = await asker.timebank.request.mutate(
              askFor({ minutesEstimate: m.minutes }),
            );
            await (phones[m.helper] as ApiClient).timebank.claim.mutate({
              idempotencyKey: key(),
              requestId: id,
            });
            const own = model.residents[m.asker] as number;
            const fromOwn = Math.min(own, m.minutes);
            const fromPool = m.minutes - fromOwn;
            const helperId = (residents[m.helper] as { id: string }).id;
            const result = asker.timebank.confirm.mutate({
              idempotencyKey: key(),
              requestId: id,
              helperId,
              minutes: m.minutes,
            });
            // Residents here are born in 1960: the age rule of 60 covers them, as far as the pool goes.
            if (fromPool <= model.pool) {
              const done = await result;
              expect(done.poolMinutes).toBe(fromPool);
              model.residents[m.asker] = own - fromOwn;
              model.pool -= fromPool;
              model.residents[m.helper] = (model.residents[m.helper] as number) + m.minutes;
            } else {
              await expectApiError(result, 'INSUFFICIENT_CREDIT');
              await asker.timebank.cancel.mutate({
                idempotencyKey: key(),
                requestId: id,
                reason: '',
              });
            }
          }
          for (const [i, resident] of residents.entries()) {
            expect(await creditOf(communityId, resident.id)).toBe(model.residents[i]);
          }
          expect((await office.timebank.pool.query()).balance).toBe(model.pool);
        }
      }),
      { numRuns: 4 },
    );
    await verify();
  });
});
