import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { Route } from 'wouter';
import { apiError, fakeApi, renderWithApp, staffUser } from '../../test/render';
import { CorrectionsPage } from './corrections-page';
import { REQUEST_ID as ID, missingRecordRequest, wrongHoursRequest } from './test-requests';

const open = wrongHoursRequest();

function renderDetail(api: ReturnType<typeof fakeApi>, role: 'office' | 'auditor' = 'office') {
  return renderWithApp(
    <Route path="/corrections/:id">
      <CorrectionsPage />
    </Route>,
    { api, user: staffUser(role), path: `/corrections/${ID}` },
  );
}

describe('answering a correction request', () => {
  it('will not decline without a reason, then sends the reason the resident will read', async () => {
    const resolve = vi.fn((_input: unknown) => ({
      ...open,
      status: 'declined',
      resolution: {
        decision: 'decline',
        reason: 'The sheet shows 10:30',
        resolvedAt: '2026-11-22T01:00:00.000Z',
        resolvedBy: { id: 'u1', displayName: 'The office' },
        correctedMinutes: null,
        reversalTransactionId: null,
        newRecord: null,
      },
    }));
    renderDetail(
      fakeApi({ 'corrections.get.query': () => open, 'corrections.resolve.mutate': resolve }),
    );
    await screen.findByRole('heading', { name: 'Wrong hours: Wang Fang' });
    fireEvent.click(screen.getByRole('radio', { name: /^Decline/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Decline the request' }));
    expect(screen.getByText('Give a reason: the resident will read it.')).toBeTruthy();
    expect(resolve).not.toHaveBeenCalled();

    fireEvent.change(screen.getByLabelText('Reason for the resident'), {
      target: { value: ' The sheet shows 10:30 ' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Decline the request' }));
    await vi.waitFor(() => expect(resolve).toHaveBeenCalledOnce());
    expect(resolve.mock.calls[0]?.[0]).toMatchObject({
      id: ID,
      decision: 'decline',
      reason: 'The sheet shows 10:30',
    });
  });

  it('corrects to the length the resident asked for and says what the ledger will do', async () => {
    const resolve = vi.fn((_input: unknown) => {
      throw apiError('INSUFFICIENT_POINTS');
    });
    renderDetail(
      fakeApi({ 'corrections.get.query': () => open, 'corrections.resolve.mutate': resolve }),
    );
    await screen.findByRole('heading', { name: 'Wrong hours: Wang Fang' });
    fireEvent.click(screen.getByRole('radio', { name: /^Correct the hours/ }));
    expect(
      screen.getByText(
        'This reverses the credit of 20 points for 2 h and credits a corrected record of 3 h.',
      ),
    ).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Reason for the resident'), {
      target: { value: 'Confirmed by the leader' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Correct the record' }));
    await vi.waitFor(() => expect(resolve).toHaveBeenCalledOnce());
    expect(resolve.mock.calls[0]?.[0]).toMatchObject({ decision: 'accept', correctedMinutes: 180 });
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The resident has already spent the points this correction would take back. Talk to the resident before correcting.',
    );
  });

  it('shows the missing service as the resident picked it at the kiosk, with no reason needed', async () => {
    const request = { ...missingRecordRequest(), reason: '' };
    renderWithApp(<CorrectionsPage />, {
      api: fakeApi({ 'corrections.list.query': () => ({ items: [request], nextCursor: null }) }),
      user: staffUser('office'),
      path: '/corrections',
    });
    const row = (await screen.findByText('Tree planting')).closest('tr');
    if (!row) throw new Error('no row');
    expect(within(row).getByText(/Green Team · 29 Nov 2026/)).toBeTruthy();
    expect(within(row).getByText('No reason given (picked at the kiosk)')).toBeTruthy();
  });

  it('shows an auditor the request and its outcome, with nothing to press', async () => {
    renderDetail(
      fakeApi({
        'corrections.get.query': () => ({
          ...open,
          status: 'accepted',
          resolution: {
            decision: 'accept',
            reason: 'Confirmed by the leader',
            resolvedAt: '2026-11-22T01:00:00.000Z',
            resolvedBy: { id: 'u1', displayName: 'Li Office' },
            correctedMinutes: 180,
            reversalTransactionId: '00000000-0000-4000-8000-0000000000f1',
            newRecord: { id: 's2', status: 'approved', points: 30 },
          },
        }),
      }),
      'auditor',
    );
    const outcome = await screen.findByRole('region', { name: /Outcome/ });
    expect(within(outcome).getByText('Li Office')).toBeTruthy();
    expect(within(outcome).getByText('30 points credited')).toBeTruthy();
    expect(within(outcome).getByRole('link', { name: /Ledger transaction/ })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Correct|Decline/ })).toBeNull();
    expect(screen.queryByRole('radio')).toBeNull();
  });
});
