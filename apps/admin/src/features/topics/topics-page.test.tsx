import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { fakeApi, renderWithApp, staffUser } from '../../test/render';
import { topicId, topicSummary } from './test-topics';
import { TopicsPage } from './topics-page';

const list = vi.fn((input: { status?: string; overdue?: boolean }) => {
  if (input.overdue)
    return {
      items: [
        topicSummary({ id: topicId(3), title: '垃圾点雨棚', status: 'decided', overdue: true }),
      ],
      nextCursor: null,
    };
  return {
    items: [
      topicSummary(),
      topicSummary({
        id: topicId(2),
        title: null,
        kind: 'safety',
        place: null,
        status: 'accepted',
        openPoll: true,
        raisedBy: { type: 'staff', name: '' },
      }),
    ],
    nextCursor: null,
  };
});

describe('the topics list', () => {
  it('shows each topic with its stage, supporters and who raised it, and counts the overdue', async () => {
    renderWithApp(<TopicsPage />, { api: fakeApi({ 'topics.list.query': list }) });
    const table = await screen.findByRole('table');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows[0]?.textContent).toContain('3号楼无障碍坡道');
    expect(rows[0]?.textContent).toContain('Raised');
    expect(rows[0]?.textContent).toContain('王秀英');
    // A topic raised at the kiosk by kind only reads as its kind.
    expect(rows[1]?.textContent).toContain('Safety');
    expect(rows[1]?.textContent).toContain('Poll open');
    expect(rows[1]?.textContent).toContain('The community office');
    expect((await screen.findByTestId('overdue-count')).textContent).toBe('1');
    expect(screen.getByRole('button', { name: 'Raise a topic' })).toBeTruthy();
  });

  it('lists only the overdue ones on their tab', async () => {
    renderWithApp(<TopicsPage />, {
      api: fakeApi({ 'topics.list.query': list }),
      path: '/topics?stage=overdue',
    });
    const table = await screen.findByRole('table');
    expect(within(table).getAllByRole('row')).toHaveLength(2);
    expect(table.textContent).toContain('垃圾点雨棚');
    expect(table.textContent).toContain('Overdue');
    expect(screen.getByText(/past their “by when”/)).toBeTruthy();
    expect(list).toHaveBeenCalledWith(expect.objectContaining({ overdue: true, limit: 50 }));
  });

  it('lets an auditor read but not raise', async () => {
    renderWithApp(<TopicsPage />, {
      api: fakeApi({ 'topics.list.query': list }),
      user: staffUser('auditor'),
    });
    await screen.findByRole('table');
    expect(screen.queryByRole('button', { name: 'Raise a topic' })).toBeNull();
  });

  it('asks the raiser for a title before sending', async () => {
    const raise = vi.fn((_input: unknown) => ({ id: topicId(9), status: 'raised' }));
    renderWithApp(<TopicsPage />, {
      api: fakeApi({ 'topics.list.query': list, 'topics.raise.mutate': raise }),
      user: staffUser('leader'),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Raise a topic' }));
    const dialog = screen.getByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Raise it' }));
    expect(within(dialog).getByText('Give the topic a title.')).toBeTruthy();
    expect(raise).not.toHaveBeenCalled();
    // A leader does not look residents up: no "raised for a resident" here.
    expect(within(dialog).queryByText('Raised for a resident')).toBeNull();
    fireEvent.change(within(dialog).getByLabelText('Title'), { target: { value: '楼道灯坏了' } });
    fireEvent.change(within(dialog).getByLabelText('Kind'), { target: { value: 'safety' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Raise it' }));
    await vi.waitFor(() => expect(raise).toHaveBeenCalledOnce());
    expect(raise.mock.calls[0]?.[0]).toMatchObject({
      title: '楼道灯坏了',
      kind: 'safety',
      body: '',
    });
  });

  it('lets the office raise a topic for a resident found by name or card', async () => {
    const raise = vi.fn((_input: unknown) => ({ id: topicId(9), status: 'raised' }));
    const wang = { id: topicId(20), name: '王秀英', cardNumber: 'Q0007', building: '3' };
    renderWithApp(<TopicsPage />, {
      api: fakeApi({
        'topics.list.query': list,
        'topics.raise.mutate': raise,
        'residents.list.query': () => ({ items: [wang], nextCursor: null }),
      }),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Raise a topic' }));
    const dialog = screen.getByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('Title'), { target: { value: '电梯常坏' } });
    fireEvent.change(within(dialog).getByLabelText('Find the resident'), {
      target: { value: 'Q0007' },
    });
    const found = await within(dialog).findByRole('list', { name: 'Matching residents' });
    fireEvent.click(within(found).getByRole('button', { name: 'Choose' }));
    expect(within(dialog).getByText(/王秀英 · Q0007/)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Raise it' }));
    await vi.waitFor(() => expect(raise).toHaveBeenCalledOnce());
    expect(raise.mock.calls[0]?.[0]).toMatchObject({ title: '电梯常坏', onBehalfOf: wang.id });
  });
});
