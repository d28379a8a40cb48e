import { describeEachDatabase } from '@tally/db/testing';
import { describe, expect, it } from 'vitest';
import { communityAccounts } from '../../communities/create-community';
import {
  expectApiError,
  givenCommunityWithStaff,
  newIdempotencyKey,
  serveDuring,
} from '../../test/api';
import { postTransaction } from '../post-transaction';

describeEachDatabase('the checkpoints API', (database) => {
  const server = serveDuring(database);

  /** A community with two entries. */
  async function givenLedger() {
    const { db } = database();
    const community = await givenCommunityWithStaff(server, database());
    const accounts = await communityAccounts(db, community.communityId);
    for (const amount of [30, 12]) {
      await postTransaction(db, {
        communityId: community.communityId,
        idempotencyKey: newIdempotencyKey(),
        kind: 'adjustment',
        actor: { type: 'staff', id: community.office.user.id },
        memo: 'stock take',
        postings: [
          { accountId: accounts.pointsSource, amount: -amount },
          { accountId: accounts.redemptionSink, amount },
        ],
      });
    }
    return community;
  }

  describe('ledger.checkpoint', () => {
    it('lets the office sign the ledger now, once per request, and audits it', async () => {
      const { office } = await givenLedger();
      const request = { idempotencyKey: newIdempotencyKey() };
      const checkpoint = await office.api.ledger.checkpoint.mutate(request);
      expect(checkpoint).toMatchObject({ sequence: 2, code: expect.stringMatching(/^#2-/) });
      expect(await office.api.ledger.checkpoint.mutate(request)).toEqual(checkpoint);
      const audit = await office.api.audit.list.query({ action: 'ledger.checkpoint' });
      expect(audit.items).toEqual([
        expect.objectContaining({ actorId: office.user.id, targetId: '2' }),
      ]);
    });

    it('refuses auditors, leaders and anonymous callers', async () => {
      const { auditor, leaderOf, anonymous } = await givenLedger();
      const request = { idempotencyKey: newIdempotencyKey() };
      await expectApiError(auditor.api.ledger.checkpoint.mutate(request), 'FORBIDDEN');
      await expectApiError((await leaderOf([])).api.ledger.checkpoint.mutate(request), 'FORBIDDEN');
      await expectApiError(anonymous.ledger.checkpoint.mutate(request), 'UNAUTHORIZED');
    });
  });

  describe('ledger.checkpoints and ledger.checkpointFile', () => {
    it('shows the auditor the codes, and the file to keep', async () => {
      const { office, auditor, communityId } = await givenLedger();
      const checkpoint = await office.api.ledger.checkpoint.mutate({
        idempotencyKey: newIdempotencyKey(),
      });
      const { items } = await auditor.api.ledger.checkpoints.query({ limit: 5 });
      expect(items.map((c) => c.code)).toEqual([checkpoint.code, expect.stringMatching(/^#0-/)]);
      expect(await auditor.api.ledger.checkpointFile.query({})).toMatchObject({
        format: 'tally-checkpoint/1',
        communityId,
        sequence: 2,
        code: checkpoint.code,
      });
      await expectApiError(auditor.api.ledger.checkpointFile.query({ sequence: 1 }), 'NOT_FOUND');
    });

    it("never shows another community's checkpoints, and refuses leaders", async () => {
      const { office, leaderOf } = await givenLedger();
      await office.api.ledger.checkpoint.mutate({ idempotencyKey: newIdempotencyKey() });
      const other = await givenCommunityWithStaff(server, database());
      const { items } = await other.auditor.api.ledger.checkpoints.query({});
      expect(items.map((c) => c.sequence)).toEqual([0]);
      await expectApiError((await leaderOf([])).api.ledger.checkpoints.query({}), 'FORBIDDEN');
    });
  });

  describe('ledger.verify with the office’s checkpoint', () => {
    it('verifies against the code from the poster and the downloaded file', async () => {
      const { office, auditor } = await givenLedger();
      const checkpoint = await office.api.ledger.checkpoint.mutate({
        idempotencyKey: newIdempotencyKey(),
      });
      const file = await auditor.api.ledger.checkpointFile.query({});
      for (const kept of [checkpoint.code, file]) {
        expect(await auditor.api.ledger.verify.mutate({ checkpoint: kept })).toMatchObject({
          ok: true,
          anchor: { sequence: 2, code: checkpoint.code, source: 'office' },
          findings: [],
        });
      }
    });

    it('tells a typing mistake in the code from tampering', async () => {
      const { office, auditor } = await givenLedger();
      const { code } = await office.api.ledger.checkpoint.mutate({
        idempotencyKey: newIdempotencyKey(),
      });
      const last = code.at(-1) === 'A' ? 'B' : 'A';
      const error = await expectApiError(
        auditor.api.ledger.verify.mutate({ checkpoint: `${code.slice(0, -1)}${last}` }),
        'VALIDATION_FAILED',
      );
      expect(error.message).toContain('This checkpoint code has a typing mistake');
    });

    it('refuses a file edited by hand', async () => {
      const { office, auditor } = await givenLedger();
      await office.api.ledger.checkpoint.mutate({ idempotencyKey: newIdempotencyKey() });
      const file = await auditor.api.ledger.checkpointFile.query({});
      await expectApiError(
        auditor.api.ledger.verify.mutate({ checkpoint: { ...file, sequence: 1 } }),
        'CHECKPOINT_INVALID',
      );
    });
  });
});
