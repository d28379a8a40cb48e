import { randomUUID } from 'node:crypto';
import { describeEachDatabase } from '@tally/db/testing';
import { parseCheckpointCode } from '@tally/domain/checkpoints';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Executor } from '../executor';
import { expectDomainError } from '../expect-domain-error';
import { postTransaction } from '../post-transaction';
import {
  type GivenCommunity,
  givenCommunity,
  givenResidentPoints,
  transfer,
} from '../test-factories';
import { rehashChain, settleBalances, tamper } from '../test-tampering';
import { checkAnchors } from '../verify/anchors';
import { verifyLedger } from '../verify-ledger';
import { checkpointCommunitiesWithNewEntries } from './checkpoint-schedule';
import { storeCheckpoint } from './checkpoints';
import { assertLedgerKeyMatches } from './key-check';
import { ledgerKey, newLedgerKey } from './ledger-key';
import { makeCheckpoint } from './make-checkpoint';
import { checkpointDocument, listCheckpoints } from './read-checkpoints';

describeEachDatabase('ledger checkpoints', (database) => {
  async function givenLedger(entries = 4) {
    const { db } = database();
    const community = await givenCommunity(db);
    const alice = await givenResidentPoints(db, community, 100);
    const bob = await givenResidentPoints(db, community);
    for (let i = 1; i < entries; i++) {
      await postTransaction(db, transfer(community, { from: alice.id, to: bob.id, points: i }));
    }
    return { db, community, communityId: community.communityId, alice, bob };
  }

  describe('making them', () => {
    it('signs the head once, however many instances ask at the same time', async () => {
      const { db, communityId } = await givenLedger();
      const made = await Promise.all([1, 2, 3].map(() => makeCheckpoint(db, communityId)));
      expect(new Set(made.map((c) => c.code)).size).toBe(1);
      expect(made[0]).toMatchObject({
        sequence: 4,
        code: expect.stringMatching(/^#4-[0-9A-Z]{4}-[0-9A-Z]{4}$/),
      });
      const { items } = await listCheckpoints(db, { communityId, limit: 10 });
      expect(items.map((c) => c.sequence)).toEqual([4, 0]);
    });

    it('refuses to vouch for a ledger that does not verify since the previous checkpoint', async () => {
      const { db, community, alice, bob } = await givenLedger();
      await makeCheckpoint(db, community.communityId);
      await postTransaction(db, transfer(community, { from: alice.id, to: bob.id, points: 1 }));
      await tamper(
        db,
        sql`update ledger_transactions set memo = 'edited'
             where community_id = ${community.communityId} and sequence = 5`,
      );
      const error = await expectDomainError(
        makeCheckpoint(db, community.communityId),
        'LEDGER_BROKEN',
      );
      expect(error.message).toMatch(/does not verify at entry 5/);

      // The hourly round names the broken ledger in the log and signs the others all the same.
      const healthy = await givenLedger(2);
      const errors: object[] = [];
      await checkpointCommunitiesWithNewEntries(db, {
        info: () => {},
        error: (details) => errors.push(details),
      });
      expect(errors).toContainEqual(
        expect.objectContaining({ communityId: community.communityId }),
      );
      const { items } = await listCheckpoints(db, { communityId: healthy.communityId, limit: 1 });
      expect(items[0]?.sequence).toBe(2);
    });
  });

  describe('the key', () => {
    it('must be the one that signed the newest checkpoint, or the service does not start', async () => {
      const { db, communityId } = await givenLedger();
      await makeCheckpoint(db, communityId);
      await expect(assertLedgerKeyMatches(db, ledgerKey())).resolves.toBeUndefined();
      await expect(assertLedgerKeyMatches(db, newLedgerKey())).rejects.toThrow(
        /The ledger was signed with the key ed25519:[0-9a-f]{16}, but this service has ed25519:/,
      );
    });
  });

  describe('what the office keeps', () => {
    it('verifies the ledger with the downloaded file and with the code typed from paper', async () => {
      const { db, communityId } = await givenLedger();
      const checkpoint = await makeCheckpoint(db, communityId);
      const file = await checkpointDocument(db, { communityId });
      expect(file).toMatchObject({
        sequence: 4,
        code: checkpoint.code,
        signedMessage: `tally-checkpoint:v1:${communityId}:4:${checkpoint.headHash}`,
        publicKey: expect.stringContaining('BEGIN PUBLIC KEY'),
      });
      const typed = parseCheckpointCode(` ${checkpoint.code.toLowerCase().replace(/0/g, 'o')} `);
      for (const office of [file, typed ?? undefined]) {
        const result = await verifyLedger(db, communityId, { checkpoint: office });
        expect(result).toMatchObject({
          ok: true,
          anchor: { sequence: 4, code: checkpoint.code, source: 'office' },
        });
      }
    });

    it('refuses a file edited by hand, signed by another key, or of another community', async () => {
      const { db, communityId } = await givenLedger();
      await makeCheckpoint(db, communityId);
      const file = await checkpointDocument(db, { communityId });
      const other = await givenLedger();
      const edited = { ...file, sequence: 3 };
      await expectDomainError(
        verifyLedger(db, communityId, { checkpoint: edited }),
        'CHECKPOINT_INVALID',
      );
      await expectDomainError(
        verifyLedger(db, communityId, { checkpoint: file, key: newLedgerKey() }),
        'CHECKPOINT_INVALID',
      );
      await expectDomainError(
        verifyLedger(db, other.communityId, { checkpoint: file }),
        'CHECKPOINT_INVALID',
      );
    });

    it('takes a checkpoint signed while verify ran for what it is, not for a cut ledger', async () => {
      const { db, communityId } = await givenLedger();
      // Verify read the head at entry 2; entries 3 and 4 came, and were signed, after.
      await makeCheckpoint(db, communityId);
      const seen = await checkAnchors(db, { communityId, head: 2, key: ledgerKey() });
      expect(seen.breaks).toEqual([]);
      expect(seen.anchor?.sequence).toBe(4);
      // Cut from the end, the same checkpoint still tells it.
      await tamper(
        db,
        sql`delete from ledger_transactions where community_id = ${communityId} and sequence > 2`,
      );
      await tamper(
        db,
        sql`update ledger_chains set head_sequence = 2 where community_id = ${communityId}`,
      );
      const cut = await checkAnchors(db, { communityId, head: 2, key: ledgerKey() });
      expect(cut.breaks.map((b) => b.finding.kind)).toEqual(['ledger_truncated']);
    });

    it('says a code that does not fit the ledger no longer agrees with it', async () => {
      const { db, communityId } = await givenLedger();
      const checkpoint = await makeCheckpoint(db, communityId);
      await tamper(
        db,
        sql`update ledger_transactions set memo = 'edited' where community_id = ${communityId} and sequence = 2`,
      );
      await rehashChain(db, communityId, 2);
      await tamper(db, sql`delete from ledger_checkpoints where community_id = ${communityId}`);

      const result = await verifyLedger(db, communityId, {
        checkpoint: parseCheckpointCode(checkpoint.code) ?? undefined,
      });
      expect(result.firstBrokenSequence).toBe(2);
      expect(
        result.findings.map((f) => [f.kind, f.sequence, f.checkpoint?.source ?? null]),
      ).toEqual([
        ['entry_changed', 2, null],
        ['checkpoint_mismatch', 4, 'office'],
      ]);
    });

    it('reports a checkpoint signed with another key, and does not lean on it', async () => {
      const { db, communityId } = await givenLedger();
      const stranger = newLedgerKey();
      const head = await db
        .selectFrom('ledger_chains')
        .select(['head_sequence', 'head_hash'])
        .where('community_id', '=', communityId)
        .executeTakeFirstOrThrow();
      await storeCheckpoint(db, stranger, {
        communityId,
        sequence: head.head_sequence,
        headHash: head.head_hash,
      });
      const result = await verifyLedger(db, communityId);
      expect(result.anchor).toMatchObject({ sequence: 0 });
      expect(result.findings).toEqual([expect.objectContaining({ kind: 'checkpoint_other_key' })]);
    });
  });

  describe('a ledger begun before sealing', () => {
    /** Entries and accounts as the ledger core wrote them: no seals, the first hash form. */
    async function givenLegacyLedger(db: Executor, community: GivenCommunity) {
      const { communityId } = community;
      await tamper(
        db,
        sql`delete from ledger_checkpoints where community_id = ${communityId}`,
        sql`update ledger_accounts set identity_seal = null where community_id = ${communityId}`,
        sql`update ledger_transactions set seal = null where community_id = ${communityId}`,
      );
      await rehashChain(db, communityId, 1);
    }

    it('is vouched for by its first checkpoint, and takes no unsealed entry after it', async () => {
      const { db, community, communityId, alice, bob } = await givenLedger(3);
      await givenLegacyLedger(db, community);
      expect(await verifyLedger(db, communityId)).toMatchObject({ ok: true, anchor: null });

      await makeCheckpoint(db, communityId);
      await postTransaction(db, transfer(community, { from: alice.id, to: bob.id, points: 1 }));
      expect(await verifyLedger(db, communityId)).toMatchObject({
        ok: true,
        anchor: { sequence: 3 },
      });

      // An entry after the checkpoint in the old form: not written by Tally.
      const id = randomUUID();
      await tamper(
        db,
        sql`insert into ledger_transactions (community_id, id, sequence, kind, actor_type, actor_id,
              memo, idempotency_key, request_hash, created_at, prev_hash, hash)
            select community_id, ${id}, 5, 'transfer', 'staff', 'office-1', '', ${id}, 'x', now(),
              head_hash, head_hash from ledger_chains where community_id = ${communityId}`,
        sql`insert into ledger_postings (community_id, transaction_id, position, account_id, unit, amount)
            values (${communityId}, ${id}, 1, ${alice.id}, 'points', -1),
                   (${communityId}, ${id}, 2, ${bob.id}, 'points', 1)`,
      );
      await rehashChain(db, communityId, 5);
      await settleBalances(db, communityId);
      expect((await verifyLedger(db, communityId)).findings[0]).toMatchObject({
        kind: 'entry_not_sealed',
        sequence: 5,
      });
    });
  });
});
