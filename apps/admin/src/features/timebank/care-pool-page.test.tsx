import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { fakeApi, renderWithApp } from '../../test/render';
import { CarePoolPage } from './care-pool-page';
import { readGrantMinutes, readMinAge } from './pool-dialogs';
import { careListEntry, carePool } from './test-timebank';

function renderPool(calls: Record<string, (input: never) => unknown> = {}) {
  return renderWithApp(<CarePoolPage />, {
    path: '/timebank/pool',
    api: fakeApi({
      'timebank.pool.query': () => carePool(),
      'timebank.careList.query': () => [careListEntry()],
      ...calls,
    }),
  });
}

describe('the care pool', () => {
  it('shows what the pool holds, who it pays for and the care list', async () => {
    renderPool();
    await vi.waitFor(() =>
      expect(screen.getByTestId('pool-balance').textContent).toBe('1,200 min'),
    );
    expect(screen.getByTestId('pool-paid').textContent).toBe('90 min');
    expect(screen.getByTestId('pool-rule').textContent).toBe(
      'Residents aged 75 or older, and those on the care list',
    );
    const list = await screen.findByRole('table', { name: 'Care list' });
    expect(within(list).getByText('赵建国')).toBeTruthy();
    expect(within(list).getByText('独居，坐轮椅')).toBeTruthy();
  });

  it('grants whole minutes only, and says what the pool holds after', async () => {
    const grant = vi.fn((_input: unknown) => ({ transactionId: 'x', poolBalance: 1800 }));
    renderPool({ 'timebank.grant.mutate': grant });
    fireEvent.click(await screen.findByRole('button', { name: 'Grant credit' }));
    const dialog = screen.getByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Grant' }));
    expect(within(dialog).getByText(/A whole number of minutes/)).toBeTruthy();
    fireEvent.change(within(dialog).getByLabelText('Minutes'), { target: { value: '600' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Grant' }));
    await screen.findByText('600 min granted: the pool holds 1,800 min.');
    expect(grant.mock.calls[0]?.[0]).toMatchObject({ minutes: 600, note: '' });
  });

  it('sets the rule to the care list only, with no age', async () => {
    const setRule = vi.fn((_input: unknown) => ({ minAge: null, careListSize: 1 }));
    renderPool({ 'timebank.setPoolRule.mutate': setRule });
    fireEvent.click(await screen.findByRole('button', { name: 'Change the rule' }));
    const dialog = screen.getByRole('dialog');
    expect((within(dialog).getByLabelText('Minimum age') as HTMLInputElement).value).toBe('75');
    fireEvent.click(within(dialog).getByLabelText('Only the care list (no age rule)'));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await vi.waitFor(() => expect(setRule).toHaveBeenCalledOnce());
    expect(setRule.mock.calls[0]?.[0]).toMatchObject({ minAge: null });
  });

  it('reads a grant and an age only within the domain’s ranges', () => {
    expect(readGrantMinutes('0')).toBeNull();
    expect(readGrantMinutes('1000001')).toBeNull();
    expect(readGrantMinutes(' 600 ')).toBe(600);
    expect(readMinAge('49')).toBeNull();
    expect(readMinAge('121')).toBeNull();
    expect(readMinAge('80')).toBe(80);
  });
});
