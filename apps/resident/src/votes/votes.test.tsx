import { fireEvent, render, screen, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { MeSession } from '../api/me-types';
import { App } from '../app';
import { createI18n } from '../i18n/i18n';
import { LocationProvider } from '../router/location';
import { emptyBoard, fakeMeApi, poll, refusal, session } from '../test/fake-me-api';

function renderVotes(api: ReturnType<typeof fakeMeApi>) {
  sessionStorage.setItem('tally.me.token', 'tok');
  window.history.replaceState(null, '', '/me/votes');
  return render(
    <I18nextProvider i18n={createI18n('en')}>
      <LocationProvider>
        <App storages={{ local: localStorage, session: sessionStorage }} makeApi={() => api} />
      </LocationProvider>
    </I18nextProvider>,
  );
}

async function chooseAndConfirm(option: string) {
  fireEvent.click(screen.getByRole('radio', { name: option }));
  fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
  await screen.findByRole('heading', { name: 'Please check your vote' });
}

describe('votes on the phone', () => {
  beforeEach(() => {
    localStorage.clear();
    sessionStorage.clear();
  });

  it('casts a secret vote after a confirm and never shows the choice afterwards', async () => {
    const vote = vi.fn().mockResolvedValue({
      pollId: 'p1',
      votedAt: '2026-12-07T10:00:00.000Z',
      optionId: null,
      changed: false,
    });
    const polls = vi
      .fn()
      .mockResolvedValueOnce({ items: [poll()] })
      .mockResolvedValue({ items: [poll({ voted: true, voters: 13 })] });
    renderVotes(
      fakeMeApi({
        session: { query: async () => session },
        polls: { query: polls },
        vote: { mutate: vote },
      }),
    );
    const card = await screen.findByTestId('poll-card');
    within(card).getByRole('heading', { name: 'How should parking spaces be shared?' });
    within(card).getByText('Secret ballot: no one can see what you chose');
    fireEvent.click(within(card).getByRole('button', { name: 'Vote' }));

    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    screen.getByText('Please tap your choice.');
    await chooseAndConfirm('Households take turns');
    screen.getByText('You vote for: Households take turns');
    screen.getByText(/This is a secret ballot: no one will know what you chose/);
    fireEvent.click(screen.getByRole('button', { name: 'Cast my vote' }));

    const answer = await screen.findByTestId('vote-answer');
    expect(answer.textContent).toBe('✓ Your vote was counted; it is secret.');
    expect(vote).toHaveBeenCalledWith({
      idempotencyKey: expect.any(String),
      pollId: 'p1',
      optionId: 'o1',
    });
    fireEvent.click(screen.getByRole('button', { name: 'Done' }));
    const voted = await screen.findByTestId('my-vote');
    expect(voted.textContent).toBe('✓ Your vote was counted; it is secret.');
    expect(document.body.textContent).not.toContain('Households take turns');
    expect(screen.queryByRole('button', { name: 'Change my vote' })).toBeNull();
  });

  it('shows an open vote and lets the resident change it while the poll allows', async () => {
    const open = poll({ secret: false, changeable: true, voted: true, myOptionId: 'o1' });
    const vote = vi.fn().mockResolvedValue({
      pollId: 'p1',
      votedAt: '2026-12-07T10:00:00.000Z',
      optionId: 'o2',
      changed: true,
    });
    renderVotes(
      fakeMeApi({
        session: { query: async () => session },
        polls: { query: async () => ({ items: [open] }) },
        vote: { mutate: vote },
      }),
    );
    const card = await screen.findByTestId('poll-card');
    expect(within(card).getByTestId('my-vote').textContent).toBe(
      '✓ You voted for Households take turns',
    );
    fireEvent.click(within(card).getByRole('button', { name: 'Change my vote' }));
    expect(
      (screen.getByRole('radio', { name: 'Households take turns' }) as HTMLInputElement).checked,
    ).toBe(true);
    await chooseAndConfirm('First come, first parked');
    screen.getByText('You can change your vote until voting closes.');
    fireEvent.click(screen.getByRole('button', { name: 'Cast my vote' }));
    await screen.findByRole('heading', { name: 'Your vote is changed.' });
    expect(screen.getByTestId('vote-answer').textContent).toBe(
      '✓ You voted for First come, first parked',
    );
  });

  it('words a refusal by its code and keeps the resident on the confirm', async () => {
    renderVotes(
      fakeMeApi({
        session: { query: async () => session },
        polls: { query: async () => ({ items: [poll()] }) },
        vote: { mutate: () => Promise.reject(refusal('ALREADY_VOTED', undefined, 409)) },
      }),
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Vote' }));
    await chooseAndConfirm('First come, first parked');
    fireEvent.click(screen.getByRole('button', { name: 'Cast my vote' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'You have already voted in this poll.',
    );
  });

  it('explains kindly when a poll is not for this resident, and shows a closed one’s results', async () => {
    renderVotes(
      fakeMeApi({
        session: { query: async () => session },
        polls: {
          query: async () => ({
            items: [poll({ eligible: false }), poll({ id: 'p2', state: 'closed' })],
          }),
        },
        governance: {
          query: async () => ({
            ...emptyBoard,
            polls: [
              {
                pollId: 'p2',
                topicId: 't1',
                topicTitle: '3号楼无障碍坡道',
                topicKind: 'facilities',
                question: { zh: '坡道建在哪边？', en: 'Which side for the ramp?' },
                closesAt: '2026-11-01T10:00:00.000Z',
                options: [
                  { id: 'o1', text: { zh: '东侧', en: 'East side' }, votes: 31 },
                  { id: 'o2', text: { zh: '西侧', en: 'West side' }, votes: 9 },
                ],
                voters: 40,
                eligible: 120,
              },
            ],
          }),
        },
      }),
    );
    const [notForMe, closed] = await screen.findAllByTestId('poll-card');
    within(notForMe as HTMLElement).getByText(/This vote asks other residents/);
    expect(within(notForMe as HTMLElement).queryByRole('button', { name: 'Vote' })).toBeNull();
    const results = await within(closed as HTMLElement).findByTestId('poll-results');
    expect(results.textContent).toContain('East side31 votes');
    expect(results.textContent).toContain('40 of 120 residents voted');
  });

  it('tells a family member acting for a resident whom they vote for', async () => {
    const proxy: MeSession = {
      ...session,
      signedInAs: { kind: 'family', id: 'f1', displayName: '王小明' },
      asProxy: true,
    };
    renderVotes(
      fakeMeApi({
        session: { query: async () => proxy },
        polls: { query: async () => ({ items: [poll()] }) },
      }),
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Vote' }));
    await chooseAndConfirm('Households take turns');
    expect(document.querySelector('main')?.textContent).toContain('You are voting for 王秀英.');
    screen.getByTestId('proxy-banner');
  });
});
