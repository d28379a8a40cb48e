import type { GovernanceBoard } from '@tally/domain/deliberation';
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
    'notices.governance.query': () => governance,
  });

const governance: GovernanceBoard = {
  decisions: [
    {
      topicId: '00000000-0000-4000-8000-000000000001',
      kind: 'facilities',
      title: null,
      place: '垃圾点',
      status: 'decided',
      decision: '加装雨棚',
      responsible: '物业公司',
      dueBy: '2026-11-30',
      minutes: '居民多数同意加装雨棚。',
      decidedAt: '2026-11-01T02:00:00.000Z',
      progress: [{ note: '已订购材料', at: '2026-11-10T02:00:00.000Z' }],
      carriedOutAt: null,
      overdue: true,
    },
  ],
  polls: [
    {
      pollId: '00000000-0000-4000-8000-000000000002',
      topicId: '00000000-0000-4000-8000-000000000003',
      topicTitle: '3号楼无障碍坡道',
      topicKind: 'facilities',
      question: { zh: '是否修建坡道？', en: 'Build the ramp?' },
      closesAt: '2026-11-20T10:00:00.000Z',
      options: [
        { id: '00000000-0000-4000-8000-000000000004', text: { zh: '同意', en: 'Yes' }, votes: 12 },
        { id: '00000000-0000-4000-8000-000000000005', text: { zh: '不同意', en: 'No' }, votes: 3 },
      ],
      voters: 15,
      eligible: 40,
    },
  ],
};

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

  it('shows decisions with their progress, the overdue flagged, and closed polls’ results', async () => {
    renderWithApp(<NoticesPage />, { api: board(), user: staffUser('leader') });
    const section = await screen.findByRole('region', { name: 'Decisions and polls' });
    const decisions = await within(section).findByRole('region', { name: 'Decisions' });
    // Raised at the kiosk by kind only: the kind names it.
    expect(decisions.textContent).toContain('Repairs and facilities');
    expect(decisions.textContent).toContain('加装雨棚');
    expect(decisions.textContent).toContain('Overdue');
    expect(decisions.textContent).toContain('已订购材料');
    expect(decisions.textContent).toContain('Minutes: 居民多数同意加装雨棚。');
    const polls = within(section).getByRole('region', { name: 'Poll results' });
    expect(polls.textContent).toContain('Build the ramp?');
    expect(polls.textContent).toContain('12 votes');
    expect(polls.textContent).toContain('15 of 40 voted');
  });
});
