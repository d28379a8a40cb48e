import { fireEvent, render, screen, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../app';
import { createI18n } from '../i18n/i18n';
import { LocationProvider } from '../router/location';
import { emptyBoard, fakeMeApi, refusal, session, topic } from '../test/fake-me-api';

function renderAt(api: ReturnType<typeof fakeMeApi>, path: string) {
  sessionStorage.setItem('tally.me.token', 'tok');
  window.history.replaceState(null, '', path);
  return render(
    <I18nextProvider i18n={createI18n('en')}>
      <LocationProvider>
        <App storages={{ local: localStorage, session: sessionStorage }} makeApi={() => api} />
      </LocationProvider>
    </I18nextProvider>,
  );
}

const common = {
  session: { query: async () => session },
  polls: { query: async () => ({ items: [] }) },
};

describe('community matters on the phone', () => {
  beforeEach(() => {
    localStorage.clear();
    sessionStorage.clear();
  });

  it('lets a resident support a matter once, and then says they support it', async () => {
    const supportTopic = vi.fn().mockResolvedValue({ id: 't1', supporters: 4, added: true });
    const topics = vi.fn().mockResolvedValue({ items: [topic()] });
    renderAt(
      fakeMeApi({ ...common, topics: { query: topics }, supportTopic: { mutate: supportTopic } }),
      '/me/matters',
    );
    const card = await screen.findByTestId('topic-card');
    within(card).getByText('3号楼门口加装扶手');
    within(card).getByText('Waiting for the community office');
    within(card).getByText('3 neighbours support this');
    fireEvent.click(within(card).getByRole('button', { name: 'Support' }));
    await within(card).findByText('You support this', { exact: false });
    within(card).getByText('4 neighbours support this');
    expect(within(card).queryByRole('button', { name: 'Support' })).toBeNull();
    expect(topics).toHaveBeenCalledWith({ view: 'open' });
    expect(supportTopic).toHaveBeenCalledWith({
      idempotencyKey: expect.any(String),
      id: 't1',
    });
  });

  it("shows a matter raised at the kiosk by its kind's name, and words a refusal", async () => {
    renderAt(
      fakeMeApi({
        ...common,
        topics: {
          query: async () => ({ items: [topic({ title: null, kind: 'safety', place: '5' })] }),
        },
        supportTopic: { mutate: () => Promise.reject(refusal('TOPIC_NOT_OPEN')) },
      }),
      '/me/matters',
    );
    const card = await screen.findByTestId('topic-card');
    within(card).getByRole('heading', { name: 'Safety' });
    within(card).getByText('Where: Building 5');
    fireEvent.click(within(card).getByRole('button', { name: 'Support' }));
    await within(card).findByText(
      'This matter has moved on to another stage, so that cannot be done now.',
    );
  });

  it('raises a matter by taps, with a title and a building, and confirms it was sent', async () => {
    const raiseTopic = vi.fn().mockResolvedValue({ id: 't9', status: 'raised' });
    renderAt(
      fakeMeApi({
        ...common,
        topicPlaces: { query: async () => ['1', '3'] },
        raiseTopic: { mutate: raiseTopic },
      }),
      '/me/matters/new',
    );
    await screen.findByRole('heading', { name: 'Raise a matter' });
    fireEvent.click(screen.getByRole('button', { name: 'Send to the community office' }));
    screen.getByText('Please tap what it is about.');
    expect(raiseTopic).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('button', { name: 'Repairs and facilities' }));
    fireEvent.change(screen.getByLabelText('In a few words (you may leave this)'), {
      target: { value: '  楼道灯坏了  ' },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Building 3' }));
    fireEvent.click(screen.getByRole('button', { name: 'Send to the community office' }));
    await screen.findByRole('heading', { name: 'Sent to the community office' });
    expect(raiseTopic).toHaveBeenCalledWith({
      idempotencyKey: expect.any(String),
      kind: 'facilities',
      title: '楼道灯坏了',
      body: '',
      place: '3',
    });
    screen.getByRole('link', { name: 'See my matters' });
  });

  it("shows my declined matter with the office's reason", async () => {
    renderAt(
      fakeMeApi({
        ...common,
        topics: {
          query: async () => ({
            items: [topic({ status: 'declined', declineReason: '已由物业处理', raisedByMe: true })],
          }),
        },
      }),
      '/me/matters/mine',
    );
    const card = await screen.findByTestId('topic-card');
    within(card).getByText('Not taken up');
    expect(card.textContent).toContain('The office’s reason: 已由物业处理');
    expect(within(card).queryByRole('button', { name: 'Support' })).toBeNull();
  });

  it('shows decisions with who and by when, and says plainly when one is overdue', async () => {
    renderAt(
      fakeMeApi({
        ...common,
        governance: {
          query: async () => ({
            ...emptyBoard,
            decisions: [
              {
                topicId: 't1',
                kind: 'facilities',
                title: '3号楼无障碍坡道',
                place: '3号楼',
                status: 'decided',
                decision: '修建坡道',
                responsible: '物业公司',
                dueBy: '2026-11-30',
                minutes: '多数居民支持东侧；一楼住户担心占用绿地。',
                decidedAt: '2026-10-01T02:00:00.000Z',
                progress: [{ note: '已请施工队报价', at: '2026-10-15T02:00:00.000Z' }],
                carriedOutAt: null,
                overdue: true,
              },
            ],
          }),
        },
      }),
      '/me/matters/decided',
    );
    const card = await screen.findByTestId('decision-card');
    expect(card.textContent).toContain('Decision: 修建坡道');
    expect(card.textContent).toContain('Responsible: 物业公司');
    expect(within(card).getByTestId('overdue').textContent).toMatch(
      /^Overdue: it was to be done by 30 Nov/,
    );
    expect(card.textContent).toContain('已请施工队报价');
    expect(within(card).getByRole('heading', { name: 'What the meeting heard' })).toBeTruthy();
    expect(card.textContent).toContain('多数居民支持东侧；一楼住户担心占用绿地。');
  });
});
