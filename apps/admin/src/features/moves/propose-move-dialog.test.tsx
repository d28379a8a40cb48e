import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { fakeApi, renderWithApp, staffUser } from '../../test/render';
import { move } from '../street/test-street';
import { ProposeMoveDialog } from './propose-move-dialog';

const resident = { id: '00000000-0000-4000-8000-0000000000r1', name: '王秀英', points: 240 };
const fenglin = {
  id: '00000000-0000-4000-8000-0000000000f1',
  name: { zh: '枫林社区', en: 'Fenglin Community' },
};

describe('proposing a move from a resident’s page', () => {
  it('asks where to, then asks once more before proposing', async () => {
    const propose = vi.fn((_input: { toCommunityId: string; note?: string }) =>
      move({
        resident: { ...resident, cardNumber: 'Q0044' },
        to: { communityId: fenglin.id, name: fenglin.name },
      }),
    );
    renderWithApp(<ProposeMoveDialog open resident={resident} onClose={() => {}} />, {
      api: fakeApi({
        'moves.destinations.query': () => [fenglin],
        'moves.propose.mutate': propose,
      }),
      user: staffUser('office'),
    });
    const dialog = within(await screen.findByRole('dialog'));
    expect(dialog.getByText(/their 240 pts and their time credit move with them/)).toBeTruthy();
    fireEvent.click(await dialog.findByRole('button', { name: 'Next' }));
    expect(dialog.getByText('Choose where they move to.')).toBeTruthy();
    fireEvent.change(dialog.getByLabelText('Moving to'), { target: { value: fenglin.id } });
    fireEvent.change(dialog.getByLabelText('Note for the receiving office'), {
      target: { value: '新住址：枫林路 8 号' },
    });
    fireEvent.click(dialog.getByRole('button', { name: 'Next' }));
    expect(dialog.getByTestId('move-confirm').textContent).toContain(
      'Propose moving 王秀英 to Fenglin Community?',
    );
    expect(propose).not.toHaveBeenCalled();
    fireEvent.click(dialog.getByRole('button', { name: 'Propose the move' }));
    await vi.waitFor(() => expect(propose).toHaveBeenCalledOnce());
    expect(propose.mock.calls[0]?.[0]).toMatchObject({
      residentId: resident.id,
      toCommunityId: fenglin.id,
      note: '新住址：枫林路 8 号',
    });
  });
});
