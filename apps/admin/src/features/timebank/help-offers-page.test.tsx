import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { fakeApi, renderWithApp } from '../../test/render';
import { HelpOffersPage } from './help-offers-page';
import { helpOffer, timebankId } from './test-timebank';

describe('offers of help', () => {
  it('lists open and taken-down offers, and takes one down', async () => {
    const withdraw = vi.fn((_input: unknown) => ({ id: timebankId(40), status: 'withdrawn' }));
    renderWithApp(<HelpOffersPage />, {
      path: '/timebank/offers',
      api: fakeApi({
        'timebank.offers.query': () => ({
          items: [
            helpOffer(),
            helpOffer({
              id: timebankId(41),
              kind: 'tech',
              residentName: '刘超',
              status: 'withdrawn',
            }),
          ],
          nextCursor: null,
        }),
        'timebank.withdrawOffer.mutate': withdraw,
      }),
    });
    const table = await screen.findByRole('table', { name: 'Offers of help' });
    expect(table.textContent).toContain('会修水龙头');
    expect(table.textContent).toContain('Taken down');
    const takeDown = within(table).getAllByRole('button', { name: 'Take down' });
    expect(takeDown).toHaveLength(1);
    fireEvent.click(takeDown[0] as HTMLElement);
    const dialog = screen.getByRole('dialog');
    expect(within(dialog).getByText(/no longer see 李明’s offer/)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Take down' }));
    await vi.waitFor(() => expect(withdraw).toHaveBeenCalledOnce());
    expect(withdraw.mock.calls[0]?.[0]).toMatchObject({ offerId: timebankId(40) });
  });
});
