import { describeEachDatabase } from '@tally/db/testing';
import { describe, expect, it } from 'vitest';
import { approve, givenOfficeUser, givenTeam, logRecords } from '../service/test-helpers';
import { type ApiClient, expectApiError, newIdempotencyKey, serveDuring } from '../test/api';
import { openedBy } from './test-helpers';

// Maker–checker that one person cannot satisfy (staff-control.ts): records logged by an
// account may not be reviewed by an account linked to it by control, until a second office
// member confirms the account.
describeEachDatabase('maker–checker across accounts', (database) => {
  const server = serveDuring(database);

  async function givenOfficeWithTeam() {
    const team = await givenTeam(server, database(), { members: 1 });
    const [resident] = team.residents;
    if (!resident) throw new Error('the team has no member');
    const logOne = async (api: ApiClient) => {
      const [recordId] = await logRecords(api, team.organization.id, resident, [{}]);
      if (!recordId) throw new Error('nothing logged');
      return recordId;
    };
    return { ...team, logOne };
  }

  const confirm = (api: ApiClient, staffId: string) =>
    api.staff.confirm.mutate({ idempotencyKey: newIdempotencyKey(), staffId });
  const reject = (api: ApiClient, recordIds: string[]) =>
    api.service.review.mutate({
      idempotencyKey: newIdempotencyKey(),
      recordIds,
      decision: 'reject',
      reason: 'Not our activity',
    });

  it('refuses an office member who opens a second office account, logs with it and approves with the first', async () => {
    const { office, logOne } = await givenOfficeWithTeam();
    const second = await openedBy(server, office.api, 'office');
    const recordId = await logOne(second.api);
    const error = await expectApiError(approve(office.api, [recordId]), 'SECOND_REVIEWER_NEEDED');
    expect(error.message).toContain('A second office member must review them');
    expect(error.data?.details).toEqual({ recordIds: [recordId] });
    await expectApiError(reject(office.api, [recordId]), 'SECOND_REVIEWER_NEEDED');

    // Nor the other way round: the second account may not review the first one's records.
    const ownRecord = await logOne(office.api);
    await expectApiError(approve(second.api, [ownRecord]), 'SECOND_REVIEWER_NEEDED');
  });

  it('shows such records in the approval queue as needing another reviewer', async () => {
    const { office, leader, logOne, communityId } = await givenOfficeWithTeam();
    const second = await openedBy(server, office.api, 'office');
    const linkedRecord = await logOne(second.api);
    const leaderRecord = await logOne(leader.api);
    const { items } = await office.api.service.list.query({ status: 'pending', limit: 50 });
    const byId = new Map(items.map((record) => [record.id, record.loggedByLinkedAccount]));
    expect(byId.get(linkedRecord)).toBe(true);
    expect(byId.get(leaderRecord)).toBe(false);
    const independent = await givenOfficeUser(server, database(), communityId);
    const theirs = await independent.api.service.list.query({ status: 'pending', limit: 50 });
    expect(theirs.items.every((record) => !record.loggedByLinkedAccount)).toBe(true);
  });

  it('follows control through accounts: P opened Q, Q opened R, so P may not approve R', async () => {
    const { office, organization, logOne } = await givenOfficeWithTeam();
    const q = await openedBy(server, office.api, 'office');
    const r = await openedBy(server, q.api, 'leader', [organization.id]);
    const recordId = await logOne(r.api);
    await expectApiError(approve(office.api, [recordId]), 'SECOND_REVIEWER_NEEDED');
  });

  it('treats two accounts opened by one person as linked to each other', async () => {
    const { office, organization, logOne } = await givenOfficeWithTeam();
    const reviewer = await openedBy(server, office.api, 'office');
    const maker = await openedBy(server, office.api, 'leader', [organization.id]);
    const recordId = await logOne(maker.api);
    await expectApiError(approve(reviewer.api, [recordId]), 'SECOND_REVIEWER_NEEDED');
  });

  it('lifts the link once a third, independent office member confirms the account', async () => {
    const { office, logOne, communityId } = await givenOfficeWithTeam();
    const second = await openedBy(server, office.api, 'office');
    const recordId = await logOne(second.api);
    const third = await givenOfficeUser(server, database(), communityId);

    const before = await office.api.staff.list.query();
    expect(before.find((m) => m.id === second.user.id)).toMatchObject({
      awaitingConfirmation: true,
      mayConfirm: false,
    });
    const seenByThird = await third.api.staff.list.query();
    expect(seenByThird.find((m) => m.id === second.user.id)?.mayConfirm).toBe(true);

    const confirmed = await confirm(third.api, second.user.id);
    expect(confirmed).toMatchObject({ awaitingConfirmation: false, mayConfirm: false });
    await expectApiError(confirm(third.api, second.user.id), 'ALREADY_CONFIRMED');
    const { records } = await approve(office.api, [recordId]);
    expect(records).toEqual([expect.objectContaining({ id: recordId, status: 'approved' })]);
  });

  it('never lets the one who opened an account, or an account they opened, confirm it', async () => {
    const { office } = await givenOfficeWithTeam();
    const second = await openedBy(server, office.api, 'office');
    const sibling = await openedBy(server, office.api, 'office');
    await expectApiError(confirm(office.api, second.user.id), 'CONFIRMER_NOT_INDEPENDENT');
    await expectApiError(confirm(sibling.api, second.user.id), 'CONFIRMER_NOT_INDEPENDENT');
    await expectApiError(confirm(second.api, second.user.id), 'CONFIRMER_NOT_INDEPENDENT');
    const list = await sibling.api.staff.list.query();
    expect(list.find((m) => m.id === second.user.id)?.mayConfirm).toBe(false);
  });

  it('links the accounts again when one resets the password of the other', async () => {
    const { office, logOne, communityId } = await givenOfficeWithTeam();
    const second = await openedBy(server, office.api, 'office');
    const third = await givenOfficeUser(server, database(), communityId);
    await confirm(third.api, second.user.id);
    const recordId = await logOne(second.api);

    await office.api.staff.resetPassword.mutate({
      idempotencyKey: newIdempotencyKey(),
      staffId: second.user.id,
    });
    await expectApiError(approve(office.api, [recordId]), 'SECOND_REVIEWER_NEEDED');
    const list = await third.api.staff.list.query();
    expect(list.find((m) => m.id === second.user.id)).toMatchObject({
      awaitingConfirmation: true,
      mayConfirm: true,
    });
  });

  describe('accounts nobody controls', () => {
    it('lets the office approve what leaders opened from the command line or the seed logged', async () => {
      const { office, leader, logOne, communityId } = await givenOfficeWithTeam();
      const recordId = await logOne(leader.api);
      const { records } = await approve(office.api, [recordId]);
      expect(records[0]?.status).toBe('approved');
      const independent = await givenOfficeUser(server, database(), communityId);
      const list = await office.api.staff.list.query();
      expect(list.find((m) => m.id === independent.id)?.awaitingConfirmation).toBe(false);
      expect(list.find((m) => m.id === leader.user.id)?.awaitingConfirmation).toBe(false);
    });
  });
});
