import type { Move } from '@tally/domain/street';
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { fakeApi, renderWithApp, staffUser } from '../../test/render';
import { move } from '../street/test-street';
import { MovesPage } from './moves-page';

const incoming = move();
const outgoing = move({
  resident: { id: incoming.resident.id.replace(/.$/, 'a'), name: '王秀英', cardNumber: 'Q0044' },
  from: incoming.to,
  to: incoming.from,
});
const gone = move({
  status: 'done',
  resident: { id: incoming.resident.id.replace(/.$/, 'b'), name: '李梅', cardNumber: 'Q0035' },
  from: incoming.to,
  to: incoming.from,
  decidedAt: '2026-11-10T02:00:00.000Z',
  decidedBy: '赵敏',
  points: 320,
  timeCredit: 45,
  history: {
    minutesServed: 1_500,
    serviceRecords: 12,
    firstServiceAt: '2026-02-01T02:00:00.000Z',
    lastServiceAt: '2026-10-20T02:00:00.000Z',
  },
  arrived: { residentId: incoming.id, cardNumber: 'W0011', at: '2026-11-10T02:01:00.000Z' },
});

const rowOf = async (name: string) => {
  const row = (await screen.findByText(name)).closest('tr');
  if (!row) throw new Error(`no row for ${name}`);
  return within(row);
};

describe('moving house, for the office', () => {
  it('shows what a done move carried: points, time credit, the history and the new card', async () => {
    renderWithApp(<MovesPage />, {
      api: fakeApi({ 'moves.list.query': () => ({ incoming: [], outgoing: [gone, outgoing] }) }),
      user: staffUser('office'),
    });
    const done = await rowOf('李梅');
    expect(done.getByText('Done')).toBeTruthy();
    expect(done.getByTestId('move-amounts').textContent).toBe('320 pts · 45 min time credit');
    expect(done.getByText(/25 h served in 12 records/)).toBeTruthy();
    expect(done.getByTestId('move-new-card').textContent).toBe('W0011');
    expect(done.queryByRole('button')).toBeNull();
    expect((await rowOf('王秀英')).getByRole('button', { name: 'Withdraw 王秀英' })).toBeTruthy();
    expect(screen.getByText('Nobody is moving in.')).toBeTruthy();
  });

  it('accepts a resident moving in, with their building here', async () => {
    const accept = vi.fn(
      (_input: { moveId: string; building?: string }): Move => ({
        ...incoming,
        status: 'done',
        points: 80,
        timeCredit: 0,
        arrived: { residentId: incoming.id, cardNumber: 'Q0061', at: '2026-12-08T02:00:00.000Z' },
      }),
    );
    renderWithApp(<MovesPage />, {
      api: fakeApi({
        'moves.list.query': () => ({ incoming: [incoming], outgoing: [] }),
        'moves.accept.mutate': accept,
      }),
      user: staffUser('office'),
    });
    const row = await rowOf('沈阳');
    expect(row.getByText('Proposed')).toBeTruthy();
    fireEvent.click(row.getByRole('button', { name: 'Accept 沈阳' }));
    const dialog = within(await screen.findByRole('dialog'));
    expect(dialog.getByText(/leave Wutong Community and arrive here/)).toBeTruthy();
    fireEvent.change(dialog.getByLabelText('Building here (if known)'), { target: { value: '3' } });
    fireEvent.click(dialog.getByRole('button', { name: 'Accept the move' }));
    await vi.waitFor(() => expect(accept).toHaveBeenCalledOnce());
    expect(accept.mock.calls[0]?.[0]).toMatchObject({ moveId: incoming.id, building: '3' });
    expect(await screen.findByText('沈阳 has moved here. New card: Q0061.')).toBeTruthy();
  });

  it('declines only with a reason', async () => {
    const decline = vi.fn((input: { moveId: string; reason: string }) => ({
      ...incoming,
      status: 'declined' as const,
      declineReason: input.reason,
    }));
    renderWithApp(<MovesPage />, {
      api: fakeApi({
        'moves.list.query': () => ({ incoming: [incoming], outgoing: [] }),
        'moves.decline.mutate': decline,
      }),
      user: staffUser('office'),
    });
    fireEvent.click((await rowOf('沈阳')).getByRole('button', { name: 'Decline 沈阳' }));
    const dialog = within(await screen.findByRole('dialog'));
    fireEvent.click(dialog.getByRole('button', { name: 'Decline the move' }));
    expect(dialog.getByText('Say why.')).toBeTruthy();
    fireEvent.change(dialog.getByLabelText('Reason'), { target: { value: '地址不在本社区' } });
    fireEvent.click(dialog.getByRole('button', { name: 'Decline the move' }));
    await vi.waitFor(() => expect(decline).toHaveBeenCalledOnce());
    expect(decline.mock.calls[0]?.[0]).toMatchObject({ reason: '地址不在本社区' });
  });

  it('says "in progress" for a move between its two ledger halves, in Chinese too', async () => {
    renderWithApp(<MovesPage />, {
      api: fakeApi({
        'moves.list.query': () => ({
          incoming: [{ ...incoming, status: 'sending', points: 80, timeCredit: 0 }],
          outgoing: [],
        }),
      }),
      user: staffUser('office'),
      language: 'zh',
    });
    const row = await rowOf('沈阳');
    expect(row.getByText('进行中')).toBeTruthy();
    expect(row.queryByRole('button')).toBeNull();
  });
});
