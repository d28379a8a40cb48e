import { describeEachDatabase } from '@tally/db/testing';
import { describe, expect, it } from 'vitest';
import { auditActions } from '../residents/test-helpers';
import { sheet } from '../service/test-helpers';
import { expectApiError, newIdempotencyKey, serveDuring } from '../test/api';
import { answer, decision, givenInvitationScene, invitationFrom, invite } from './test-helpers';

describeEachDatabase('joining an organization needs consent', (database) => {
  const server = serveDuring(database);
  const scene = () => givenInvitationScene(server, database());

  describe('the probe: a leader holding another organization’s member’s card', () => {
    it('sees only the card and a masked name, and nothing more until the resident joins', async () => {
      const { resident, b, leaderOfB, atKiosk } = await scene();
      const found = await leaderOfB.api.residents.findByCard.query({
        cardNumber: resident.cardNumber,
      });
      expect(found).toEqual({
        id: resident.id,
        displayName: '王*明',
        cardNumber: resident.cardNumber,
        nameMasked: true,
        memberships: [],
      });

      const invited = await invite(leaderOfB, b.id, resident.id);
      expect(invited).toEqual({
        organizationId: b.id,
        residentId: resident.id,
        added: false,
        invited: true,
        status: 'invited',
        invitationId: expect.any(String),
      });
      const invitationId = invited.invitationId ?? '';
      await expectApiError(leaderOfB.api.residents.get.query({ id: resident.id }), 'NOT_FOUND');
      expect((await leaderOfB.api.residents.list.query({})).items).toEqual([]);
      const members = await leaderOfB.api.organizations.members.query({ organizationId: b.id });
      expect(members.items).toEqual([]);
      await expectApiError(
        leaderOfB.api.service.log.mutate(sheet(b.id, [resident])),
        'NOT_A_MEMBER',
      );
      expect(
        await leaderOfB.api.residents.findByCard.query({ cardNumber: resident.cardNumber }),
      ).toMatchObject({
        displayName: '王*明',
        nameMasked: true,
        memberships: [{ organizationId: b.id, status: 'invited' }],
      });

      const kiosk = await atKiosk();
      expect(await kiosk.kiosk.invitations.query()).toEqual([
        {
          id: invitationId,
          organizationName: b.name,
          organizationDescription: { zh: '', en: '' },
          invitedBy: 'Test leader',
          invitedAt: expect.any(String),
        },
      ]);
      expect(await answer(kiosk, invitationId, 'join')).toEqual({
        invitationId,
        organizationName: b.name,
        status: 'joined',
      });
      expect(await kiosk.kiosk.invitations.query()).toEqual([]);

      expect(await leaderOfB.api.residents.get.query({ id: resident.id })).toMatchObject({
        id: resident.id,
        displayName: '王小明',
        points: 80,
        organizationIds: [b.id],
      });
      expect(
        await leaderOfB.api.residents.findByCard.query({ cardNumber: resident.cardNumber }),
      ).toMatchObject({
        displayName: '王小明',
        nameMasked: false,
        memberships: [{ organizationId: b.id, status: 'member' }],
      });
      await leaderOfB.api.service.log.mutate(sheet(b.id, [resident]));
    });

    it('keeps the trail: who invited, and that the resident joined at which kiosk', async () => {
      const { communityId, resident, b, leaderOfB, kiosk, atKiosk } = await scene();
      const invitationId = await invitationFrom(leaderOfB, b.id, resident.id);
      await answer(await atKiosk(), invitationId, 'join');
      expect(
        (await auditActions(database().db, communityId))
          .filter((entry) => !entry.action.startsWith('kiosk.'))
          .map((e) => [e.action, e.actor_id, e.target_id, e.details]),
      ).toEqual([
        [
          'organizations.invite',
          leaderOfB.user.id,
          b.id,
          { residentId: resident.id, invitationId },
        ],
        [
          'invitations.join',
          kiosk.id,
          invitationId,
          { organizationId: b.id, residentId: resident.id },
        ],
      ]);
    });
  });

  describe('inviting', () => {
    it('asks once: a second invitation or a replay changes nothing', async () => {
      const { communityId, resident, b, leaderOfB } = await scene();
      const first = await invite(leaderOfB, b.id, resident.id);
      const again = await invite(leaderOfB, b.id, resident.id);
      expect(again).toEqual({ ...first, invited: false });
      const input = {
        idempotencyKey: newIdempotencyKey(),
        organizationId: b.id,
        residentId: resident.id,
      };
      const replayed = await leaderOfB.api.organizations.addMember.mutate(input);
      expect(await leaderOfB.api.organizations.addMember.mutate(input)).toEqual(replayed);
      const audit = await auditActions(database().db, communityId);
      expect(audit.filter((e) => e.action === 'organizations.invite')).toHaveLength(1);
    });

    it('tells a leader who is already a member, without inviting them', async () => {
      const { communityId, resident, a, leaderOf } = await scene();
      const leaderOfA = await leaderOf([a.id]);
      expect(await invite(leaderOfA, a.id, resident.id)).toMatchObject({
        added: false,
        invited: false,
        status: 'member',
        invitationId: null,
      });
      expect(await auditActions(database().db, communityId)).toEqual([]);
    });
  });

  describe("the office's approval", () => {
    it('adds a member at once when the office adds them', async () => {
      const { office, resident, b } = await scene();
      expect(await invite(office, b.id, resident.id)).toMatchObject({
        added: true,
        invited: false,
        status: 'member',
        invitationId: null,
      });
      const members = await office.api.organizations.members.query({ organizationId: b.id });
      expect(members.items.map((r) => r.id)).toEqual([resident.id]);
    });

    it("approves a leader's invitation: the resident joins and the kiosk no longer asks", async () => {
      const { communityId, office, resident, b, leaderOfB, atKiosk } = await scene();
      const invitationId = await invitationFrom(leaderOfB, b.id, resident.id);
      const approved = await office.api.organizations.approveInvitation.mutate(
        decision(invitationId),
      );
      expect(approved).toMatchObject({
        id: invitationId,
        status: 'joined',
        closedVia: 'office',
        resident: { id: resident.id, displayName: '王小明', nameMasked: false },
      });
      expect(await leaderOfB.api.residents.get.query({ id: resident.id })).toMatchObject({
        id: resident.id,
      });
      const kiosk = await atKiosk();
      expect(await kiosk.kiosk.invitations.query()).toEqual([]);
      await expectApiError(answer(kiosk, invitationId, 'decline'), 'INVITATION_CLOSED');
      await expectApiError(
        office.api.organizations.approveInvitation.mutate(decision(invitationId)),
        'INVITATION_CLOSED',
      );
      const audit = await auditActions(database().db, communityId);
      expect(audit.map((e) => e.action).filter((action) => !action.startsWith('kiosk.'))).toEqual([
        'organizations.invite',
        'invitations.approve',
      ]);
    });

    it('closes a waiting invitation when the office adds the resident directly', async () => {
      const { office, resident, b, leaderOfB } = await scene();
      const invitationId = await invitationFrom(leaderOfB, b.id, resident.id);
      expect(await invite(office, b.id, resident.id)).toMatchObject({
        added: true,
        status: 'member',
        invitationId,
      });
      expect((await office.api.organizations.invitations.query({})).items).toEqual([]);
    });

    it('is for the office only', async () => {
      const { auditor, resident, b, leaderOfB } = await scene();
      const invitationId = await invitationFrom(leaderOfB, b.id, resident.id);
      for (const caller of [leaderOfB, auditor]) {
        await expectApiError(
          caller.api.organizations.approveInvitation.mutate(decision(invitationId)),
          'FORBIDDEN',
        );
      }
    });
  });

  describe('declining and withdrawing', () => {
    it('lets the resident decline: they stay out, and the leader may ask again later', async () => {
      const { resident, b, leaderOfB, atKiosk } = await scene();
      const invitationId = await invitationFrom(leaderOfB, b.id, resident.id);
      const kiosk = await atKiosk();
      expect(await answer(kiosk, invitationId, 'decline')).toMatchObject({
        status: 'declined',
      });
      await expectApiError(leaderOfB.api.residents.get.query({ id: resident.id }), 'NOT_FOUND');
      expect((await leaderOfB.api.organizations.invitations.query({})).items).toEqual([]);
      await expectApiError(answer(kiosk, invitationId, 'join'), 'INVITATION_CLOSED');
      const again = await invite(leaderOfB, b.id, resident.id);
      expect(again).toMatchObject({ invited: true, status: 'invited' });
      expect(again.invitationId).not.toBe(invitationId);
    });

    it('lets the leader withdraw and the office cancel; the kiosk then shows nothing', async () => {
      const { office, communityId, resident, a, b, leaderOfB, leaderOf, atKiosk } = await scene();
      const toB = await invitationFrom(leaderOfB, b.id, resident.id);
      const withdrawn = await leaderOfB.api.organizations.withdrawInvitation.mutate(decision(toB));
      expect(withdrawn).toMatchObject({ status: 'withdrawn', closedVia: 'leader' });
      expect(withdrawn.resident).toMatchObject({ displayName: '王*明', nameMasked: true });

      const c = await office.api.organizations.create.mutate({
        idempotencyKey: newIdempotencyKey(),
        name: { zh: '', en: `Choir ${communityId.slice(0, 6)}` },
      });
      const leaderOfC = await leaderOf([c.id]);
      const toC = await invitationFrom(leaderOfC, c.id, resident.id);
      await expectApiError(
        leaderOfB.api.organizations.withdrawInvitation.mutate(decision(toC)),
        'FORBIDDEN',
      );
      const cancelled = await office.api.organizations.withdrawInvitation.mutate(decision(toC));
      expect(cancelled).toMatchObject({ status: 'withdrawn', closedVia: 'office' });

      const kiosk = await atKiosk();
      expect(await kiosk.kiosk.invitations.query()).toEqual([]);
      await expectApiError(answer(kiosk, toB, 'join'), 'INVITATION_CLOSED');
      // Removing a member still works as before; their other memberships stay.
      const leaderOfA = await leaderOf([a.id]);
      expect(
        await leaderOfA.api.organizations.removeMember.mutate({
          idempotencyKey: newIdempotencyKey(),
          organizationId: a.id,
          residentId: resident.id,
        }),
      ).toMatchObject({ removed: true });
      await expectApiError(leaderOfA.api.residents.get.query({ id: resident.id }), 'NOT_FOUND');
    });
  });
});
