import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { fakeApi, renderWithApp } from '../../test/render';
import { CreateResidentDialog } from './create-resident-dialog';
import { emptyResident, validateResident } from './resident-form';

describe('issuing a member card', () => {
  it('checks the card number, PIN and birth year by the domain’s rules', () => {
    expect(
      validateResident({
        ...emptyResident,
        name: 'Li Na',
        cardNumber: 'Q 12',
        pin: '12',
        birthYear: '1850',
      }),
    ).toEqual({ cardNumber: 'cardNumber', pin: 'pin', birthYear: 'birthYear' });
    expect(
      validateResident({ ...emptyResident, name: 'Li Na', cardNumber: 'Q0061', pin: '123456' }),
    ).toEqual({});
  });

  it('shows the errors by their fields and sends a valid card to the service', async () => {
    const create = vi.fn((input: Record<string, unknown>) => ({
      id: 'new-resident',
      name: input.name,
      cardNumber: input.cardNumber,
    }));
    const onCreated = vi.fn();
    renderWithApp(<CreateResidentDialog open onClose={() => {}} onCreated={onCreated} />, {
      api: fakeApi({ 'residents.create.mutate': create }),
    });
    fireEvent.click(screen.getByRole('button', { name: 'Issue card' }));
    expect(screen.getByText('Enter a name of at most 100 characters.')).toBeTruthy();
    expect(screen.getByText('A PIN is 4 to 6 digits.')).toBeTruthy();
    expect(create).not.toHaveBeenCalled();

    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Li Na' } });
    fireEvent.change(screen.getByLabelText('Card number'), { target: { value: 'Q0061' } });
    fireEvent.change(screen.getByLabelText('PIN'), { target: { value: '12a34' } });
    fireEvent.change(screen.getByLabelText('Building'), { target: { value: '3' } });
    fireEvent.click(screen.getByLabelText(/agrees to be named/));
    fireEvent.click(screen.getByRole('button', { name: 'Issue card' }));
    await vi.waitFor(() => expect(onCreated).toHaveBeenCalledWith('new-resident'));
    expect(create.mock.calls[0]?.[0]).toEqual({
      idempotencyKey: expect.any(String),
      name: 'Li Na',
      cardNumber: 'Q0061',
      pin: '1234',
      building: '3',
      showName: true,
    });
  });
});
