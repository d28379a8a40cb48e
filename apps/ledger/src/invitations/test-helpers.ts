import type { TestDatabase } from '@tally/db/testing';
import { givenKiosk, givenResident, identify } from '../kiosk/test-helpers';
import { givenOrganization } from '../residents/test-helpers';
import {
  type ApiClient,
  givenCommunityWithStaff,
  newIdempotencyKey,
  type TestServer,
} from '../test/api';

// The scene of the F10 probe: a resident who belongs to organization A, a leader of another
// organization B who holds their card, and the community's kiosk where the resident answers.

export async function givenInvitationScene(server: TestServer, database: TestDatabase) {
  const { db } = database;
  const community = await givenCommunityWithStaff(server, database);
  const { communityId } = community;
  const kiosk = await givenKiosk(server, db, communityId);
  const resident = await givenResident(db, communityId, { displayName: '王小明', points: 80 });
  const a = await givenOrganization(db, communityId, { members: [resident] });
  const b = await givenOrganization(db, communityId);
  const leaderOfB = await community.leaderOf([b.id]);
  return {
    ...community,
    kiosk,
    resident,
    a,
    b,
    leaderOfB,
    /** The resident identifies at the kiosk; its client speaks for them. */
    atKiosk: async () => (await identify(kiosk, resident)).api,
  };
}

export function invite(staff: { api: ApiClient }, organizationId: string, residentId: string) {
  return staff.api.organizations.addMember.mutate({
    idempotencyKey: newIdempotencyKey(),
    organizationId,
    residentId,
  });
}

/** A leader's invitation that must be new; returns its id. */
export async function invitationFrom(
  staff: { api: ApiClient },
  organizationId: string,
  residentId: string,
): Promise<string> {
  const result = await invite(staff, organizationId, residentId);
  if (!result.invited || !result.invitationId) throw new Error('expected a new invitation');
  return result.invitationId;
}

export function answer(resident: ApiClient, invitationId: string, reply: 'join' | 'decline') {
  return resident.kiosk.answerInvitation.mutate({
    idempotencyKey: newIdempotencyKey(),
    invitationId,
    answer: reply,
  });
}

export function decision(invitationId: string) {
  return { idempotencyKey: newIdempotencyKey(), invitationId };
}
