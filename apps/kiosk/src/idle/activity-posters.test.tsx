import { act, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { kioskActivity, renderInLanguage } from '../test/fake-api';
import { ActivityPosters, POSTER_MS } from './activity-posters';

const health = kioskActivity();
const readers = kioskActivity({
  id: 'a2',
  title: { zh: '青年读书夜', en: 'Young readers’ evening' },
  slotsLeft: 0,
  waitingList: true,
});

describe('activity posters on the idle screen', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('shows one activity with its QR code, and the next after a while', async () => {
    vi.useFakeTimers();
    renderInLanguage(
      <ActivityPosters activities={[health, readers]} origin="http://tally-office.lan:3000" />,
    );
    screen.getByText('Volunteers for the free health check');
    screen.getByText('4 places left');
    screen.getByRole('img', {
      name: 'QR code: open “Volunteers for the free health check” on your phone',
    });
    await act(() => vi.advanceTimersByTimeAsync(POSTER_MS));
    screen.getByText('Young readers’ evening');
    screen.getByText('Full: you can join the waiting list');
    expect(screen.queryByText('Volunteers for the free health check')).toBeNull();
    await act(() => vi.advanceTimersByTimeAsync(POSTER_MS));
    screen.getByText('Volunteers for the free health check');
  });

  it('shows nothing when nothing is coming up', () => {
    const { container } = renderInLanguage(<ActivityPosters activities={[]} />, 'zh');
    expect(container.textContent).toBe('');
  });
});
