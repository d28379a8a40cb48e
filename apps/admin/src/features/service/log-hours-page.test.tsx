import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { fakeApi, renderWithApp, staffUser } from '../../test/render';
import { LogHoursPage } from './log-hours-page';

const organization = { id: '11111111-1111-4111-8111-111111111111', name: 'Sunshine Volunteers' };
const member = (n: number) => ({
  id: `00000000-0000-4000-8000-00000000010${n}`,
  name: `Member ${n}`,
  displayName: `Member ${n}`,
  cardNumber: `Q000${n}`,
  building: null,
});

function setUp() {
  const log = vi.fn((input: unknown) => ({
    records: (input as { residentIds: string[] }).residentIds.map((id) => ({
      id: `rec-${id}`,
      residentId: id,
      status: 'pending',
    })),
  }));
  const api = fakeApi({
    'organizations.list.query': () => [organization],
    'organizations.members.query': () => ({
      items: [member(1), member(2), member(3)],
      nextCursor: null,
    }),
    'service.log.mutate': log,
  });
  renderWithApp(<LogHoursPage />, { api, user: staffUser('leader', [organization.id]) });
  return { log };
}

describe('logging a sign-in sheet', () => {
  it('says what is missing instead of calling the service', async () => {
    const { log } = setUp();
    await screen.findByText('Member 1');
    fireEvent.click(screen.getByRole('button', { name: 'Log hours for 0 people' }));
    expect(screen.getByText('Name the activity.')).toBeTruthy();
    expect(screen.getByText('Choose a category.')).toBeTruthy();
    expect(screen.getByText('Say where it took place.')).toBeTruthy();
    expect(screen.getByText('Tick at least one member.')).toBeTruthy();
    expect(log).not.toHaveBeenCalled();
  });

  it('logs one activity for every ticked member in one call, with an idempotency key', async () => {
    const { log } = setUp();
    await screen.findByText('Member 1');
    // The only organization the leader leads is already chosen.
    expect((screen.getByLabelText('Organization') as HTMLSelectElement).value).toBe(
      organization.id,
    );
    fireEvent.change(screen.getByLabelText('Activity'), {
      target: { value: 'Visiting neighbours' },
    });
    fireEvent.change(screen.getByLabelText('Category'), { target: { value: 'elderly_care' } });
    fireEvent.change(screen.getByLabelText('Place'), { target: { value: 'Building 3' } });
    fireEvent.change(screen.getByLabelText('Date'), { target: { value: '2026-11-02' } });
    fireEvent.change(screen.getByLabelText('Start time'), { target: { value: '14:00' } });
    fireEvent.click(screen.getByRole('button', { name: 'Select all' }));
    fireEvent.click(screen.getByRole('button', { name: 'Log hours for 3 people' }));

    await screen.findByText(
      '3 records for “Visiting neighbours” are waiting for the office’s approval.',
    );
    expect(log).toHaveBeenCalledTimes(1);
    expect(log.mock.calls[0]?.[0]).toEqual({
      idempotencyKey: expect.any(String),
      organizationId: organization.id,
      residentIds: [member(1).id, member(2).id, member(3).id],
      activity: { title: 'Visiting neighbours', category: 'elderly_care', place: 'Building 3' },
      startedAt: new Date('2026-11-02T14:00').toISOString(),
      minutes: 120,
    });
  });

  it('uses a new idempotency key for the next sheet', async () => {
    const { log } = setUp();
    const logSheet = async () => {
      await screen.findByText('Member 1');
      fireEvent.change(screen.getByLabelText('Activity'), { target: { value: 'Patrol' } });
      fireEvent.change(screen.getByLabelText('Category'), { target: { value: 'safety' } });
      fireEvent.change(screen.getByLabelText('Place'), { target: { value: 'Gate' } });
      fireEvent.click(screen.getByLabelText(/Member 2/));
      fireEvent.click(screen.getByRole('button', { name: 'Log hours for 1 person' }));
      await screen.findByText('Hours logged');
    };
    await logSheet();
    fireEvent.click(screen.getByRole('button', { name: 'Log another activity' }));
    await logSheet();
    const keys = log.mock.calls.map(
      (call) => (call[0] as { idempotencyKey: string }).idempotencyKey,
    );
    await waitFor(() => expect(new Set(keys).size).toBe(2));
  });
});
