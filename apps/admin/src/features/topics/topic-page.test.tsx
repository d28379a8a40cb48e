import type { Topic } from '@tally/domain/deliberation';
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { Route } from 'wouter';
import { fakeApi, renderWithApp, staffUser } from '../../test/render';
import { poll, results, topic, topicId, topicSummary } from './test-topics';
import { TopicPage } from './topic-page';

const path = `/topics/${topicId(1)}`;

type Options = {
  role?: 'office' | 'leader' | 'auditor';
  calls?: Record<string, (input: never) => unknown>;
};

/** The page at its address (it reads the topic's id from there), answering `topics.get`. */
function renderTopic(answer: Topic, { role = 'office', calls = {} }: Options = {}) {
  return renderWithApp(
    <Route path="/topics/:id">
      <TopicPage />
    </Route>,
    {
      path,
      user: staffUser(role),
      api: fakeApi({
        'topics.get.query': () => answer,
        'topics.list.query': () => ({ items: [], nextCursor: null }),
        ...calls,
      }),
    },
  );
}

describe('a topic’s page', () => {
  it('offers the office triage on a raised topic; a decline needs a reason', async () => {
    const triage = vi.fn((_input: unknown) => ({ id: topicId(1), status: 'declined' }));
    renderTopic(topic(), { calls: { 'topics.triage.mutate': triage } });
    await screen.findByRole('heading', { name: '3号楼无障碍坡道', level: 1 });
    expect(screen.getByText('坡道太陡，轮椅上不去。')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Record the decision' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Triage' }));
    const dialog = screen.getByRole('dialog');
    fireEvent.click(within(dialog).getByLabelText('Decline'));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(within(dialog).getByText(/Say why it is declined/)).toBeTruthy();
    expect(triage).not.toHaveBeenCalled();
    fireEvent.change(within(dialog).getByLabelText('Reason'), {
      target: { value: '不属社区事务' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await vi.waitFor(() => expect(triage).toHaveBeenCalledOnce());
    expect(triage.mock.calls[0]?.[0]).toMatchObject({
      decision: 'decline',
      reason: '不属社区事务',
    });
  });

  it('shows an auditor the whole topic with its history, and nothing to do', async () => {
    renderTopic(
      topic({
        status: 'decided',
        overdue: true,
        dueBy: '2026-11-30',
        decision: '修建坡道',
        responsible: '物业公司',
        decidedAt: '2026-11-20T02:00:00.000Z',
        history: [
          ...topic().history,
          {
            kind: 'decided',
            at: '2026-11-20T02:00:00.000Z',
            by: { type: 'staff', name: '李娜' },
            note: '修建坡道',
          },
        ],
      }),
      { role: 'auditor' },
    );
    await screen.findByRole('heading', { name: '3号楼无障碍坡道', level: 1 });
    expect(screen.getByText(/Overdue: this decision was due by/)).toBeTruthy();
    const history = screen.getByRole('list', { name: /What happened to this topic/ });
    expect(within(history).getAllByRole('listitem')).toHaveLength(2);
    expect(history.textContent).toContain('李娜');
    expect(screen.getByText(/Only the community office changes a topic/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Report progress' })).toBeNull();
  });

  it('says a poll’s results come after its close, then shows counts and “<5” as given', async () => {
    const open = poll();
    const { unmount } = renderTopic(topic({ status: 'accepted', polls: [open] }), {
      calls: { 'polls.results.query': () => results(open, false) },
    });
    await screen.findByText('Results appear after the poll closes.');
    expect(screen.getByText('7 residents have voted so far')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Close poll now' })).toBeTruthy();
    unmount();

    const closed = poll({ state: 'closed' });
    renderTopic(topic({ status: 'decided', polls: [closed] }), {
      calls: { 'polls.results.query': () => results(closed, true) },
    });
    await screen.findByText('7 of 20 eligible residents voted');
    expect(screen.getAllByTestId('option-votes').map((cell) => cell.textContent)).toEqual([
      '6 votes',
      '1 vote',
    ]);
    const building = screen.getByRole('table', { name: 'Turnout by building' });
    expect(building.textContent).toContain('<5');
    expect(screen.getByRole('table', { name: 'Turnout by age band' }).textContent).toContain('50%');
    expect(screen.queryByRole('button', { name: 'Close poll now' })).toBeNull();
  });

  it('merges only into another topic still open', async () => {
    const triage = vi.fn((_input: unknown) => ({ id: topicId(1), status: 'merged' }));
    const others = [
      topicSummary({ id: topicId(1) }),
      topicSummary({ id: topicId(2), title: '坡道太陡', status: 'accepted' }),
      topicSummary({ id: topicId(3), title: '旧的坡道议题', status: 'declined' }),
    ];
    renderTopic(topic(), {
      calls: {
        'topics.triage.mutate': triage,
        'topics.list.query': () => ({ items: others, nextCursor: null }),
      },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Triage' }));
    const dialog = screen.getByRole('dialog');
    fireEvent.click(within(dialog).getByLabelText('Merge into another topic'));
    const into = (await within(dialog).findByLabelText('Merge into')) as HTMLSelectElement;
    await vi.waitFor(() => expect(into.options).toHaveLength(2));
    expect([...into.options].map((option) => option.text)).toEqual([
      'Choose a topic',
      '坡道太陡 · 3号楼',
    ]);
    fireEvent.change(into, { target: { value: topicId(2) } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await vi.waitFor(() => expect(triage).toHaveBeenCalledOnce());
    expect(triage.mock.calls[0]?.[0]).toMatchObject({ decision: 'merge', mergeInto: topicId(2) });
  });
});
