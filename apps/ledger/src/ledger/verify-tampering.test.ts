import { randomBytes, randomUUID } from 'node:crypto';
import { describeEachDatabase } from '@tally/db/testing';
import { parseCheckpointCode } from '@tally/domain/checkpoints';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createCommunity } from '../communities/create-community';
import { givenCredit, givenResident } from '../residents/test-helpers';
import { makeCheckpoint } from './anchoring/make-checkpoint';
import { checkpointDocument } from './anchoring/read-checkpoints';
import type { Executor } from './executor';
import { givenBusyLedger } from './test-factories';
import { rehashChain, settleBalances, tamper, truncateAfter } from './test-tampering';
import { verifyLedger } from './verify-ledger';

// The three kinds of tampering a security probe found passing verification (issue 10,
// F12): each test does what an intruder with write access to the database can do, and
// hides it as well as the database allows: hashes recomputed with the database's own
// functions, the chain head moved, balances set to agree with the postings.

describeEachDatabase('verifying against what lies outside the database', (database) => {
  /** Ten entries (3 opening balances, 7 transfers), signed by a checkpoint at entry 10. */
  async function givenCheckpointedLedger() {
    const ledger = await givenBusyLedger(database().db);
    const checkpoint = await makeCheckpoint(ledger.db, ledger.communityId);
    expect(checkpoint.sequence).toBe(10);
    return { ...ledger, checkpoint };
  }

  describe('(f) entries deleted from the end, head and balances moved back', () => {
    it('says the ledger ends before the entries the checkpoint vouches for', async () => {
      const { db, communityId, checkpoint } = await givenCheckpointedLedger();
      await truncateAfter(db, communityId, 7);

      const result = await verifyLedger(db, communityId);
      expect(result).toMatchObject({
        ok: false,
        firstBrokenSequence: 8,
        checkedThrough: 7,
        mismatchedAccounts: [],
      });
      expect(result.findings).toEqual([
        expect.objectContaining({
          kind: 'ledger_truncated',
          sequence: 8,
          checkpoint: expect.objectContaining({ sequence: 10, source: 'database' }),
        }),
      ]);
      expect(result.findings[0]?.message).toMatch(
        new RegExp(
          `^The ledger ends at entry 7, but checkpoint ${checkpoint.code} of \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC vouches for 10 entries: entries 8 to 10 were removed\\.$`,
        ),
      );
    });

    it('still shows against the office’s code and file when the checkpoints were deleted too', async () => {
      const { db, communityId, checkpoint } = await givenCheckpointedLedger();
      const file = await checkpointDocument(db, { communityId });
      await truncateAfter(db, communityId, 6);
      await tamper(db, sql`delete from ledger_checkpoints where community_id = ${communityId}`);

      const code = parseCheckpointCode(checkpoint.code);
      if (!code) throw new Error('the checkpoint code does not read back');
      for (const office of [code, file]) {
        const result = await verifyLedger(db, communityId, { checkpoint: office });
        expect(result).toMatchObject({ ok: false, firstBrokenSequence: 7 });
        expect(result.findings[0]).toMatchObject({
          kind: 'ledger_truncated',
          checkpoint: { sequence: 10, code: checkpoint.code, source: 'office' },
        });
      }
    });
  });

  describe('(g) accounts given to someone else', () => {
    /** Three residents with points in a community with real resident records. */
    async function givenResidents(db: Executor) {
      const community = await createCommunity(db, {
        name: { zh: '', en: `Owners ${randomUUID().slice(0, 6)}` },
      });
      const [alice, bob, mallory] = [
        await givenResident(db, community.id, { name: 'Alice' }),
        await givenResident(db, community.id, { name: 'Bob' }),
        await givenResident(db, community.id, { name: 'Mallory' }),
      ];
      if (!alice || !bob || !mallory) throw new Error('no residents');
      await givenCredit(db, community.id, alice, { points: 500, minutes: 300 }); // entry 1
      await givenCredit(db, community.id, mallory, { points: 5, minutes: 10 }); // entry 2
      await givenCredit(db, community.id, bob, { points: 50, minutes: 60 }); // entry 3
      return { communityId: community.id, alice, bob, mallory };
    }

    type Holder = { id: string; pointsAccountId: string };

    /**
     * Gives two residents each other's points accounts: the accounts' owners and the
     * residents' records both changed, so each record still points at an account naming it.
     */
    function swapPointsAccounts(db: Executor, communityId: string, [a, b]: [Holder, Holder]) {
      const account = (holder: Holder) =>
        sql`community_id = ${communityId} and id = ${holder.pointsAccountId}`;
      return tamper(
        db,
        // Through a spare name: an owner may hold one points account at a time.
        sql`update ledger_accounts set owner_id = 'swapping' where ${account(a)}`,
        sql`update ledger_accounts set owner_id = ${a.id} where ${account(b)}`,
        sql`update ledger_accounts set owner_id = ${b.id} where ${account(a)}`,
        sql`update residents set points_account_id = case id
              when ${a.id}::uuid then ${b.pointsAccountId}::uuid
              else ${a.pointsAccountId}::uuid end
             where community_id = ${communityId} and id in (${a.id}::uuid, ${b.id}::uuid)`,
      );
    }

    it('names the first entry that posted to a swapped account, even with the records pointing along', async () => {
      const { db } = database();
      const { communityId, bob, mallory } = await givenResidents(db);
      await makeCheckpoint(db, communityId);
      // Bob's 50 points become Mallory's and hers Bob's: owners and residents' pointers swapped.
      await swapPointsAccounts(db, communityId, [bob, mallory]);

      const result = await verifyLedger(db, communityId);
      expect(result).toMatchObject({ ok: false, firstBrokenSequence: 2 });
      expect(result.findings[0]).toMatchObject({
        kind: 'account_changed',
        sequence: 2,
        accountId: mallory.pointsAccountId,
      });
      expect(result.findings[0]?.message).toMatch(/^Entry 2 posted to account .* changed since/);
    });

    it('catches a new account given away after the newest checkpoint, though every hash was recomputed', async () => {
      const { db } = database();
      const { communityId } = await givenResidents(db);
      await makeCheckpoint(db, communityId);
      const carol = await givenResident(db, communityId, { name: 'Carol' });
      const dave = await givenResident(db, communityId, { name: 'Dave' });
      await givenCredit(db, communityId, carol, { points: 80, minutes: 60 }); // entry 4
      // Carol's new account, with the only entry that ever touched it, becomes Dave's.
      await swapPointsAccounts(db, communityId, [carol, dave]);
      await rehashChain(db, communityId, 4);

      const result = await verifyLedger(db, communityId);
      expect(result).toMatchObject({ ok: false, firstBrokenSequence: 4 });
      expect(result.findings[0]).toMatchObject({
        kind: 'account_changed',
        accountId: carol.pointsAccountId,
      });
    });

    it("names a resident whose record points at someone else's account", async () => {
      const { db } = database();
      const { communityId, alice, mallory } = await givenResidents(db);
      await tamper(
        db,
        sql`update residents set points_account_id = ${alice.pointsAccountId}
             where community_id = ${communityId} and id = ${mallory.id}`,
      );

      const result = await verifyLedger(db, communityId);
      expect(result).toMatchObject({ ok: false, firstBrokenSequence: null });
      expect(result.findings).toEqual([
        expect.objectContaining({
          kind: 'account_misowned',
          accountId: alice.pointsAccountId,
          message: expect.stringContaining(`resident ${mallory.id} (points)`),
        }),
      ]);
    });
  });

  describe('(h) forgeries hashed with the database’s own function', () => {
    /** Appends entry 11 moving 50 points from the first resident to the second, as a forger would. */
    async function forgeEntry(
      db: Executor,
      communityId: string,
      [from, to]: { id: string }[],
      seal: Buffer | null,
    ) {
      const id = randomUUID();
      await tamper(
        db,
        sql`insert into ledger_transactions (community_id, id, sequence, kind, actor_type, actor_id,
              memo, idempotency_key, request_hash, created_at, prev_hash, hash, seal)
            select community_id, ${id}, 11, 'transfer', 'staff', 'office-1', 'transfer',
              ${`forged-${id}`}, 'forged', now(), head_hash, head_hash, ${seal}
              from ledger_chains where community_id = ${communityId}`,
        sql`insert into ledger_postings (community_id, transaction_id, position, account_id, unit, amount)
            values (${communityId}, ${id}, 1, ${from?.id}, 'points', -50),
                   (${communityId}, ${id}, 2, ${to?.id}, 'points', 50)`,
      );
      await rehashChain(db, communityId, 11);
      await settleBalances(db, communityId);
    }

    it('refuses an entry whose seal the service did not make', async () => {
      const { db, communityId, residents } = await givenCheckpointedLedger();
      await forgeEntry(db, communityId, residents, randomBytes(32));

      const result = await verifyLedger(db, communityId);
      expect(result).toMatchObject({ ok: false, firstBrokenSequence: 11, mismatchedAccounts: [] });
      expect(result.findings[0]).toMatchObject({ kind: 'entry_changed', sequence: 11 });
    });

    it('refuses an entry in the old unsealed form after sealing began', async () => {
      const { db, communityId, residents } = await givenCheckpointedLedger();
      await forgeEntry(db, communityId, residents, null);

      const result = await verifyLedger(db, communityId);
      expect(result).toMatchObject({ ok: false, firstBrokenSequence: 11 });
      expect(result.findings[0]).toMatchObject({ kind: 'entry_not_sealed', sequence: 11 });
      expect(result.findings[0]?.message).toBe(
        'Entry 11 was not written by Tally: it carries no seal of the service, where every entry after sealing began must carry one.',
      );
    });

    it('names the rewritten entry and the checkpoint it no longer agrees with', async () => {
      const { db, communityId, checkpoint } = await givenCheckpointedLedger();
      // Entry 5 moved 2 points; make it 60, both sides, and re-hash everything after it.
      await tamper(
        db,
        sql`update ledger_postings p set amount = p.amount * 30 from ledger_transactions t
             where p.community_id = t.community_id and p.transaction_id = t.id
               and t.community_id = ${communityId} and t.sequence = 5`,
      );
      await rehashChain(db, communityId, 5);
      await settleBalances(db, communityId);

      const result = await verifyLedger(db, communityId);
      expect(result).toMatchObject({ ok: false, firstBrokenSequence: 5, mismatchedAccounts: [] });
      expect(result.findings.map((f) => [f.kind, f.sequence])).toEqual([
        ['entry_changed', 5],
        ['checkpoint_mismatch', 10],
      ]);
      expect(result.findings[1]?.message).toMatch(
        `Entry 10 no longer has the hash checkpoint ${checkpoint.code} of `,
      );
    });

    it('ignores and reports a checkpoint whose signature is not the service’s', async () => {
      const { db, communityId, residents, checkpoint } = await givenCheckpointedLedger();
      await forgeEntry(db, communityId, residents, null);
      // The forger also "signs" the new head, with the right key name but no key.
      await tamper(
        db,
        sql`insert into ledger_checkpoints (community_id, sequence, head_hash, key_fingerprint, signature)
            select community_id, head_sequence, head_hash, ${checkpoint.keyFingerprint}, ${randomBytes(64)}
              from ledger_chains where community_id = ${communityId}`,
      );

      const result = await verifyLedger(db, communityId);
      expect(result).toMatchObject({
        ok: false,
        firstBrokenSequence: 11,
        anchor: { sequence: 10, code: checkpoint.code },
      });
      expect(result.findings.map((f) => f.kind)).toEqual(['entry_not_sealed', 'checkpoint_forged']);
    });
  });
});
