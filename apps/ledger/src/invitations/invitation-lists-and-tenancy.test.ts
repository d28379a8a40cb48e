import { describeEachDatabase } from '@tally/db/testing';
import { describe, expect, it } from 'vitest';
import { givenKiosk, givenResident, identify } from '../kiosk/test-helpers';
import { givenOrganization } from '../residents/test-helpers';
import {
  expectApiError,
  givenCommunityWithStaff,
  newIdempotencyKey,
  serveDuring,
} from '../test/api';
import { answer, decision, givenInvitationScene, invitationFrom } from './test-helpers';

describeEachDatabase('invitations: who sees them and who may answer', (database) => {
  const server = serveDuring(database);
  const scene = () => givenInvitationScene(server, database());

  describe('organizations.invitations', () => {
    it('shows the office and auditors every waiting invitation with names, a leader theirs masked', async () => {
      const { office, auditor, resident, b, leaderOfB } = await scene();
      const invitationId = await invitationFrom(leaderOfB, b.id, resident.id);
      const expected = {
        id: invitationId,
        organization: { id: b.id, name: b.name },
        resident: { id: resident.id, cardNumber: resident.cardNumber },
        invitedBy: { id: leaderOfB.user.id, displayName: 'Test leader' },
        status: 'pending',
        closedAt: null,
        closedVia: null,
      };
      for (const reader of [office, auditor]) {
        const page = await reader.api.organizations.invitations.query({});
        expect(page.items).toEqual([
          expect.objectContaining({
            ...expected,
            resident: { ...expected.resident, displayName: '王小明', nameMasked: false },
          }),
        ]);
      }
      const mine = await leaderOfB.api.organizations.invitations.query({ organizationId: b.id });
      expect(mine.items).toEqual([
        expect.objectContaining({
          ...expected,
          resident: { ...expected.resident, displayName: '王*明', nameMasked: true },
        }),
      ]);
    });

    it("refuses a leader another organization's invitations and shows them none of it", async () => {
      const { a, resident, b, leaderOfB, leaderOf } = await scene();
      await invitationFrom(leaderOfB, b.id, resident.id);
      const leaderOfA = await leaderOf([a.id]);
      expect((await leaderOfA.api.organizations.invitations.query({})).items).toEqual([]);
      await expectApiError(
        leaderOfA.api.organizations.invitations.query({ organizationId: b.id }),
        'FORBIDDEN',
      );
    });

    it('pages newest first by cursor', async () => {
      const { communityId, b, leaderOfB } = await scene();
      const ids: string[] = [];
      for (let i = 0; i < 3; i++) {
        const invitee = await givenResident(database().db, communityId);
        ids.push(await invitationFrom(leaderOfB, b.id, invitee.id));
      }
      const first = await leaderOfB.api.organizations.invitations.query({ limit: 2 });
      const rest = await leaderOfB.api.organizations.invitations.query({
        limit: 2,
        cursor: first.nextCursor ?? undefined,
      });
      expect([...first.items, ...rest.items].map((i) => i.id)).toEqual([...ids].reverse());
      expect(rest.nextCursor).toBeNull();
    });
  });

  describe('another community', () => {
    it("cannot see, approve, withdraw or answer this community's invitations", async () => {
      const { resident, b, leaderOfB } = await scene();
      const invitationId = await invitationFrom(leaderOfB, b.id, resident.id);

      const elsewhere = await givenCommunityWithStaff(server, database());
      const { db } = database();
      const theirOrganization = await givenOrganization(db, elsewhere.communityId);
      const theirLeader = await elsewhere.leaderOf([theirOrganization.id]);
      expect((await elsewhere.office.api.organizations.invitations.query({})).items).toEqual([]);
      expect((await elsewhere.auditor.api.organizations.invitations.query({})).items).toEqual([]);
      await expectApiError(
        elsewhere.office.api.organizations.invitations.query({ organizationId: b.id }),
        'NOT_FOUND',
      );
      await expectApiError(
        elsewhere.office.api.organizations.approveInvitation.mutate(decision(invitationId)),
        'NOT_FOUND',
      );
      await expectApiError(
        elsewhere.office.api.organizations.withdrawInvitation.mutate(decision(invitationId)),
        'NOT_FOUND',
      );
      await expectApiError(
        theirLeader.api.organizations.withdrawInvitation.mutate(decision(invitationId)),
        'NOT_FOUND',
      );
      await expectApiError(
        elsewhere.office.api.residents.findByCard.query({ cardNumber: resident.cardNumber }),
        'NOT_FOUND',
      );

      // Their kiosk, with their own resident identified, neither lists nor answers it.
      const theirKiosk = await givenKiosk(server, db, elsewhere.communityId);
      const theirResident = await givenResident(db, elsewhere.communityId);
      const atTheirKiosk = (await identify(theirKiosk, theirResident)).api;
      expect(await atTheirKiosk.kiosk.invitations.query()).toEqual([]);
      await expectApiError(answer(atTheirKiosk, invitationId, 'join'), 'NOT_FOUND');
    });
  });

  describe('at the kiosk', () => {
    it("does not let one resident answer another's invitation, nor a kiosk without a resident", async () => {
      const { communityId, resident, b, leaderOfB, kiosk } = await scene();
      const invitationId = await invitationFrom(leaderOfB, b.id, resident.id);
      const neighbour = await givenResident(database().db, communityId);
      const atKiosk = (await identify(kiosk, neighbour)).api;
      expect(await atKiosk.kiosk.invitations.query()).toEqual([]);
      await expectApiError(answer(atKiosk, invitationId, 'join'), 'NOT_FOUND');
      await expectApiError(kiosk.api.kiosk.invitations.query(), 'SESSION_EXPIRED');
      await expectApiError(answer(kiosk.api, invitationId, 'join'), 'SESSION_EXPIRED');
      await expectApiError(leaderOfB.api.kiosk.invitations.query(), 'UNAUTHORIZED');
    });

    it('answers a retried join once, and refuses an answer that is neither join nor decline', async () => {
      const { resident, b, leaderOfB, atKiosk } = await scene();
      const invitationId = await invitationFrom(leaderOfB, b.id, resident.id);
      const kiosk = await atKiosk();
      const input = { idempotencyKey: newIdempotencyKey(), invitationId, answer: 'join' as const };
      const first = await kiosk.kiosk.answerInvitation.mutate(input);
      expect(await kiosk.kiosk.answerInvitation.mutate(input)).toEqual(first);
      await expectApiError(
        kiosk.kiosk.answerInvitation.mutate({
          ...input,
          idempotencyKey: newIdempotencyKey(),
          // @ts-expect-error: what a broken client might send
          answer: 'maybe',
        }),
        'VALIDATION_FAILED',
      );
    });
  });
});
