import type { Notice } from '@tally/domain/notices';
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { fakeApi, renderWithApp, staffUser } from '../../test/render';
import { NoticesPage } from './notices-page';

const notice = (id: string, named: boolean): Notice => ({
  serviceRecordId: id,
  displayName: named ? 'Auntie Wang' : 'A resident',
  named,
  organization: { id: 'o1', name: { zh: '绿色家园', en: 'Green Team' } },
  activity: { title: 'Courtyard clean-up', category: 'environment' },
  serviceDate: '2026-11-20',
  minutes: 90,
  hours: 1.5,
  approvedAt: '2026-11-21T01:00:00.000Z',
  noticeUntil: '2026-11-28T01:00:00.000Z',
});

const board = (setPeriod = vi.fn()) =>
  fakeApi({
    'notices.settings.query': () => ({ noticeDays: 7 }),
    'notices.list.query': () => ({
      noticeDays: 7,
      items: [notice('a', true), notice('b', false)],
      nextCursor: null,
    }),
    'notices.setPeriod.mutate': setPeriod,
  });

describe('the notice board page', () => {
  it('shows the board as residents see it, naming only those who agreed', async () => {
    renderWithApp(<NoticesPage />, { api: board(), user: staffUser('leader') });
    const table = await screen.findByRole('table', { name: /on notice/ });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows[0]?.textContent).toContain('Auntie Wang');
    expect(rows[0]?.textContent).toContain('1.5 h');
    expect(rows[1]?.textContent).toContain('A resident*');
    expect(screen.getByText(/has not agreed to be named/)).toBeTruthy();
    expect(screen.getByText('7 days')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Change notice period' })).toBeNull();
  });

  it('lets the office change the period within 1 to 90 days', async () => {
    const setPeriod = vi.fn((_input: unknown) => ({ noticeDays: 10 }));
    renderWithApp(<NoticesPage />, { api: board(setPeriod), user: staffUser('office') });
    fireEvent.click(await screen.findByRole('button', { name: 'Change notice period' }));
    const days = screen.getByLabelText('Days on the notice board');
    fireEvent.change(days, { target: { value: '91' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByText('Enter a whole number of days from 1 to 90.')).toBeTruthy();
    expect(setPeriod).not.toHaveBeenCalled();
    fireEvent.change(days, { target: { value: '10' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await vi.waitFor(() => expect(setPeriod).toHaveBeenCalledOnce());
    expect(setPeriod.mock.calls[0]?.[0]).toMatchObject({ noticeDays: 10 });
  });
});
