import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi, renderInLanguage } from '../test/fake-api';
import { NoticeBoard } from './notice-board';
import { boardPages } from './notice-pages';

const decision = {
  topicId: 't1',
  kind: 'facilities' as const,
  title: '3号楼无障碍坡道',
  place: '3',
  status: 'carried_out' as const,
  decision: '在3号楼东门修建无障碍坡道',
  responsible: '物业公司 李经理',
  dueBy: '2026-11-30',
  minutes: null,
  decidedAt: '2026-11-01T02:00:00.000Z',
  progress: [{ note: '坡道已建成', at: '2026-11-25T08:00:00.000Z' }],
  carriedOutAt: '2026-11-25T08:00:00.000Z',
  overdue: false,
};

const poll = {
  pollId: 'p3',
  topicId: 't1',
  topicTitle: null,
  topicKind: 'facilities' as const,
  question: { zh: '坡道选址', en: 'Where should the ramp go?' },
  closesAt: '2026-10-30T10:00:00.000Z',
  options: [
    { id: 'o1', text: { zh: '东门', en: 'East door' }, votes: 31 },
    { id: 'o2', text: { zh: '西门', en: 'West door' }, votes: 12 },
  ],
  voters: 43,
  eligible: 120,
};

describe('the notice board’s decisions and poll results', () => {
  it('follows the service pages with a page for each decision and each poll result', () => {
    const pages = boardPages([], { decisions: [decision], polls: [poll] }, 3);
    expect(pages.map((page) => page.part)).toEqual(['decision', 'poll']);
    expect(boardPages([], { decisions: [], polls: [] }, 3)).toEqual([
      { part: 'service', items: [] },
    ]);
  });

  it('shows a decision with who carries it out, its progress, then a poll’s result', async () => {
    renderInLanguage(
      <NoticeBoard
        api={fakeApi({
          governance: () => Promise.resolve({ decisions: [decision], polls: [poll] }),
        })}
      />,
    );
    await screen.findByRole('heading', { name: 'Decisions and poll results' });
    screen.getByText('在3号楼东门修建无障碍坡道');
    screen.getByText('物业公司 李经理');
    screen.getByText(/^坡道已建成/);
    screen.getByText(/^Carried out on /);
    fireEvent.click(screen.getByRole('button', { name: /1 of 2/ }));
    await screen.findByText('Where should the ramp go?');
    screen.getByText('31 votes');
    screen.getByText('43 of 120 voted');
    expect(screen.getByRole('heading').textContent).toBe('Decisions and poll results');
  });
});

describe('the time bank on the notice board', () => {
  const board = {
    exchanges: [
      {
        requesterName: '王阿姨',
        helperName: '李明',
        kind: 'shopping' as const,
        minutes: 60,
        confirmedAt: '2026-12-01T08:00:00.000Z',
      },
    ],
    monthExchanges: 3,
    monthMinutes: 210,
    poolBalance: 600,
  };

  it('thanks the helper by name, with this month’s help and the care pool', async () => {
    renderInLanguage(
      <NoticeBoard
        api={fakeApi({
          notices: () => Promise.resolve({ noticeDays: 7, items: [], nextCursor: null }),
          timebank: { board: () => Promise.resolve(board) },
        })}
      />,
    );
    await screen.findByRole('heading', { name: 'Neighbours helping neighbours' });
    screen.getByText('王阿姨 got help with shopping from 李明');
    screen.getByText('1 h');
    screen.getByText('This month: 3 exchanges, 3 h 30 min of help');
    screen.getByText('The care pool holds 10 h for neighbours who need it.');
  });

  it('says it in Chinese, and leaves the page out while the time bank has nothing to show', async () => {
    renderInLanguage(
      <NoticeBoard api={fakeApi({ timebank: { board: () => Promise.resolve(board) } })} />,
      'zh',
    );
    await screen.findByText('王阿姨得到李明的帮助：代买代购');
    screen.getByText('本月：互助 3 次，共3小时30分钟');
    const empty = { exchanges: [], monthExchanges: 0, monthMinutes: 0, poolBalance: 0 };
    expect(boardPages([], undefined, 3, empty)).toEqual([{ part: 'service', items: [] }]);
  });
});
