import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { Route } from 'wouter';
import { formatterFor } from '../../i18n/format';
import { apiError, fakeApi, renderWithApp, staffUser } from '../../test/render';
import { DoorPage } from './door-page';
import { ACTIVITY_ID, anActivity, anEntry, ORGANIZATION_ID } from './test-activities';

const CHECKED_IN_AT = '2026-12-07T01:02:00.000Z';
const CHECKED_OUT_AT = '2026-12-07T02:45:00.000Z';
/** Times as the door says them: on the reader's clock, as its list does. */
const clock = (at: string) => formatterFor('en').time(at);

function setUp() {
  // The door opens an hour before the start: this one starts in half an hour.
  const activity = anActivity({
    startsAt: new Date(Date.now() + 30 * 60_000).toISOString(),
    endsAt: new Date(Date.now() + 150 * 60_000).toISOString(),
  });
  let entries = [anEntry(1), anEntry(2)];
  const checkIn = vi.fn(({ cardNumber }: { cardNumber: string }) => {
    if (cardNumber === 'Q9999') throw apiError('NOT_FOUND');
    const n = Number(cardNumber.slice(-1));
    const walkIn = n > 2;
    const checkedInAt = CHECKED_IN_AT;
    entries = [
      ...entries.filter((e) => e.resident.cardNumber !== cardNumber),
      anEntry(n, { checkedInAt, walkIn, signUp: walkIn ? null : 'signed_up' }),
    ];
    return {
      activityId: ACTIVITY_ID,
      residentId: anEntry(n).resident.id,
      displayName: `Resident ${n}`,
      checkedInAt,
      localTime: '09:02',
      walkIn,
      alreadyCheckedIn: false,
    };
  });
  const checkOut = vi.fn(({ cardNumber }: { cardNumber: string }) => ({
    activityId: ACTIVITY_ID,
    residentId: anEntry(1).resident.id,
    displayName: `Resident ${cardNumber.slice(-1)}`,
    checkedInAt: CHECKED_IN_AT,
    checkedOutAt: CHECKED_OUT_AT,
    localTime: '10:45',
    minutes: 103,
    alreadyCheckedOut: false,
  }));
  const api = fakeApi({
    'activities.get.query': () => activity,
    'activities.attendance.query': () => ({
      activityId: ACTIVITY_ID,
      status: 'published',
      entries,
    }),
    'activities.checkIn.mutate': checkIn,
    'activities.checkOut.mutate': checkOut,
  });
  renderWithApp(
    <Route path="/activities/:id/door">
      <DoorPage />
    </Route>,
    {
      api,
      user: staffUser('leader', [ORGANIZATION_ID]),
      path: `/activities/${ACTIVITY_ID}/door`,
    },
  );
  return { checkIn, checkOut };
}

describe('the door', () => {
  it('checks a card in on Enter, as a card reader sends it, and lists who came', async () => {
    const { checkIn } = setUp();
    const card = await screen.findByLabelText('Card number');
    fireEvent.change(card, { target: { value: ' Q0001 ' } });
    fireEvent.submit(card);
    await screen.findByText(`Resident 1 checked in at ${clock(CHECKED_IN_AT)}.`);
    expect(checkIn).toHaveBeenCalledWith({
      idempotencyKey: expect.any(String),
      activityId: ACTIVITY_ID,
      cardNumber: 'Q0001',
    });
    expect((card as HTMLInputElement).value).toBe('');
    const list = within(screen.getByRole('region', { name: 'Who came' }));
    await list.findByText('Resident 1');
    expect(screen.getByTestId('door-count').textContent).toBe('1 came · 3 signed up');
  });

  it('lets a walk-in in, and says so', async () => {
    setUp();
    const card = await screen.findByLabelText('Card number');
    fireEvent.change(card, { target: { value: 'Q0007' } });
    fireEvent.click(screen.getByRole('button', { name: 'Check in' }));
    await screen.findByText(
      `Resident 7 checked in at ${clock(CHECKED_IN_AT)}: a walk-in, not signed up.`,
    );
  });

  it('says plainly when no resident holds the card', async () => {
    setUp();
    const card = await screen.findByLabelText('Card number');
    fireEvent.change(card, { target: { value: 'Q9999' } });
    fireEvent.submit(card);
    await screen.findByText('No resident holds card “Q9999”. Check the number.');
  });

  it('checks out by card, saying the minutes that will count', async () => {
    const { checkOut } = setUp();
    const card = await screen.findByLabelText('Card number');
    fireEvent.change(card, { target: { value: 'Q0002' } });
    fireEvent.click(screen.getByRole('button', { name: 'Check out' }));
    await screen.findByText(`Resident 2 checked out at ${clock(CHECKED_OUT_AT)}: 103 min count.`);
    expect(checkOut.mock.calls[0]?.[0]).toMatchObject({ cardNumber: 'Q0002' });
  });
});
