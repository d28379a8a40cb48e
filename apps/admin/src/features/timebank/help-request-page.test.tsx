import type { HelpRequest } from '@tally/domain/timebank';
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { Route } from 'wouter';
import { apiError, fakeApi, renderWithApp } from '../../test/render';
import { HelpRequestPage } from './help-request-page';
import { helpClaim, helpRequest, timebankId } from './test-timebank';

/** The page at its address (it reads the request's id from there), answering `timebank.get`. */
function renderRequest(answer: HelpRequest, calls: Record<string, (input: never) => unknown> = {}) {
  return renderWithApp(
    <Route path="/timebank/:id">
      <HelpRequestPage />
    </Route>,
    {
      path: `/timebank/${answer.id}`,
      api: fakeApi({ 'timebank.get.query': () => answer, ...calls }),
    },
  );
}

const disputed = helpRequest({
  claims: [
    helpClaim({
      status: 'disputed',
      proposedMinutes: 120,
      disputedBy: 'requester',
      disputeReason: '只用了半小时',
    }),
  ],
});

describe('a request for help, as the office sees it', () => {
  it('shows every detail the office may read: requester, exact place, family phone', async () => {
    renderRequest(helpRequest({ via: 'office', reason: '行动不便，没有手机' }));
    await screen.findByRole('heading', { name: 'Small repairs', level: 1 });
    const about = screen.getByRole('region', { name: 'The request' });
    for (const text of [
      '王秀英',
      '3号楼2单元301',
      '13800000001',
      '行动不便，没有手机',
      'By the office',
    ])
      expect(within(about).getByText(text)).toBeTruthy();
  });

  it('resolves a dispute with the minutes prefilled from the proposal, and a note required', async () => {
    const resolve = vi.fn((_input: unknown) => ({
      outcome: 'confirm',
      transactionId: timebankId(99),
      requestStatus: 'done',
    }));
    renderRequest(disputed, { 'timebank.resolve.mutate': resolve });
    await screen.findByText(/1 helper’s time is in dispute/);
    const claim = screen.getByRole('article', { name: 'Helper: 李明' });
    expect(within(claim).getByText('只用了半小时')).toBeTruthy();
    expect(within(claim).queryByRole('button', { name: 'Confirm for the resident' })).toBeNull();
    fireEvent.click(within(claim).getByRole('button', { name: 'Resolve the dispute' }));
    const dialog = screen.getByRole('dialog');
    expect(within(dialog).getByText(/The helper proposed 120 min/)).toBeTruthy();
    const minutes = within(dialog).getByLabelText('Minutes it took') as HTMLInputElement;
    expect(minutes.value).toBe('120');
    fireEvent.change(minutes, { target: { value: '30' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Decide' }));
    expect(within(dialog).getByText('Fill this in.')).toBeTruthy();
    expect(resolve).not.toHaveBeenCalled();
    fireEvent.change(within(dialog).getByLabelText('Note'), {
      target: { value: '双方确认用时半小时' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Decide' }));
    await vi.waitFor(() => expect(resolve).toHaveBeenCalledOnce());
    expect(resolve.mock.calls[0]?.[0]).toMatchObject({
      requestId: timebankId(1),
      helperId: timebankId(20),
      outcome: 'confirm',
      minutes: 30,
      note: '双方确认用时半小时',
    });
  });

  it('dismisses a dispute without minutes', async () => {
    const resolve = vi.fn((_input: unknown) => ({
      outcome: 'dismiss',
      transactionId: null,
      requestStatus: 'done',
    }));
    renderRequest(disputed, { 'timebank.resolve.mutate': resolve });
    fireEvent.click(await screen.findByRole('button', { name: 'Resolve the dispute' }));
    const dialog = screen.getByRole('dialog');
    fireEvent.click(within(dialog).getByLabelText('Dismiss it: no credit moves'));
    expect(within(dialog).queryByLabelText('Minutes it took')).toBeNull();
    fireEvent.change(within(dialog).getByLabelText('Note'), { target: { value: '没有上门' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Decide' }));
    await vi.waitFor(() => expect(resolve).toHaveBeenCalledOnce());
    expect(resolve.mock.calls[0]?.[0]).not.toHaveProperty('minutes');
  });

  it('shows a confirmed exchange with its pool share and transaction, and words a refused reversal', async () => {
    const reverse = vi.fn(() => {
      throw apiError('INSUFFICIENT_CREDIT');
    });
    renderRequest(
      helpRequest({
        status: 'done',
        claims: [
          helpClaim({
            status: 'confirmed',
            proposedMinutes: 90,
            minutes: 90,
            poolMinutes: 60,
            transactionId: timebankId(99),
            settledAt: '2026-12-05T08:00:00.000Z',
          }),
        ],
      }),
      { 'timebank.reverse.mutate': reverse },
    );
    await screen.findByText('Done: every helper’s part is settled.');
    expect(screen.getByTestId('claim-minutes').textContent).toBe('90 min');
    const claim = screen.getByRole('article', { name: 'Helper: 李明' });
    expect(within(claim).getByText('60 min')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Open the transaction' }).getAttribute('href')).toBe(
      `/ledger/transactions/${timebankId(99)}`,
    );
    expect(screen.queryByRole('button', { name: 'Cancel the request' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Reverse the exchange' }));
    const dialog = screen.getByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Reverse' }));
    expect(within(dialog).getByText('A reversal needs a reason.')).toBeTruthy();
    fireEvent.change(within(dialog).getByLabelText('Reason'), { target: { value: '记错了人' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Reverse' }));
    await within(dialog).findByText(/There is not enough time credit for this/);
  });

  it('confirms for the resident and marks a no-show on help not yet confirmed', async () => {
    const confirm = vi.fn((_input: unknown) => ({
      transactionId: timebankId(99),
      minutes: 60,
      poolMinutes: 60,
      pointsEarned: 0,
      requestStatus: 'done',
    }));
    renderRequest(helpRequest(), { 'timebank.confirm.mutate': confirm });
    fireEvent.click(await screen.findByRole('button', { name: 'Confirm for the resident' }));
    const dialog = screen.getByRole('dialog');
    expect((within(dialog).getByLabelText('Minutes it took') as HTMLInputElement).value).toBe('60');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Confirm' }));
    await screen.findByText('Confirmed: 60 min moved, 60 min of it from the care pool.');
    expect(confirm.mock.calls[0]?.[0]).toMatchObject({ helperId: timebankId(20), minutes: 60 });
    expect(screen.getByRole('button', { name: 'Did not come' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Cancel the request' })).toBeTruthy();
  });
});
