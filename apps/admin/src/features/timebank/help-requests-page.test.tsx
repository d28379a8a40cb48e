import { screen, within } from '@testing-library/react';
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
});
