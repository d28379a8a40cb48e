import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { fakeApi, renderWithApp } from '../../test/render';
import { filtersOf, HelpRequestsPage, listInput, searchOf } from './help-requests-page';
import { helpClaim, helpRequest, timebankId } from './test-timebank';

describe('the list of requests for help', () => {
  it('asks for what the address filters, and flags a request in dispute', async () => {
    const list = vi.fn((_input: unknown) => ({
      items: [
        helpRequest({ claims: [helpClaim({ status: 'disputed', proposedMinutes: 120 })] }),
        helpRequest({
          id: timebankId(2),
          kind: 'tech',
          requesterName: '张伟',
          status: 'open',
          placesLeft: 2,
          helpersNeeded: 2,
          claims: [],
          when: null,
        }),
      ],
      nextCursor: null,
    }));
    renderWithApp(<HelpRequestsPage />, {
      path: '/timebank?kind=repairs&disputed=1',
      api: fakeApi({ 'timebank.list.query': list }),
    });
    const table = await screen.findByRole('table', { name: /Requests/ });
    expect(list.mock.calls[0]?.[0]).toEqual({ kind: 'repairs', disputed: true, limit: 50 });
    const [, first, second] = within(table).getAllByRole('row');
    expect(first?.className).toContain('help-disputed');
    expect(within(first as HTMLElement).getByText('In dispute')).toBeTruthy();
    expect(second?.textContent).toContain('Nobody yet · 2 places left');
    expect(second?.textContent).toContain('Any time');
    expect(
      within(second as HTMLElement).getByRole('link', { name: 'Phone and computer help' }),
    ).toBeTruthy();
    expect((screen.getByLabelText('Only those in dispute') as HTMLInputElement).checked).toBe(true);
  });

  it('keeps the filters in the address and leaves empty ones out of the question', () => {
    const filters = filtersOf('?status=open&kind=nonsense');
    expect(filters).toEqual({ status: 'open', kind: '', disputed: false });
    expect(listInput(filters)).toEqual({ status: 'open' });
    expect(searchOf({ status: '', kind: 'visit', disputed: true })).toBe('?kind=visit&disputed=1');
    expect(searchOf({ status: '', kind: '', disputed: false })).toBe('');
  });

  it('asks for help for a resident found by name or card, with the office’s reason', async () => {
    const ask = vi.fn((_input: unknown) => ({ id: timebankId(9), status: 'open' }));
    const chen = { id: timebankId(30), name: '陈洋', cardNumber: 'Q0012', building: '4' };
    const { location } = renderWithApp(<HelpRequestsPage />, {
      path: '/timebank',
      api: fakeApi({
        'timebank.list.query': () => ({ items: [], nextCursor: null }),
        'timebank.requestFor.mutate': ask,
        'residents.list.query': () => ({ items: [chen], nextCursor: null }),
      }),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Ask for help for a resident' }));
    const dialog = screen.getByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Ask for help' }));
    expect(within(dialog).getByText('Choose the resident.')).toBeTruthy();
    expect(within(dialog).getByText('Say why the office asks for the resident.')).toBeTruthy();
    expect(ask).not.toHaveBeenCalled();
    fireEvent.change(within(dialog).getByLabelText('Find the resident'), {
      target: { value: 'Q0012' },
    });
    const found = await within(dialog).findByRole('list', { name: 'Matching residents' });
    fireEvent.click(within(found).getByRole('button', { name: 'Choose' }));
    expect(within(dialog).getByText(/陈洋 · Q0012 · Bldg 4/)).toBeTruthy();
    fireEvent.change(within(dialog).getByLabelText('Kind of help'), {
      target: { value: 'hospital' },
    });
    fireEvent.change(within(dialog).getByLabelText('Estimated minutes'), {
      target: { value: '180' },
    });
    fireEvent.change(within(dialog).getByLabelText('Exactly where'), {
      target: { value: '4号楼3单元502' },
    });
    fireEvent.change(within(dialog).getByLabelText('Why the office asks'), {
      target: { value: '术后复查，独居' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Ask for help' }));
    await vi.waitFor(() => expect(ask).toHaveBeenCalledOnce());
    expect(ask.mock.calls[0]?.[0]).toMatchObject({
      residentId: chen.id,
      kind: 'hospital',
      minutesEstimate: 180,
      helpersNeeded: 1,
      place: '4号楼3单元502',
      reason: '术后复查，独居',
    });
    await vi.waitFor(() => expect(location.history?.at(-1)).toBe(`/timebank/${timebankId(9)}`));
  });
});
