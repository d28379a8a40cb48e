import { randomUUID } from 'node:crypto';
import { describeEachDatabase } from '@tally/db/testing';
import { describe, expect, it } from 'vitest';
import { verifySecret } from '../auth/secrets';
import {
  expectApiError,
  givenCommunityWithStaff,
  newIdempotencyKey,
  serveDuring,
} from '../test/api';
import {
  auditActions,
  givenCredit,
  givenOrganization,
  givenResident,
  newCardNumber,
} from './test-helpers';

describeEachDatabase('the residents API', (database) => {
  const server = serveDuring(database);

  const db = () => database().db;
  const community = () => givenCommunityWithStaff(server, database());
  const newResident = (cardNumber = newCardNumber()) => ({
    idempotencyKey: newIdempotencyKey(),
    name: 'Li Wei',
    displayName: 'Grandpa Li',
    birthYear: 1952,
    building: '3',
    cardNumber,
    pin: '246810',
  });

  describe('residents.create', () => {
    it('issues a card with empty points and minutes accounts, and audits it without the PIN', async () => {
      const { office, communityId } = await community();
      const input = newResident();
      const resident = await office.api.residents.create.mutate(input);
      expect(resident).toEqual({
        id: expect.any(String),
        name: 'Li Wei',
        displayName: 'Grandpa Li',
        birthYear: 1952,
        building: '3',
        cardNumber: input.cardNumber,
        showName: false,
        points: 0,
        minutes: 0,
        organizationIds: [],
        organizations: [],
        cardLocked: false,
        createdAt: expect.any(String),
      });
      const stored = await db()
        .selectFrom('residents')
        .select('pin_hash')
        .where('id', '=', resident.id)
        .executeTakeFirstOrThrow();
      expect(stored.pin_hash).toMatch(/^\$argon2id\$/);
      expect(await verifySecret(stored.pin_hash, '246810')).toBe(true);
      const audit = await auditActions(db(), communityId);
      expect(audit).toEqual([
        expect.objectContaining({
          action: 'residents.create',
          actor_id: office.user.id,
          target_id: resident.id,
          origin: '127.0.0.1',
        }),
      ]);
      expect(JSON.stringify(audit)).not.toContain('246810');
    });

    it('answers a replay with the first resident and writes nothing new', async () => {
      const { office, communityId } = await community();
      const input = newResident();
      const first = await office.api.residents.create.mutate(input);
      const again = await office.api.residents.create.mutate(input);
      expect(again).toEqual(first);
      const residents = await db()
        .selectFrom('residents')
        .select('id')
        .where('community_id', '=', communityId)
        .execute();
      expect(residents).toHaveLength(1);
      expect(await auditActions(db(), communityId)).toHaveLength(1);
    });

    it('refuses the same key for a different resident', async () => {
      const { office } = await community();
      const input = newResident();
      await office.api.residents.create.mutate(input);
      await expectApiError(
        office.api.residents.create.mutate({ ...input, name: 'Someone Else' }),
        'IDEMPOTENCY_CONFLICT',
      );
    });

    it('keeps the PIN out of the idempotency record', async () => {
      const { office, communityId } = await community();
      await office.api.residents.create.mutate(newResident());
      const rows = await db()
        .selectFrom('idempotent_requests')
        .selectAll()
        .where('community_id', '=', communityId)
        .execute();
      expect(JSON.stringify(rows)).not.toContain('246810');
    });

    it('refuses a second card with the same number', async () => {
      const { office, communityId } = await community();
      const input = newResident();
      await office.api.residents.create.mutate(input);
      await expectApiError(
        office.api.residents.create.mutate({ ...input, idempotencyKey: newIdempotencyKey() }),
        'DUPLICATE',
      );
      expect(await auditActions(db(), communityId)).toHaveLength(1);
    });

    it('names the field and the rule when a PIN or card number is not valid', async () => {
      const { office } = await community();
      const error = await expectApiError(
        office.api.residents.create.mutate({ ...newResident('no spaces!'), pin: '12a4' }),
        'VALIDATION_FAILED',
      );
      expect(error.message).toContain('pin: A PIN is 4 to 6 digits');
      expect(error.message).toContain('cardNumber');
    });

    it('lets only the office issue cards', async () => {
      const { auditor, leaderOf, anonymous, communityId } = await community();
      const organization = await givenOrganization(db(), communityId);
      const leader = await leaderOf([organization.id]);
      await expectApiError(auditor.api.residents.create.mutate(newResident()), 'FORBIDDEN');
      await expectApiError(leader.api.residents.create.mutate(newResident()), 'FORBIDDEN');
      await expectApiError(anonymous.residents.create.mutate(newResident()), 'UNAUTHORIZED');
    });
  });

  describe('residents.list', () => {
    it('shows the office and auditors every resident of their community with balances, by card number', async () => {
      const { office, auditor, communityId } = await community();
      const b = await givenResident(db(), communityId, { cardNumber: 'B-002' });
      const a = await givenResident(db(), communityId, { cardNumber: 'A-001' });
      await givenCredit(db(), communityId, a, { points: 30, minutes: 90 });
      const elsewhere = await community();
      await givenResident(db(), elsewhere.communityId, { cardNumber: 'A-000' });
      for (const reader of [office, auditor]) {
        const page = await reader.api.residents.list.query({});
        expect(page.items.map((r) => r.id)).toEqual([a.id, b.id]);
        expect(page.items[0]).toMatchObject({ points: 30, minutes: 90, cardNumber: 'A-001' });
        expect(page.nextCursor).toBeNull();
      }
    });

    it('finds residents by part of a name, display name or card number, in any case', async () => {
      const { office, communityId } = await community();
      const wang = await givenResident(db(), communityId, {
        name: 'Wang Fang',
        cardNumber: 'Q0101',
      });
      const zhao = await givenResident(db(), communityId, {
        name: 'Zhao Min',
        displayName: 'Auntie Zhao',
        cardNumber: 'Q0202',
      });
      const ids = async (query: string) =>
        (await office.api.residents.list.query({ query })).items.map((r) => r.id);
      expect(await ids('wang')).toEqual([wang.id]);
      expect(await ids('AUNTIE')).toEqual([zhao.id]);
      expect(await ids('q02')).toEqual([zhao.id]);
      expect(await ids('q0')).toEqual([wang.id, zhao.id]);
      expect(await ids('%')).toEqual([]);
    });

    it('pages through residents by cursor without skipping or repeating anyone', async () => {
      const { office, communityId } = await community();
      const created = [];
      for (let i = 0; i < 5; i++) {
        created.push(await givenResident(db(), communityId, { cardNumber: `P-00${i}` }));
      }
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await office.api.residents.list.query({ limit: 2, cursor });
        seen.push(...page.items.map((r) => r.id));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(seen).toEqual(created.map((r) => r.id));
    });

    it('shows a leader only members of the organizations they lead, and lets them search those', async () => {
      const { communityId, leaderOf } = await community();
      const member = await givenResident(db(), communityId, { name: 'Member Ma' });
      await givenResident(db(), communityId, { name: 'Outsider Ma' });
      const led = await givenOrganization(db(), communityId, { members: [member] });
      const other = await givenOrganization(db(), communityId, { members: [member] });
      const leader = await leaderOf([led.id]);
      const page = await leader.api.residents.list.query({ query: 'ma' });
      expect(page.items.map((r) => r.id)).toEqual([member.id]);
      // Only the organizations the leader leads are named.
      expect(page.items[0]?.organizationIds).toEqual([led.id]);
      await expectApiError(
        leader.api.residents.list.query({ organizationId: other.id }),
        'FORBIDDEN',
      );
    });

    it('shows a leader of no organization no one', async () => {
      const { communityId, leaderOf } = await community();
      await givenResident(db(), communityId);
      const leader = await leaderOf([]);
      expect((await leader.api.residents.list.query({})).items).toEqual([]);
    });

    it("filters by organization, and does not know another community's organization", async () => {
      const { office, communityId } = await community();
      const member = await givenResident(db(), communityId);
      await givenResident(db(), communityId);
      const organization = await givenOrganization(db(), communityId, { members: [member] });
      const page = await office.api.residents.list.query({ organizationId: organization.id });
      expect(page.items.map((r) => r.id)).toEqual([member.id]);
      const elsewhere = await community();
      await expectApiError(
        elsewhere.office.api.residents.list.query({ organizationId: organization.id }),
        'NOT_FOUND',
      );
    });

    it('refuses a limit above 200', async () => {
      const { office } = await community();
      await expectApiError(office.api.residents.list.query({ limit: 500 }), 'VALIDATION_FAILED');
    });
  });

  describe('residents.get', () => {
    it('shows a resident with balances and the organizations they belong to', async () => {
      const { auditor, communityId } = await community();
      const resident = await givenResident(db(), communityId);
      await givenCredit(db(), communityId, resident, { points: 12, minutes: 60 });
      const organization = await givenOrganization(db(), communityId, { members: [resident] });
      expect(await auditor.api.residents.get.query({ id: resident.id })).toMatchObject({
        id: resident.id,
        points: 12,
        minutes: 60,
        organizationIds: [organization.id],
        organizations: [{ id: organization.id, name: organization.name }],
      });
    });

    it('shows a leader members of their organizations and no one else', async () => {
      const { communityId, leaderOf } = await community();
      const member = await givenResident(db(), communityId);
      const outsider = await givenResident(db(), communityId);
      const organization = await givenOrganization(db(), communityId, { members: [member] });
      const leader = await leaderOf([organization.id]);
      expect(await leader.api.residents.get.query({ id: member.id })).toMatchObject({
        id: member.id,
      });
      await expectApiError(leader.api.residents.get.query({ id: outsider.id }), 'NOT_FOUND');
    });

    it("never shows another community's resident", async () => {
      const { communityId } = await community();
      const resident = await givenResident(db(), communityId);
      const elsewhere = await community();
      await expectApiError(
        elsewhere.office.api.residents.get.query({ id: resident.id }),
        'NOT_FOUND',
      );
    });

    it('refuses an id that is not a UUID', async () => {
      const { office } = await community();
      await expectApiError(office.api.residents.get.query({ id: 'Q0001' }), 'VALIDATION_FAILED');
    });
  });

  describe('residents.findByCard', () => {
    it('shows a leader only the card and a masked name of a resident not in their organizations', async () => {
      const { communityId, leaderOf } = await community();
      const resident = await givenResident(db(), communityId, { displayName: 'Xiao Chen' });
      const organization = await givenOrganization(db(), communityId);
      const leader = await leaderOf([organization.id]);
      expect(
        await leader.api.residents.findByCard.query({ cardNumber: resident.cardNumber }),
      ).toEqual({
        id: resident.id,
        displayName: 'X*** C.',
        cardNumber: resident.cardNumber,
        nameMasked: true,
        memberships: [],
      });
    });

    it('shows a leader the name of their own member, and the office everyone with memberships', async () => {
      const { office, communityId, leaderOf } = await community();
      const resident = await givenResident(db(), communityId, { displayName: 'Xiao Chen' });
      const led = await givenOrganization(db(), communityId, { members: [resident] });
      const other = await givenOrganization(db(), communityId, { members: [resident] });
      const leader = await leaderOf([led.id]);
      expect(
        await leader.api.residents.findByCard.query({ cardNumber: resident.cardNumber }),
      ).toMatchObject({
        displayName: 'Xiao Chen',
        nameMasked: false,
        memberships: [{ organizationId: led.id, status: 'member' }],
      });
      const found = await office.api.residents.findByCard.query({
        cardNumber: resident.cardNumber,
      });
      expect(found).toMatchObject({ displayName: 'Xiao Chen', nameMasked: false });
      expect(found.memberships.map((m) => m.organizationId).sort()).toEqual(
        [led.id, other.id].sort(),
      );
    });

    it("does not find another community's card, and is not for auditors", async () => {
      const { communityId } = await community();
      const resident = await givenResident(db(), communityId);
      const elsewhere = await community();
      await expectApiError(
        elsewhere.office.api.residents.findByCard.query({ cardNumber: resident.cardNumber }),
        'NOT_FOUND',
      );
      await expectApiError(
        elsewhere.auditor.api.residents.findByCard.query({ cardNumber: resident.cardNumber }),
        'FORBIDDEN',
      );
    });
  });

  describe('residents.update', () => {
    it("records a resident's consent to be named and corrects their details", async () => {
      const { office, communityId } = await community();
      const resident = await givenResident(db(), communityId, { building: '7' });
      const updated = await office.api.residents.update.mutate({
        idempotencyKey: newIdempotencyKey(),
        id: resident.id,
        displayName: 'Teacher Sun',
        showName: true,
        building: null,
        birthYear: 1988,
      });
      expect(updated).toMatchObject({
        displayName: 'Teacher Sun',
        showName: true,
        building: null,
        birthYear: 1988,
        name: resident.name,
      });
      const [entry] = await auditActions(db(), communityId);
      expect(entry).toMatchObject({
        action: 'residents.update',
        target_id: resident.id,
        details: { changed: ['displayName', 'showName', 'building', 'birthYear'], showName: true },
      });
    });

    it('answers a replay with the first result, and refuses the key for another change', async () => {
      const { office, communityId } = await community();
      const resident = await givenResident(db(), communityId);
      const input = { idempotencyKey: newIdempotencyKey(), id: resident.id, showName: true };
      const first = await office.api.residents.update.mutate(input);
      expect(await office.api.residents.update.mutate(input)).toEqual(first);
      expect(await auditActions(db(), communityId)).toHaveLength(1);
      await expectApiError(
        office.api.residents.update.mutate({ ...input, showName: false }),
        'IDEMPOTENCY_CONFLICT',
      );
    });

    it('refuses an edit that changes nothing', async () => {
      const { office, communityId } = await community();
      const resident = await givenResident(db(), communityId);
      const error = await expectApiError(
        office.api.residents.update.mutate({
          idempotencyKey: newIdempotencyKey(),
          id: resident.id,
        }),
        'VALIDATION_FAILED',
      );
      expect(error.message).toContain('Change at least one detail');
    });

    it("lets only the office edit, and only its own community's residents", async () => {
      const { auditor, leaderOf, communityId } = await community();
      const resident = await givenResident(db(), communityId);
      const organization = await givenOrganization(db(), communityId, { members: [resident] });
      const leader = await leaderOf([organization.id]);
      const edit = { idempotencyKey: newIdempotencyKey(), id: resident.id, showName: true };
      await expectApiError(auditor.api.residents.update.mutate(edit), 'FORBIDDEN');
      await expectApiError(leader.api.residents.update.mutate(edit), 'FORBIDDEN');
      const elsewhere = await community();
      await expectApiError(elsewhere.office.api.residents.update.mutate(edit), 'NOT_FOUND');
      expect(await auditActions(db(), communityId)).toEqual([]);
    });
  });

  describe('residents.resetPin and residents.setCardLock', () => {
    it('sets a new PIN, unlocks the card and keeps the PIN out of the audit log', async () => {
      const { office, communityId } = await community();
      const resident = await givenResident(db(), communityId);
      await db()
        .updateTable('residents')
        .set({ pin_failures: 3, card_locked_until: new Date(Date.now() + 600_000) })
        .where('id', '=', resident.id)
        .execute();
      const after = await office.api.residents.resetPin.mutate({
        idempotencyKey: newIdempotencyKey(),
        id: resident.id,
        pin: '9753',
      });
      expect(after.cardLocked).toBe(false);
      const stored = await db()
        .selectFrom('residents')
        .select(['pin_hash', 'pin_failures', 'card_locked_until'])
        .where('id', '=', resident.id)
        .executeTakeFirstOrThrow();
      expect(await verifySecret(stored.pin_hash, '9753')).toBe(true);
      expect(stored).toMatchObject({ pin_failures: 0, card_locked_until: null });
      const audit = await auditActions(db(), communityId);
      expect(audit.map((a) => a.action)).toEqual(['residents.resetPin']);
      expect(JSON.stringify(audit)).not.toContain('9753');
    });

    it('refuses a PIN that is not 4 to 6 digits', async () => {
      const { office, communityId } = await community();
      const resident = await givenResident(db(), communityId);
      await expectApiError(
        office.api.residents.resetPin.mutate({
          idempotencyKey: newIdempotencyKey(),
          id: resident.id,
          pin: '1234567',
        }),
        'VALIDATION_FAILED',
      );
    });

    it('locks a card until the office unlocks it, signing it out of every kiosk', async () => {
      const { office, communityId } = await community();
      const resident = await givenResident(db(), communityId);
      const kioskId = randomUUID();
      await db()
        .insertInto('kiosks')
        .values({ community_id: communityId, id: kioskId, name: 'Lobby', token_hash: kioskId })
        .execute();
      await db()
        .insertInto('kiosk_sessions')
        .values({
          token_hash: `session-${kioskId}`,
          community_id: communityId,
          kiosk_id: kioskId,
          resident_id: resident.id,
        })
        .execute();
      const locked = await office.api.residents.setCardLock.mutate({
        idempotencyKey: newIdempotencyKey(),
        id: resident.id,
        locked: true,
      });
      expect(locked.cardLocked).toBe(true);
      const session = await db()
        .selectFrom('kiosk_sessions')
        .select('ended_at')
        .where('resident_id', '=', resident.id)
        .executeTakeFirstOrThrow();
      expect(session.ended_at).not.toBeNull();

      const unlocked = await office.api.residents.setCardLock.mutate({
        idempotencyKey: newIdempotencyKey(),
        id: resident.id,
        locked: false,
      });
      expect(unlocked.cardLocked).toBe(false);
      const audit = await auditActions(db(), communityId);
      expect(audit.map((a) => a.details)).toEqual([{ locked: true }, { locked: false }]);
    });

    it("lets only the office reset PINs and lock cards, and only its own community's", async () => {
      const { auditor, leaderOf, communityId } = await community();
      const resident = await givenResident(db(), communityId);
      const organization = await givenOrganization(db(), communityId, { members: [resident] });
      const leader = await leaderOf([organization.id]);
      const elsewhere = await community();
      const reset = { idempotencyKey: newIdempotencyKey(), id: resident.id, pin: '5555' };
      const lock = { idempotencyKey: newIdempotencyKey(), id: resident.id, locked: true };
      for (const caller of [auditor, leader]) {
        await expectApiError(caller.api.residents.resetPin.mutate(reset), 'FORBIDDEN');
        await expectApiError(caller.api.residents.setCardLock.mutate(lock), 'FORBIDDEN');
      }
      await expectApiError(elsewhere.office.api.residents.resetPin.mutate(reset), 'NOT_FOUND');
      await expectApiError(elsewhere.office.api.residents.setCardLock.mutate(lock), 'NOT_FOUND');
      expect(await auditActions(db(), communityId)).toEqual([]);
    });
  });
});
