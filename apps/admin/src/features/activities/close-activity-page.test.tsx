import type { StaffUser } from '@tally/domain/staff';
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { Route } from 'wouter';
import { fakeApi, renderWithApp, staffUser } from '../../test/render';
import { CloseActivityPage } from './close-activity-page';
import { ACTIVITY_ID, anActivity, anEntry, ORGANIZATION_ID } from './test-activities';

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

function setUp(user: StaffUser = staffUser('leader', [ORGANIZATION_ID])) {
  const activity = anActivity({ startsAt: minutesAgo(130), endsAt: minutesAgo(10) });
  const entries = [
    anEntry(1, { checkedInAt: minutesAgo(135), minutes: 120 }),
    anEntry(2, { checkedInAt: minutesAgo(130), checkedOutAt: minutesAgo(100), minutes: 30 }),
    anEntry(3),
  ];
  const close = vi.fn((_input: unknown) => ({
    records: entries.slice(0, 2).map((entry, index) => ({
      id: `rec-${index}`,
      residentId: entry.resident.id,
      minutes: entry.minutes ?? 0,
      status: 'pending',
    })),
    noShows: [anEntry(3).resident.id],
  }));
  const api = fakeApi({
    'activities.get.query': () => activity,
    'activities.attendance.query': () => ({
      activityId: ACTIVITY_ID,
      status: 'published',
      entries,
    }),
    'activities.close.mutate': close,
  });
  renderWithApp(
    <Route path="/activities/:id/close">
      <CloseActivityPage />
    </Route>,
    { api, user, path: `/activities/${ACTIVITY_ID}/close` },
  );
  return { close };
}

async function adjustSecondResident({ minutes, reason }: { minutes: string; reason: string }) {
  fireEvent.click(await screen.findByRole('button', { name: 'Adjust the minutes of Resident 2' }));
  const dialog = within(screen.getByRole('dialog'));
  fireEvent.change(dialog.getByLabelText('Minutes to count'), { target: { value: minutes } });
  fireEvent.change(dialog.getByLabelText('Reason'), { target: { value: reason } });
  fireEvent.click(dialog.getByRole('button', { name: 'Adjust' }));
}

describe('closing an activity', () => {
  it('shows each attendee’s minutes and who did not come', async () => {
    setUp();
    await screen.findByText('2 people came');
    expect(screen.getByText('1 signed up and did not come')).toBeTruthy();
    expect(screen.getByText('Closing writes 2 records, 2.5 hours in all.')).toBeTruthy();
  });

  it('will not adjust minutes without a reason', async () => {
    setUp();
    await adjustSecondResident({ minutes: '90', reason: '' });
    expect(screen.getByText('Say why the minutes are adjusted.')).toBeTruthy();
  });

  it('closes with the one adjustment, then says what waits for the office and who did not come', async () => {
    const { close } = setUp(staffUser('office'));
    await adjustSecondResident({ minutes: '90', reason: 'Stayed to tidy up' });
    expect(await screen.findByText('Closing writes 2 records, 3.5 hours in all.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Close the activity' }));
    const confirm = within(screen.getByRole('dialog'));
    fireEvent.click(confirm.getByRole('button', { name: 'Close the activity' }));
    const outcome = await screen.findByTestId('close-outcome');
    expect(outcome.textContent).toBe(
      '2 records are waiting for the office’s approval; 1 did not come.',
    );
    expect(close).toHaveBeenCalledWith({
      idempotencyKey: expect.any(String),
      id: ACTIVITY_ID,
      adjustments: [
        { residentId: anEntry(2).resident.id, minutes: 90, reason: 'Stayed to tidy up' },
      ],
    });
    expect(screen.getByRole('link', { name: 'Open Approvals' }).getAttribute('href')).toBe(
      '/approvals',
    );
  });

  it('sends a leader, who cannot approve, to the logged hours instead', async () => {
    setUp();
    fireEvent.click(await screen.findByRole('button', { name: 'Close the activity' }));
    fireEvent.click(
      within(screen.getByRole('dialog')).getByRole('button', { name: 'Close the activity' }),
    );
    await screen.findByTestId('close-outcome');
    expect(screen.queryByRole('link', { name: 'Open Approvals' })).toBeNull();
    expect(screen.getByRole('link', { name: 'See the logged hours' })).toBeTruthy();
  });
});
