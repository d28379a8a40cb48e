import { randomUUID } from 'node:crypto';
import { describeEachDatabase } from '@tally/db/testing';
import { describe, expect, it } from 'vitest';
import { recordAudit } from '../common/audit';
import { communityAccounts } from '../communities/create-community';
import { postTransaction } from '../ledger/post-transaction';
import { addMember, createOrganization } from '../organizations/create-organization';
import { createResident } from '../residents/create-resident';
import {
  expectApiError,
  givenCommunityWithStaff,
  newIdempotencyKey,
  serveDuring,
} from '../test/api';

describeEachDatabase('the ledger API', (database) => {
  const server = serveDuring(database);

  /** A community where one resident was credited 120 points, then spent 20. */
  async function givenLedger() {
    const { db } = database();
    const community = await givenCommunityWithStaff(server, database());
    const accounts = await communityAccounts(db, community.communityId);
    const resident = await createResident(db, {
      communityId: community.communityId,
      name: 'Wang Fang',
      cardNumber: `C${randomUUID().slice(0, 6)}`,
      pin: '1234',
    });
    const actor = { type: 'staff' as const, id: community.office.user.id };
    const credit = await postTransaction(db, {
      communityId: community.communityId,
      idempotencyKey: newIdempotencyKey(),
      kind: 'adjustment',
      actor,
      memo: 'welcome points',
      postings: [
        { accountId: accounts.pointsSource, amount: -120 },
        { accountId: resident.pointsAccountId, amount: 120 },
      ],
    });
    const spend = await postTransaction(db, {
      communityId: community.communityId,
      idempotencyKey: newIdempotencyKey(),
      kind: 'redemption',
      actor,
      memo: 'Rice 5 kg',
      postings: [
        { accountId: resident.pointsAccountId, amount: -20 },
        { accountId: accounts.redemptionSink, amount: 20 },
      ],
    });
    return { ...community, resident, credit, spend };
  }

  describe('ledger.balances', () => {
    it("shows the office a resident's points and minutes", async () => {
      const { office, resident } = await givenLedger();
      expect(await office.api.ledger.balances.query({ residentId: resident.id })).toEqual({
        points: 100,
        minutes: 0,
      });
    });

    it('lets a leader see members of their organization and no one else', async () => {
      const { db } = database();
      const { communityId, resident, leaderOf } = await givenLedger();
      const organization = await createOrganization(db, {
        communityId,
        name: { zh: '', en: `Team ${randomUUID()}` },
      });
      const leader = await leaderOf([organization.id]);
      await expectApiError(
        leader.api.ledger.balances.query({ residentId: resident.id }),
        'NOT_FOUND',
      );
      await addMember(db, {
        communityId,
        organizationId: organization.id,
        residentId: resident.id,
      });
      expect(await leader.api.ledger.balances.query({ residentId: resident.id })).toMatchObject({
        points: 100,
      });
    });

    it("never shows another community's resident", async () => {
      const { resident } = await givenLedger();
      const other = await givenCommunityWithStaff(server, database());
      await expectApiError(
        other.office.api.ledger.balances.query({ residentId: resident.id }),
        'NOT_FOUND',
      );
    });
  });

  describe('ledger.journal and ledger.transaction', () => {
    it("traces a resident's balance to every entry, newest first, with whose accounts they touched", async () => {
      const { auditor, resident, credit, spend } = await givenLedger();
      const page = await auditor.api.ledger.journal.query({ residentId: resident.id });
      expect(page.items.map((e) => e.id)).toEqual([spend.id, credit.id]);
      const [latest] = page.items;
      expect(latest?.memo).toBe('Rice 5 kg');
      expect(latest?.actorName).toBe('Test office');
      expect(latest?.postings).toEqual([
        expect.objectContaining({
          amount: -20,
          ownerType: 'resident',
          ownerName: { zh: 'Wang Fang', en: 'Wang Fang' },
        }),
        expect.objectContaining({ amount: 20, ownerType: 'redemption_sink' }),
      ]);
      const sum = page.items.flatMap((e) => e.postings).filter((p) => p.ownerId === resident.id);
      expect(sum.reduce((total, p) => total + p.amount, 0)).toBe(100);
    });

    it('pages by cursor and filters by kind', async () => {
      const { auditor, credit, spend } = await givenLedger();
      const first = await auditor.api.ledger.journal.query({ limit: 1 });
      expect(first.items.map((e) => e.id)).toEqual([spend.id]);
      const second = await auditor.api.ledger.journal.query({
        limit: 1,
        cursor: first.nextCursor ?? '',
      });
      expect(second.items.map((e) => e.id)).toEqual([credit.id]);
      const redemptions = await auditor.api.ledger.journal.query({ kind: 'redemption' });
      expect(redemptions.items.map((e) => e.id)).toEqual([spend.id]);
    });

    it('shows one transaction with its hash and the hash it links to', async () => {
      const { auditor, credit, spend } = await givenLedger();
      const entry = await auditor.api.ledger.transaction.query({ id: spend.id });
      const previous = await auditor.api.ledger.transaction.query({ id: credit.id });
      expect(entry.hash).toBe(spend.hash);
      expect(entry.prevHash).toBe(previous.hash);
    });

    it('refuses leaders', async () => {
      const { leaderOf } = await givenLedger();
      const leader = await leaderOf([]);
      await expectApiError(leader.api.ledger.journal.query({}), 'FORBIDDEN');
    });
  });

  describe('ledger.reverse', () => {
    it('lets the office reverse a transaction once, and audits it', async () => {
      const { office, resident, spend, communityId } = await givenLedger();
      const request = {
        idempotencyKey: newIdempotencyKey(),
        transactionId: spend.id,
        reason: 'refund',
      };
      const reversal = await office.api.ledger.reverse.mutate(request);
      expect(await office.api.ledger.reverse.mutate(request)).toEqual(reversal);
      expect(await office.api.ledger.balances.query({ residentId: resident.id })).toMatchObject({
        points: 120,
      });
      await expectApiError(
        office.api.ledger.reverse.mutate({ ...request, idempotencyKey: newIdempotencyKey() }),
        'ALREADY_REVERSED',
      );
      const entry = await office.api.ledger.transaction.query({ id: spend.id });
      expect(entry.reversedBy).toBe(reversal.transactionId);
      const audit = await office.api.audit.list.query({ action: 'ledger.reverse' });
      expect(audit.items).toHaveLength(1);
      expect(audit.items[0]).toMatchObject({
        actorId: office.user.id,
        targetId: spend.id,
        origin: '127.0.0.1',
      });
      expect(communityId).toBeTruthy();
    });

    it('refuses to reverse a reversal, and says to post a new correction instead', async () => {
      const { office, auditor, resident, spend } = await givenLedger();
      const refund = await office.api.ledger.reverse.mutate({
        idempotencyKey: newIdempotencyKey(),
        transactionId: spend.id,
        reason: 'refund',
      });
      const error = await expectApiError(
        office.api.ledger.reverse.mutate({
          idempotencyKey: newIdempotencyKey(),
          transactionId: refund.transactionId,
          reason: 'undo the refund',
        }),
        'REVERSAL_NOT_REVERSIBLE',
      );
      expect(error.message).toBe('A reversal cannot be reversed; post a new correction instead.');
      // Nothing was posted: the refund stands, and the journal still ends with it.
      expect(await office.api.ledger.balances.query({ residentId: resident.id })).toMatchObject({
        points: 120,
      });
      expect(await auditor.api.ledger.verify.mutate()).toMatchObject({ ok: true, total: 3 });
    });

    it('refuses auditors and leaders', async () => {
      const { auditor, leaderOf, spend } = await givenLedger();
      const request = {
        idempotencyKey: newIdempotencyKey(),
        transactionId: spend.id,
        reason: 'no',
      };
      await expectApiError(auditor.api.ledger.reverse.mutate(request), 'FORBIDDEN');
      await expectApiError((await leaderOf([])).api.ledger.reverse.mutate(request), 'FORBIDDEN');
    });

    it('asks for a reason', async () => {
      const { office, spend } = await givenLedger();
      const error = await expectApiError(
        office.api.ledger.reverse.mutate({
          idempotencyKey: newIdempotencyKey(),
          transactionId: spend.id,
          reason: ' ',
        }),
        'VALIDATION_FAILED',
      );
      expect(error.message).toContain('reason');
    });
  });

  describe('ledger.verify', () => {
    it('tells the auditor the ledger is verified', async () => {
      const { auditor } = await givenLedger();
      expect(await auditor.api.ledger.verify.mutate()).toMatchObject({
        ok: true,
        transactions: 2,
        firstBrokenSequence: null,
      });
    });

    it('goes step by step for a progress bar', async () => {
      const { auditor } = await givenLedger();
      expect(await auditor.api.ledger.verify.mutate({ afterSequence: 0, limit: 1 })).toMatchObject({
        ok: true,
        checkedThrough: 1,
        total: 2,
        done: false,
      });
      expect(await auditor.api.ledger.verify.mutate({ afterSequence: 1, limit: 1 })).toMatchObject({
        ok: true,
        checkedThrough: 2,
        done: true,
      });
    });

    it('refuses leaders and anonymous callers', async () => {
      const { leaderOf, anonymous } = await givenLedger();
      await expectApiError((await leaderOf([])).api.ledger.verify.mutate(), 'FORBIDDEN');
      await expectApiError(anonymous.ledger.verify.mutate(), 'UNAUTHORIZED');
    });
  });

  describe('audit.list', () => {
    it("lists the community's actions newest first, filtered by actor, and names the actor", async () => {
      const { db } = database();
      const { auditor, office, communityId } = await givenLedger();
      await recordAudit(db, {
        communityId,
        actor: { type: 'staff', id: office.user.id },
        action: 'ledger.verify',
        origin: '10.1.1.1',
      });
      const page = await auditor.api.audit.list.query({ actorId: office.user.id });
      expect(page.items[0]).toMatchObject({ action: 'ledger.verify', actorName: 'Test office' });
      expect(page.items.map((e) => e.action)).toContain('auth.login');
    });

    it("never shows another community's entries", async () => {
      const { office } = await givenLedger();
      const other = await givenCommunityWithStaff(server, database());
      const page = await other.auditor.api.audit.list.query({ actorId: office.user.id });
      expect(page.items).toEqual([]);
    });
  });
});
