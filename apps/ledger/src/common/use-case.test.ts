import { randomUUID } from 'node:crypto';
import type { Database } from '@tally/db/schema';
import { describeEachDatabase } from '@tally/db/testing';
import { DomainError } from '@tally/domain/errors';
import { IdempotencyKey } from '@tally/domain/ledger';
import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createCommunity } from '../ledger/communities';
import { expectDomainError } from '../ledger/expect-domain-error';
import { postingKey, runResidentWrite, runStaffWrite } from './use-case';

async function givenOffice(db: Kysely<Database>) {
  const community = await createCommunity(db, {
    name: { zh: '', en: `Community ${randomUUID().slice(0, 8)}` },
  });
  return { id: randomUUID(), communityId: community.id };
}

function auditLog(db: Kysely<Database>, communityId: string) {
  return db
    .selectFrom('audit_log')
    .select(['actor_type', 'actor_id', 'action', 'target_type', 'target_id', 'origin', 'details'])
    .where('community_id', '=', communityId)
    .orderBy('id')
    .execute();
}

function claimedKeys(db: Kysely<Database>, communityId: string) {
  return db
    .selectFrom('idempotent_requests')
    .select(['key', 'operation'])
    .where('community_id', '=', communityId)
    .execute();
}

/** A write that renames the community and counts how often its work ran. */
function renaming(db: Kysely<Database>, staff: { id: string; communityId: string }) {
  let runs = 0;
  const rename = (key: string, name: string) =>
    runStaffWrite(
      db,
      { staff, origin: '203.0.113.7', operation: 'community.update', key, request: { name } },
      async (trx) => {
        runs += 1;
        await trx
          .updateTable('communities')
          .set({ name_en: name })
          .where('id', '=', staff.communityId)
          .execute();
        return {
          result: { name, run: runs },
          audit: { target: { type: 'community', id: staff.communityId }, details: { name } },
        };
      },
    );
  return { rename, runs: () => runs };
}

async function communityName(db: Kysely<Database>, communityId: string) {
  const row = await db
    .selectFrom('communities')
    .select('name_en')
    .where('id', '=', communityId)
    .executeTakeFirstOrThrow();
  return row.name_en;
}

describeEachDatabase('a write use case', (database) => {
  describe('runStaffWrite', () => {
    it('audits the change under the operation it was claimed as, as the staff member', async () => {
      const { db } = database();
      const staff = await givenOffice(db);
      const { rename } = renaming(db, staff);

      expect(await rename('key-audited-1', 'Harbour')).toEqual({ name: 'Harbour', run: 1 });

      expect(await auditLog(db, staff.communityId)).toEqual([
        {
          actor_type: 'staff',
          actor_id: staff.id,
          action: 'community.update',
          target_type: 'community',
          target_id: staff.communityId,
          origin: '203.0.113.7',
          details: { name: 'Harbour' },
        },
      ]);
      expect(await claimedKeys(db, staff.communityId)).toEqual([
        { key: 'key-audited-1', operation: 'community.update' },
      ]);
    });

    it('answers a replay with the first result, without running the work or auditing again', async () => {
      const { db } = database();
      const staff = await givenOffice(db);
      const { rename, runs } = renaming(db, staff);

      const first = await rename('key-replayed', 'Harbour');
      const replay = await rename('key-replayed', 'Harbour');

      expect(replay).toEqual(first);
      expect(runs()).toBe(1);
      expect(await auditLog(db, staff.communityId)).toHaveLength(1);
    });

    it('refuses the same key for another request, or for another operation', async () => {
      const { db } = database();
      const staff = await givenOffice(db);
      const { rename } = renaming(db, staff);
      await rename('key-conflict', 'Harbour');

      await expectDomainError(rename('key-conflict', 'Meadow'), 'IDEMPOTENCY_CONFLICT');
      await expectDomainError(
        runStaffWrite(
          db,
          { staff, origin: 'x', operation: 'goals.create', key: 'key-conflict', request: {} },
          async () => ({ result: null, audit: {} }),
        ),
        'IDEMPOTENCY_CONFLICT',
      );
      expect(await communityName(db, staff.communityId)).toBe('Harbour');
      expect(await auditLog(db, staff.communityId)).toHaveLength(1);
    });

    it('leaves nothing behind when the work fails: no change, no claimed key, no audit entry', async () => {
      const { db } = database();
      const staff = await givenOffice(db);
      const before = await communityName(db, staff.communityId);
      const failing = runStaffWrite(
        db,
        { staff, origin: 'x', operation: 'community.update', key: 'key-failed', request: {} },
        async (trx) => {
          await trx
            .updateTable('communities')
            .set({ name_en: 'Half-renamed' })
            .where('id', '=', staff.communityId)
            .execute();
          throw new DomainError('NOT_FOUND');
        },
      );

      await expectDomainError(failing, 'NOT_FOUND');

      expect(await communityName(db, staff.communityId)).toBe(before);
      expect(await claimedKeys(db, staff.communityId)).toEqual([]);
      expect(await auditLog(db, staff.communityId)).toEqual([]);
      // The key is still free: a retry runs the work.
      const { rename, runs } = renaming(db, staff);
      await rename('key-failed', 'Harbour');
      expect(runs()).toBe(1);
    });

    it('writes no audit entry when the work found nothing to change', async () => {
      const { db } = database();
      const staff = await givenOffice(db);

      const result = await runStaffWrite(
        db,
        { staff, origin: 'x', operation: 'kiosks.revoke', key: 'key-unchanged', request: {} },
        async () => ({ result: 'already revoked', audit: null }),
      );

      expect(result).toBe('already revoked');
      expect(await auditLog(db, staff.communityId)).toEqual([]);
      expect(await claimedKeys(db, staff.communityId)).toHaveLength(1);
    });
  });

  describe('runResidentWrite', () => {
    it("audits as the kiosk, and refuses another resident's request under the same key", async () => {
      const { db } = database();
      const { communityId } = await givenOffice(db);
      const kioskId = randomUUID();
      const session = (residentId: string) => ({ communityId, kioskId, residentId, tokenHash: '' });
      const donate = (residentId: string) =>
        runResidentWrite(
          db,
          {
            session: session(residentId),
            origin: `kiosk:${kioskId}`,
            operation: 'kiosk.donate',
            key: 'key-kiosk',
            request: { points: 5 },
          },
          async () => ({ result: { points: 5 }, audit: { details: { residentId } } }),
        );
      const alice = randomUUID();

      expect(await donate(alice)).toEqual({ points: 5 });
      expect(await donate(alice)).toEqual({ points: 5 });
      await expectDomainError(donate(randomUUID()), 'IDEMPOTENCY_CONFLICT');

      expect(await auditLog(db, communityId)).toEqual([
        expect.objectContaining({
          actor_type: 'kiosk',
          actor_id: kioskId,
          action: 'kiosk.donate',
          target_type: null,
          details: { residentId: alice },
        }),
      ]);
    });
  });
});

describe('the key of a posting a write makes', () => {
  it('is the request key and its purpose, the same each time', () => {
    expect(postingKey('kiosk-7f3a-0001', 'redemption')).toBe('kiosk-7f3a-0001:redemption');
    expect(postingKey('kiosk-7f3a-0001', 'redemption')).toBe(
      postingKey('kiosk-7f3a-0001', 'redemption'),
    );
  });

  it('stays a key the ledger takes for the longest request key allowed', () => {
    const longest = 'k'.repeat(200);
    const key = postingKey(longest, 'redemption');
    expect(IdempotencyKey.safeParse(key).success).toBe(true);
    expect(key).toBe(postingKey(longest, 'redemption'));
    expect(key).not.toBe(postingKey(longest, 'cancellation'));
    expect(key).not.toBe(postingKey(`${'k'.repeat(199)}j`, 'redemption'));
  });
});
