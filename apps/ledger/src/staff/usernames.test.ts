import { describeEachDatabase } from '@tally/db/testing';
import { expect, it } from 'vitest';
import {
  apiClient,
  expectApiError,
  givenCommunityWithStaff,
  newIdempotencyKey,
  serveDuring,
} from '../test/api';
import { outcome, signInFrom } from './test-helpers';

// Log-in names are unique within a community only: a name taken in one community is free in
// every other, and nothing any community sees says that it exists elsewhere.
describeEachDatabase('user names per community', (database) => {
  const server = serveDuring(database);
  const community = () => givenCommunityWithStaff(server, database());
  const username = () => `office2-${Math.random().toString(36).slice(2, 8)}`;

  const open = (
    office: Awaited<ReturnType<typeof community>>['office'],
    name: string,
    password: string,
  ) =>
    office.api.staff.create.mutate({
      idempotencyKey: newIdempotencyKey(),
      username: name,
      password,
      displayName: 'Second office',
      role: 'office',
    });

  it('lets two communities each open the same name, and each signs in to its own', async () => {
    const [east, west] = [await community(), await community()];
    const name = username();
    const eastUser = await open(east.office, name, 'east gate plum blossom');
    const westUser = await open(west.office, name, 'west gate willow tree');
    const anonymous = apiClient(server.url);
    const eastSession = await anonymous.auth.login.mutate({
      username: name,
      password: 'east gate plum blossom',
    });
    const westSession = await anonymous.auth.login.mutate({
      username: name,
      password: 'west gate willow tree',
    });
    expect(eastSession.user).toMatchObject({ id: eastUser.id, communityId: east.communityId });
    expect(westSession.user).toMatchObject({ id: westUser.id, communityId: west.communityId });
    await expectApiError(
      anonymous.auth.login.mutate({ username: name, password: 'neither of them' }),
      'INVALID_CREDENTIALS',
    );
  });

  it('refuses a name already taken in the same community', async () => {
    const { office } = await community();
    const name = username();
    await open(office, name, 'east gate plum blossom');
    await expectApiError(open(office, name, 'another long secret'), 'DUPLICATE');
  });

  it("does not count one community's sign-ins against the other's account of that name", async () => {
    const [east, west] = [await community(), await community()];
    const name = username();
    await open(east.office, name, 'east gate plum blossom');
    await open(west.office, name, 'west gate willow tree');
    const from = (password: string) => signInFrom(server, '10.7.0.1', { username: name, password });
    for (let i = 0; i < 6; i++)
      expect(outcome(await from('east gate plum blossom'))).toBe('signed in');
    expect(outcome(await from('west gate willow tree'))).toBe('signed in');
  });

  it('opens neither account when one password opens both, answering as for a wrong one', async () => {
    const [east, west] = [await community(), await community()];
    const name = username();
    await open(east.office, name, 'the very same secret');
    await open(west.office, name, 'the very same secret');
    await expectApiError(
      apiClient(server.url).auth.login.mutate({ username: name, password: 'the very same secret' }),
      'INVALID_CREDENTIALS',
    );
  });
});
