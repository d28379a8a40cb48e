import type { StaffActivity } from '@tally/domain/activities';
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { fakeApi, renderWithApp, staffUser } from '../../test/render';
import { ActivitiesPage } from './activities-page';
import { ACTIVITY_ID, anActivity, ORGANIZATION_ID } from './test-activities';

const organization = {
  id: ORGANIZATION_ID,
  name: { zh: '阳光志愿队', en: 'Sunshine Volunteers' },
  description: { zh: '', en: '' },
  memberCount: 12,
  leaders: [],
  createdAt: '2026-01-01T00:00:00.000Z',
};

const activities = [
  anActivity(),
  anActivity({
    id: '33333333-3333-4333-8333-333333333333',
    title: { zh: '消防演练', en: '' },
    status: 'draft',
    slots: null,
    signedUp: 0,
  }),
  anActivity({
    id: '44444444-4444-4444-8444-444444444444',
    title: { zh: '重阳节探访', en: 'Double Ninth visits' },
    status: 'closed',
    startsAt: '2026-10-01T01:00:00.000Z',
    endsAt: '2026-10-01T03:00:00.000Z',
    slots: 8,
    signedUp: 8,
    waitlisted: 2,
  }),
];

/** The rule in force runs a campaign for the under-30s, from a few days ago to next month. */
const ruleWithCampaign = () => {
  const day = (offset: number) =>
    new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  return {
    version: 4,
    basePointsPerHour: 10,
    categoryWeights: {},
    dailyCapPoints: null,
    firstParticipationBonus: null,
    campaign: { bonusPercent: 50, from: day(-5), to: day(30), ageBand: 'under_30' },
    publishedAt: '2026-11-01T00:00:00.000Z',
    publishedBy: null,
  };
};

function setUp(
  { role = 'leader', language = 'en', path = '/' } = {} as {
    role?: 'leader' | 'office' | 'auditor';
    language?: 'en' | 'zh';
    path?: string;
  },
) {
  const list = vi.fn((_input: unknown) => ({ items: activities, nextCursor: null }));
  const create = vi.fn((input: { title: StaffActivity['title'] }) =>
    anActivity({ title: input.title, status: 'draft' }),
  );
  const api = fakeApi({
    'activities.list.query': list,
    'activities.create.mutate': create,
    'organizations.list.query': () => [organization],
    'rules.get.query': ruleWithCampaign,
  });
  const rendered = renderWithApp(<ActivitiesPage />, {
    api,
    user: staffUser(role, role === 'leader' ? [ORGANIZATION_ID] : []),
    language,
    path,
  });
  return { list, create, ...rendered };
}

describe('the activities list', () => {
  it('shows each activity in the reader’s language, with when, places and status in words', async () => {
    setUp();
    const row = (await screen.findByRole('link', { name: 'Courtyard clean-up' })).closest('tr');
    expect(row?.textContent).toContain('3 of 10 taken');
    expect(row?.textContent).toContain('Open for sign-up');
    // A title given only in Chinese is shown as given.
    expect(screen.getByRole('link', { name: '消防演练' }).closest('tr')?.textContent).toContain(
      'Draft',
    );
    const closed = screen.getByRole('link', { name: 'Double Ninth visits' }).closest('tr');
    expect(closed?.textContent).toContain('8 of 8 taken · 2 waiting');
    expect(closed?.textContent).toContain('Closed');
  });

  it('speaks Chinese to a Chinese reader', async () => {
    setUp({ language: 'zh' });
    const row = (await screen.findByRole('link', { name: '庭院大扫除' })).closest('tr');
    expect(row?.textContent).toContain('已报 3 / 10');
    expect(row?.textContent).toContain('报名中');
  });

  it('asks the service for the status and organization chosen', async () => {
    const { list } = setUp({ role: 'office' });
    await screen.findByRole('link', { name: 'Courtyard clean-up' });
    fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'closed' } });
    await vi.waitFor(() => expect(list).toHaveBeenLastCalledWith({ status: 'closed', limit: 50 }));
  });

  it('lets an auditor read but not draft', async () => {
    setUp({ role: 'auditor' });
    await screen.findByRole('link', { name: 'Courtyard clean-up' });
    expect(screen.queryByRole('button', { name: 'New activity' })).toBeNull();
  });
});

describe('drafting an activity', () => {
  it('says what is missing instead of calling the service', async () => {
    const { create } = setUp();
    fireEvent.click(await screen.findByRole('button', { name: 'New activity' }));
    const dialog = within(screen.getByRole('dialog'));
    fireEvent.click(dialog.getByRole('button', { name: 'Save as draft' }));
    expect(dialog.getByText('Name the activity, in at most 100 characters.')).toBeTruthy();
    expect(dialog.getByText('Choose a category.')).toBeTruthy();
    expect(dialog.getByText('Say where it takes place.')).toBeTruthy();
    expect(create).not.toHaveBeenCalled();
  });

  it('drafts it for the leader’s own organization and opens it', async () => {
    const { create, location } = setUp();
    fireEvent.click(await screen.findByRole('button', { name: 'New activity' }));
    const dialog = within(screen.getByRole('dialog'));
    fireEvent.change(dialog.getByLabelText('Title (Chinese)'), { target: { value: '庭院大扫除' } });
    fireEvent.change(dialog.getByLabelText('Title (English)'), {
      target: { value: 'Courtyard clean-up' },
    });
    fireEvent.change(dialog.getByLabelText('Category'), { target: { value: 'environment' } });
    fireEvent.change(dialog.getByLabelText('Place'), { target: { value: 'Courtyard B' } });
    fireEvent.change(dialog.getByLabelText('Date'), { target: { value: '2026-12-12' } });
    fireEvent.change(dialog.getByLabelText('Starts at'), { target: { value: '14:00' } });
    fireEvent.change(dialog.getByLabelText('Ends at'), { target: { value: '16:30' } });
    expect(dialog.getByText('Lasts 2.5 hours.')).toBeTruthy();
    fireEvent.change(dialog.getByLabelText('Places'), { target: { value: '10' } });
    fireEvent.click(dialog.getByLabelText('When full, residents join a waiting list'));
    fireEvent.click(dialog.getByRole('button', { name: 'Save as draft' }));

    await vi.waitFor(() => expect(create).toHaveBeenCalledTimes(1));
    expect(create.mock.calls[0]?.[0]).toEqual({
      idempotencyKey: expect.any(String),
      organizationId: ORGANIZATION_ID,
      title: { zh: '庭院大扫除', en: 'Courtyard clean-up' },
      description: { zh: '', en: '' },
      category: 'environment',
      place: 'Courtyard B',
      startsAt: new Date('2026-12-12T14:00').toISOString(),
      endsAt: new Date('2026-12-12T16:30').toISOString(),
      slots: 10,
      waitingList: true,
    });
    await vi.waitFor(() => expect(location.history?.at(-1)).toBe(`/activities/${ACTIVITY_ID}`));
  });

  it('invites a group by age and building, tied to the running campaign', async () => {
    const { create } = setUp();
    fireEvent.click(await screen.findByRole('button', { name: 'New activity' }));
    const dialog = within(screen.getByRole('dialog'));
    fireEvent.change(dialog.getByLabelText('Title (English)'), { target: { value: 'Readers' } });
    fireEvent.change(dialog.getByLabelText('Category'), { target: { value: 'culture' } });
    fireEvent.change(dialog.getByLabelText('Place'), { target: { value: 'Library corner' } });
    fireEvent.click(dialog.getByLabelText('A group of residents'));
    fireEvent.click(dialog.getByRole('button', { name: 'Save as draft' }));
    expect(dialog.getByText('Tick an age, name a building, or choose the campaign.')).toBeTruthy();
    fireEvent.click(dialog.getByLabelText('Under 30'));
    fireEvent.change(dialog.getByLabelText('Buildings'), { target: { value: '3，5' } });
    fireEvent.click(await dialog.findByLabelText(/For the earning campaign/));
    fireEvent.click(dialog.getByRole('button', { name: 'Save as draft' }));
    await vi.waitFor(() => expect(create).toHaveBeenCalledTimes(1));
    expect(create.mock.calls[0]?.[0]).toMatchObject({
      invite: { ageBands: ['under_30'], buildings: ['3', '5'], campaign: true },
    });
  });

  it('opens a new activity of the category the address names (a topic asks for a meeting)', async () => {
    const { location } = setUp({ role: 'office', path: '/activities?new=community_affairs' });
    const dialog = await screen.findByRole('dialog');
    expect((within(dialog).getByLabelText('Category') as HTMLSelectElement).value).toBe(
      'community_affairs',
    );
    // The address forgets it, so a reload does not open the dialog again.
    await vi.waitFor(() => expect(location.history?.at(-1)).toBe('/activities'));
  });
});
