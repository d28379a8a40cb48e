import type { Kiosk } from '@tally/domain/kiosks';
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { fakeApi, renderWithApp } from '../../test/render';
import { anActivity } from '../activities/test-activities';
import { KiosksPage } from './kiosks-page';

const lobby: Kiosk = {
  id: '55555555-5555-4555-8555-555555555555',
  name: 'Lobby',
  createdAt: '2026-01-01T00:00:00.000Z',
  revokedAt: null,
  activity: null,
};
const activity = anActivity();

function setUp(kiosk: Kiosk) {
  const setActivityMode = vi.fn((input: { activityId: string | null }) => ({
    ...kiosk,
    activity: input.activityId ? { id: activity.id, title: activity.title } : null,
  }));
  const api = fakeApi({
    'kiosks.list.query': () => [kiosk],
    'kiosks.setActivityMode.mutate': setActivityMode,
    'activities.list.query': () => ({ items: [activity], nextCursor: null }),
  });
  renderWithApp(<KiosksPage />, { api });
  return { setActivityMode };
}

describe('a kiosk’s activity mode', () => {
  it('switches a kiosk to one published activity’s door', async () => {
    const { setActivityMode } = setUp(lobby);
    expect(await screen.findByText('Usual screens')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Activity mode…' }));
    const dialog = within(screen.getByRole('dialog'));
    const choice = await dialog.findByLabelText('Activity');
    fireEvent.change(choice, { target: { value: activity.id } });
    fireEvent.click(dialog.getByRole('button', { name: 'Switch to activity mode' }));
    await screen.findByText('Kiosk “Lobby” now checks residents in at “Courtyard clean-up”.');
    expect(setActivityMode).toHaveBeenCalledWith({
      idempotencyKey: expect.any(String),
      kioskId: lobby.id,
      activityId: activity.id,
    });
  });

  it('shows which activity a kiosk serves, and switches it back', async () => {
    const { setActivityMode } = setUp({
      ...lobby,
      activity: { id: activity.id, title: activity.title },
    });
    expect(await screen.findByRole('link', { name: 'Courtyard clean-up' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Back to usual screens' }));
    await screen.findByText('Kiosk “Lobby” is back to its usual screens.');
    expect(setActivityMode.mock.calls[0]?.[0]).toMatchObject({ activityId: null });
  });
});
