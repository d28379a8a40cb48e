import { describeEachDatabase } from '@tally/db/testing';
import { describe, expect, it } from 'vitest';
import {
  auditActions,
  givenCredit,
  givenOrganization,
  givenResident,
} from '../residents/test-helpers';
import {
  expectApiError,
  givenCommunityWithStaff,
  newIdempotencyKey,
  serveDuring,
} from '../test/api';

describeEachDatabase('the organizations API', (database) => {
  const server = serveDuring(database);

  const db = () => database().db;
  const community = () => givenCommunityWithStaff(server, database());

  /** A community with two organizations, A (with one member) and B, and a leader of A. */
  async function givenTwoOrganizations() {
    const given = await community();
    const member = await givenResident(db(), given.communityId);
    const a = await givenOrganization(db(), given.communityId, { members: [member] });
    const b = await givenOrganization(db(), given.communityId);
    const leaderOfA = await given.leaderOf([a.id]);
    return { ...given, member, a, b, leaderOfA };
  }

  describe('organizations.create', () => {
    it('sets up an organization and audits it', async () => {
      const { office, communityId } = await community();
      const organization = await office.api.organizations.create.mutate({
        idempotencyKey: newIdempotencyKey(),
        name: { zh: ' 绿色家园 ', en: '  Green Team ' },
        description: { en: 'Keeps the courtyards clean' },
      });
      expect(organization).toEqual({
        id: expect.any(String),
        name: { zh: '绿色家园', en: 'Green Team' },
        description: { zh: '', en: 'Keeps the courtyards clean' },
        memberCount: 0,
        leaders: [],
        createdAt: expect.any(String),
      });
      expect(await auditActions(db(), communityId)).toEqual([
        expect.objectContaining({ action: 'organizations.create', target_id: organization.id }),
      ]);
    });

    it('answers a replay with the first organization, and refuses the key for another', async () => {
      const { office, communityId } = await community();
      const input = { idempotencyKey: newIdempotencyKey(), name: { en: 'Chess Club' } };
      const first = await office.api.organizations.create.mutate(input);
      expect(await office.api.organizations.create.mutate(input)).toEqual(first);
      expect(await auditActions(db(), communityId)).toHaveLength(1);
      await expectApiError(
        office.api.organizations.create.mutate({ ...input, name: { en: 'Go Club' } }),
        'IDEMPOTENCY_CONFLICT',
      );
    });

    it('refuses a second organization with the same name in either language, and no name', async () => {
      const { office } = await community();
      const create = (name: { zh?: string; en?: string }) =>
        office.api.organizations.create.mutate({ idempotencyKey: newIdempotencyKey(), name });
      await create({ zh: '合唱团', en: 'Choir' });
      await expectApiError(create({ en: 'Choir' }), 'DUPLICATE');
      await expectApiError(create({ zh: '合唱团', en: 'Singers' }), 'DUPLICATE');
      // Names given in one language only never clash on the empty other one.
      await create({ zh: '舞蹈队' });
      await create({ zh: '书画社' });
      await expectApiError(create({ zh: ' ', en: '' }), 'VALIDATION_FAILED');
    });

    it('lets only the office set up organizations', async () => {
      const { auditor, leaderOfA } = await givenTwoOrganizations();
      const input = { idempotencyKey: newIdempotencyKey(), name: { en: 'Night Watch' } };
      await expectApiError(auditor.api.organizations.create.mutate(input), 'FORBIDDEN');
      await expectApiError(leaderOfA.api.organizations.create.mutate(input), 'FORBIDDEN');
    });
  });

  describe('organizations.list', () => {
    it('shows the office and auditors every organization with member counts and leaders', async () => {
      const { office, auditor, a, b, leaderOfA } = await givenTwoOrganizations();
      for (const reader of [office, auditor]) {
        const list = await reader.api.organizations.list.query();
        expect(list.map((o) => o.id).sort()).toEqual([a.id, b.id].sort());
        expect(list.find((o) => o.id === a.id)).toMatchObject({
          memberCount: 1,
          leaders: [{ id: leaderOfA.user.id, displayName: 'Test leader' }],
        });
        expect(list.find((o) => o.id === b.id)).toMatchObject({ memberCount: 0, leaders: [] });
      }
    });

    it('shows a leader only the organizations they lead', async () => {
      const { a, leaderOfA } = await givenTwoOrganizations();
      const list = await leaderOfA.api.organizations.list.query();
      expect(list.map((o) => o.id)).toEqual([a.id]);
    });

    it("never shows another community's organizations", async () => {
      await givenTwoOrganizations();
      const elsewhere = await community();
      expect(await elsewhere.office.api.organizations.list.query()).toEqual([]);
    });
  });

  describe('organizations.addMember and organizations.removeMember', () => {
    it("lets a leader keep their organization's member list: invite, then take off, audited", async () => {
      const { office, communityId, a, leaderOfA } = await givenTwoOrganizations();
      const newcomer = await givenResident(db(), communityId);
      const membership = { organizationId: a.id, residentId: newcomer.id };
      const invited = await leaderOfA.api.organizations.addMember.mutate({
        idempotencyKey: newIdempotencyKey(),
        ...membership,
      });
      expect(invited).toEqual({
        ...membership,
        added: false,
        invited: true,
        status: 'invited',
        invitationId: expect.any(String),
      });
      const listed = async () =>
        (await leaderOfA.api.organizations.members.query({ organizationId: a.id })).items.map(
          (r) => r.id,
        );
      // An invitation is not a membership: the newcomer joins once they (or the office) agree.
      expect(await listed()).not.toContain(newcomer.id);
      await office.api.organizations.approveInvitation.mutate({
        idempotencyKey: newIdempotencyKey(),
        invitationId: invited.invitationId ?? '',
      });
      expect(await listed()).toContain(newcomer.id);
      expect(
        await leaderOfA.api.organizations.removeMember.mutate({
          idempotencyKey: newIdempotencyKey(),
          ...membership,
        }),
      ).toEqual({ ...membership, removed: true });
      expect(await listed()).not.toContain(newcomer.id);
      expect(
        (await auditActions(db(), communityId)).map((e) => [e.action, e.target_id, e.details]),
      ).toEqual([
        [
          'organizations.invite',
          a.id,
          { residentId: newcomer.id, invitationId: invited.invitationId },
        ],
        [
          'invitations.approve',
          invited.invitationId,
          { organizationId: a.id, residentId: newcomer.id },
        ],
        ['organizations.removeMember', a.id, { residentId: newcomer.id }],
      ]);
    });

    it('changes nothing when adding a member twice or removing a non-member', async () => {
      const { office, communityId, member, a, b } = await givenTwoOrganizations();
      expect(
        await office.api.organizations.addMember.mutate({
          idempotencyKey: newIdempotencyKey(),
          organizationId: a.id,
          residentId: member.id,
        }),
      ).toMatchObject({ added: false });
      expect(
        await office.api.organizations.removeMember.mutate({
          idempotencyKey: newIdempotencyKey(),
          organizationId: b.id,
          residentId: member.id,
        }),
      ).toMatchObject({ removed: false });
      expect(await auditActions(db(), communityId)).toEqual([]);
    });

    it('answers a replay with the first result, and refuses the key for another operation', async () => {
      const { office, communityId, b } = await givenTwoOrganizations();
      const resident = await givenResident(db(), communityId);
      const input = {
        idempotencyKey: newIdempotencyKey(),
        organizationId: b.id,
        residentId: resident.id,
      };
      const first = await office.api.organizations.addMember.mutate(input);
      expect(first.added).toBe(true);
      expect(await office.api.organizations.addMember.mutate(input)).toEqual(first);
      await expectApiError(
        office.api.organizations.removeMember.mutate(input),
        'IDEMPOTENCY_CONFLICT',
      );
      expect(await auditActions(db(), communityId)).toHaveLength(1);
    });

    it('refuses a leader who acts for an organization they do not lead', async () => {
      const { communityId, member, b, leaderOfA } = await givenTwoOrganizations();
      await expectApiError(
        leaderOfA.api.organizations.addMember.mutate({
          idempotencyKey: newIdempotencyKey(),
          organizationId: b.id,
          residentId: member.id,
        }),
        'FORBIDDEN',
      );
      await expectApiError(
        leaderOfA.api.organizations.removeMember.mutate({
          idempotencyKey: newIdempotencyKey(),
          organizationId: b.id,
          residentId: member.id,
        }),
        'FORBIDDEN',
      );
      expect(await auditActions(db(), communityId)).toEqual([]);
    });

    it('refuses auditors, and does not know residents or organizations of another community', async () => {
      const { auditor, office, member, a } = await givenTwoOrganizations();
      const input = {
        idempotencyKey: newIdempotencyKey(),
        organizationId: a.id,
        residentId: member.id,
      };
      await expectApiError(auditor.api.organizations.addMember.mutate(input), 'FORBIDDEN');
      await expectApiError(auditor.api.organizations.removeMember.mutate(input), 'FORBIDDEN');
      const elsewhere = await community();
      await expectApiError(elsewhere.office.api.organizations.addMember.mutate(input), 'NOT_FOUND');
      await expectApiError(
        elsewhere.office.api.organizations.removeMember.mutate(input),
        'NOT_FOUND',
      );
      const stranger = await givenResident(db(), elsewhere.communityId);
      await expectApiError(
        office.api.organizations.addMember.mutate({
          idempotencyKey: newIdempotencyKey(),
          organizationId: a.id,
          residentId: stranger.id,
        }),
        'NOT_FOUND',
      );
    });

    it('refuses a resident id that is not a UUID', async () => {
      const { office, a } = await givenTwoOrganizations();
      await expectApiError(
        office.api.organizations.addMember.mutate({
          idempotencyKey: newIdempotencyKey(),
          organizationId: a.id,
          residentId: 'Q0001',
        }),
        'VALIDATION_FAILED',
      );
    });
  });

  describe('organizations.members', () => {
    it("shows the office, auditors and the organization's leader its members with balances", async () => {
      const { office, auditor, communityId, member, a, leaderOfA } = await givenTwoOrganizations();
      await givenCredit(db(), communityId, member, { points: 40, minutes: 120 });
      for (const reader of [office, auditor, leaderOfA]) {
        const page = await reader.api.organizations.members.query({ organizationId: a.id });
        expect(page.items).toEqual([
          expect.objectContaining({ id: member.id, points: 40, minutes: 120 }),
        ]);
      }
    });

    it("refuses a leader another organization's members, and another community's office", async () => {
      const { b, leaderOfA } = await givenTwoOrganizations();
      await expectApiError(
        leaderOfA.api.organizations.members.query({ organizationId: b.id }),
        'FORBIDDEN',
      );
      const elsewhere = await community();
      await expectApiError(
        elsewhere.office.api.organizations.members.query({ organizationId: b.id }),
        'NOT_FOUND',
      );
    });

    it('pages through members by cursor', async () => {
      const { office, communityId } = await community();
      const residents = [];
      for (let i = 0; i < 3; i++) {
        residents.push(await givenResident(db(), communityId, { cardNumber: `M-${i}` }));
      }
      const organization = await givenOrganization(db(), communityId, { members: residents });
      const first = await office.api.organizations.members.query({
        organizationId: organization.id,
        limit: 2,
      });
      expect(first.items).toHaveLength(2);
      const rest = await office.api.organizations.members.query({
        organizationId: organization.id,
        limit: 2,
        cursor: first.nextCursor ?? undefined,
      });
      expect([...first.items, ...rest.items].map((r) => r.id)).toEqual(residents.map((r) => r.id));
      expect(rest.nextCursor).toBeNull();
    });
  });

  describe('organizations.setLeaders', () => {
    it("replaces an organization's leaders, who then act for it", async () => {
      const { office, communityId, member, b, leaderOfA } = await givenTwoOrganizations();
      const organization = await office.api.organizations.setLeaders.mutate({
        idempotencyKey: newIdempotencyKey(),
        organizationId: b.id,
        staffIds: [leaderOfA.user.id],
      });
      expect(organization.leaders).toEqual([{ id: leaderOfA.user.id, displayName: 'Test leader' }]);
      expect(
        await leaderOfA.api.organizations.addMember.mutate({
          idempotencyKey: newIdempotencyKey(),
          organizationId: b.id,
          residentId: member.id,
        }),
      ).toMatchObject({ invited: true, status: 'invited' });
      const cleared = await office.api.organizations.setLeaders.mutate({
        idempotencyKey: newIdempotencyKey(),
        organizationId: b.id,
        staffIds: [],
      });
      expect(cleared.leaders).toEqual([]);
      expect((await auditActions(db(), communityId)).map((e) => e.action)).toEqual([
        'organizations.setLeaders',
        'organizations.invite',
        'organizations.setLeaders',
      ]);
    });

    it('refuses staff who are not leaders, staff of another community, and callers other than the office', async () => {
      const { office, auditor, b, leaderOfA } = await givenTwoOrganizations();
      const set = (staffIds: string[]) => ({
        idempotencyKey: newIdempotencyKey(),
        organizationId: b.id,
        staffIds,
      });
      await expectApiError(
        office.api.organizations.setLeaders.mutate(set([auditor.user.id])),
        'VALIDATION_FAILED',
      );
      const elsewhere = await community();
      const foreignLeader = await elsewhere.leaderOf([]);
      await expectApiError(
        office.api.organizations.setLeaders.mutate(set([foreignLeader.user.id])),
        'NOT_FOUND',
      );
      await expectApiError(
        elsewhere.office.api.organizations.setLeaders.mutate(set([])),
        'NOT_FOUND',
      );
      await expectApiError(
        leaderOfA.api.organizations.setLeaders.mutate(set([leaderOfA.user.id])),
        'FORBIDDEN',
      );
      await expectApiError(auditor.api.organizations.setLeaders.mutate(set([])), 'FORBIDDEN');
    });
  });
});
