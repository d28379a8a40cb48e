import { randomUUID } from 'node:crypto';
import { describeEachDatabase } from '@tally/db/testing';
import { describe, expect, it } from 'vitest';
import { findKioskByToken } from '../auth/kiosk-devices';
import { findKioskWithResident } from '../auth/resident-sessions';
import { hashToken } from '../auth/secrets';
import { createContextInner } from '../context';
import { auditActions, givenResident } from '../residents/test-helpers';
import {
  expectApiError,
  givenCommunityWithStaff,
  newIdempotencyKey,
  serveDuring,
} from '../test/api';
import { registerKioskWithToken } from './register-kiosk';

describeEachDatabase('the kiosks API', (database) => {
  const server = serveDuring(database);

  const db = () => database().db;
  const community = () => givenCommunityWithStaff(server, database());
  const register = () => ({ idempotencyKey: newIdempotencyKey(), name: 'Lobby kiosk' });

  describe('kiosks.register', () => {
    it('shows a working device token once and stores only its hash', async () => {
      const { office, communityId } = await community();
      const kiosk = await office.api.kiosks.register.mutate(register());
      expect(kiosk).toEqual({
        id: expect.any(String),
        name: 'Lobby kiosk',
        deviceToken: expect.stringMatching(/^tkd_/),
        setupUrl: expect.any(String),
      });
      const token = kiosk.deviceToken ?? '';
      // The address the kiosk opens once is on PUBLIC_URL (the tests' is http://localhost:3000).
      expect(kiosk.setupUrl).toBe(`http://localhost:3000/kiosk/?token=${token}`);
      expect(await findKioskByToken(db(), token)).toEqual({
        kind: 'kiosk',
        kioskId: kiosk.id,
        communityId,
        kioskName: 'Lobby kiosk',
      });
      const stored = await db()
        .selectFrom('kiosks')
        .select('token_hash')
        .where('id', '=', kiosk.id)
        .executeTakeFirstOrThrow();
      expect(stored.token_hash).toBe(hashToken(token));
      const everything = JSON.stringify([
        await auditActions(db(), communityId),
        await db().selectFrom('idempotent_requests').selectAll().execute(),
      ]);
      expect(everything).not.toContain(token);
    });

    it('never reveals the token again on a replay, and registers nothing new', async () => {
      const { office, communityId } = await community();
      const input = register();
      const first = await office.api.kiosks.register.mutate(input);
      const again = await office.api.kiosks.register.mutate(input);
      expect(again).toEqual({ id: first.id, name: first.name, deviceToken: null, setupUrl: null });
      const kiosks = await office.api.kiosks.list.query();
      expect(kiosks).toHaveLength(1);
      expect(await auditActions(db(), communityId)).toHaveLength(1);
      await expectApiError(
        office.api.kiosks.register.mutate({ ...input, name: 'Another kiosk' }),
        'IDEMPOTENCY_CONFLICT',
      );
    });

    it('refuses an empty name', async () => {
      const { office } = await community();
      await expectApiError(
        office.api.kiosks.register.mutate({ idempotencyKey: newIdempotencyKey(), name: '  ' }),
        'VALIDATION_FAILED',
      );
    });

    it('lets only the office register kiosks', async () => {
      const { auditor, leaderOf } = await community();
      const leader = await leaderOf([]);
      await expectApiError(auditor.api.kiosks.register.mutate(register()), 'FORBIDDEN');
      await expectApiError(leader.api.kiosks.register.mutate(register()), 'FORBIDDEN');
    });
  });

  describe('kiosks.list', () => {
    it("lists the community's kiosks, newest first, without tokens", async () => {
      const { office } = await community();
      const older = await office.api.kiosks.register.mutate({ ...register(), name: 'Gate' });
      const newer = await office.api.kiosks.register.mutate({ ...register(), name: 'Library' });
      await (await community()).office.api.kiosks.register.mutate(register());
      const list = await office.api.kiosks.list.query();
      expect(list).toEqual([
        {
          id: newer.id,
          name: 'Library',
          createdAt: expect.any(String),
          revokedAt: null,
          activity: null,
        },
        {
          id: older.id,
          name: 'Gate',
          createdAt: expect.any(String),
          revokedAt: null,
          activity: null,
        },
      ]);
    });

    it('is for the office only', async () => {
      const { auditor, leaderOf } = await community();
      const leader = await leaderOf([]);
      await expectApiError(auditor.api.kiosks.list.query(), 'FORBIDDEN');
      await expectApiError(leader.api.kiosks.list.query(), 'FORBIDDEN');
    });
  });

  describe('kiosks.revoke', () => {
    it("stops the kiosk's token working at once and signs its residents out", async () => {
      const { office, communityId } = await community();
      const kiosk = await office.api.kiosks.register.mutate(register());
      const token = kiosk.deviceToken ?? '';
      const resident = await givenResident(db(), communityId);
      await db()
        .insertInto('kiosk_sessions')
        .values({
          token_hash: hashToken(`session-${kiosk.id}`),
          community_id: communityId,
          kiosk_id: kiosk.id,
          resident_id: resident.id,
        })
        .execute();
      const revoked = await office.api.kiosks.revoke.mutate({
        idempotencyKey: newIdempotencyKey(),
        id: kiosk.id,
      });
      expect(revoked).toMatchObject({ id: kiosk.id, revokedAt: expect.any(String) });
      expect(await findKioskByToken(db(), token)).toBeNull();
      const context = createContextInner({
        db: db(),
        meta: { ip: '127.0.0.1', tokens: { bearer: token, cookie: null, resident: null } },
      });
      expect(await context.caller.kiosk()).toBeNull();
      const session = await db()
        .selectFrom('kiosk_sessions')
        .select('ended_at')
        .where('kiosk_id', '=', kiosk.id)
        .executeTakeFirstOrThrow();
      expect(session.ended_at).not.toBeNull();
      expect((await auditActions(db(), communityId)).map((e) => e.action)).toEqual([
        'kiosks.register',
        'kiosks.revoke',
      ]);
    });

    it('changes nothing when revoking a revoked kiosk, and answers a replay with the first result', async () => {
      const { office, communityId } = await community();
      const kiosk = await office.api.kiosks.register.mutate(register());
      const input = { idempotencyKey: newIdempotencyKey(), id: kiosk.id };
      const first = await office.api.kiosks.revoke.mutate(input);
      expect(await office.api.kiosks.revoke.mutate(input)).toEqual(first);
      expect(
        await office.api.kiosks.revoke.mutate({
          idempotencyKey: newIdempotencyKey(),
          id: kiosk.id,
        }),
      ).toEqual(first);
      expect(await auditActions(db(), communityId)).toHaveLength(2);
      await expectApiError(
        office.api.kiosks.register.mutate({ idempotencyKey: input.idempotencyKey, name: 'x' }),
        'IDEMPOTENCY_CONFLICT',
      );
    });

    it("lets only the office revoke, and only its own community's kiosks", async () => {
      const { office, auditor, leaderOf } = await community();
      const kiosk = await office.api.kiosks.register.mutate(register());
      const leader = await leaderOf([]);
      const input = { idempotencyKey: newIdempotencyKey(), id: kiosk.id };
      await expectApiError(auditor.api.kiosks.revoke.mutate(input), 'FORBIDDEN');
      await expectApiError(leader.api.kiosks.revoke.mutate(input), 'FORBIDDEN');
      const elsewhere = await community();
      await expectApiError(elsewhere.office.api.kiosks.revoke.mutate(input), 'NOT_FOUND');
      expect(await findKioskByToken(db(), kiosk.deviceToken ?? '')).not.toBeNull();
    });
  });

  describe('registerKioskWithToken', () => {
    it('registers the demo kiosk with its fixed token', async () => {
      const { communityId } = await community();
      const token = `demo-kiosk-token-${newIdempotencyKey()}`;
      const kiosk = await registerKioskWithToken(db(), { communityId, name: 'Demo kiosk', token });
      expect(await findKioskByToken(db(), token)).toMatchObject({ kioskId: kiosk.id, communityId });
    });

    it('refuses a chosen token another community already uses, and the first kiosk keeps it', async () => {
      const first = await community();
      const second = await community();
      const token = `demo-kiosk-token-${newIdempotencyKey()}`;
      const kiosk = await registerKioskWithToken(db(), {
        communityId: first.communityId,
        name: 'Demo kiosk',
        token,
      });
      await expect(
        registerKioskWithToken(db(), { communityId: second.communityId, name: 'Copy', token }),
      ).rejects.toMatchObject({ code: 'DUPLICATE' });
      await expect(
        registerKioskWithToken(db(), { communityId: first.communityId, name: 'Copy', token }),
      ).rejects.toMatchObject({ code: 'DUPLICATE' });
      expect(await findKioskByToken(db(), token)).toMatchObject({
        kioskId: kiosk.id,
        communityId: first.communityId,
      });
    });

    it("refuses a revoked kiosk's token too, so an old device can never name a new kiosk", async () => {
      const { communityId, office } = await community();
      const token = `demo-kiosk-token-${newIdempotencyKey()}`;
      const kiosk = await registerKioskWithToken(db(), { communityId, name: 'Old', token });
      await office.api.kiosks.revoke.mutate({ idempotencyKey: newIdempotencyKey(), id: kiosk.id });
      await expect(
        registerKioskWithToken(db(), { communityId, name: 'New', token }),
      ).rejects.toMatchObject({ code: 'DUPLICATE' });
    });
  });

  describe('a device token two communities share', () => {
    // Registration refuses a shared token; the database would hold one only if written by hand.
    it('signs in to neither kiosk rather than to whichever comes first', async () => {
      const first = await community();
      const second = await community();
      const token = `demo-kiosk-token-${newIdempotencyKey()}`;
      await registerKioskWithToken(db(), { communityId: first.communityId, name: 'One', token });
      await db()
        .insertInto('kiosks')
        .values({
          community_id: second.communityId,
          id: randomUUID(),
          name: 'Two',
          token_hash: hashToken(token),
        })
        .execute();
      expect(await findKioskByToken(db(), token)).toBeNull();
      expect(
        await findKioskWithResident(db(), { deviceToken: token, residentToken: 'trs_none' }),
      ).toBeNull();
    });
  });
});
