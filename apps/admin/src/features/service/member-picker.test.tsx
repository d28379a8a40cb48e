import { fireEvent, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { renderWithApp } from '../../test/render';
import { MemberPicker } from './member-picker';

const members = [
  { id: 'r1', name: 'Wang Fang', displayName: 'Wang Fang', cardNumber: 'Q0001', building: '1' },
  { id: 'r2', name: 'Li Na', displayName: 'Li Na', cardNumber: 'Q0002', building: '2' },
  { id: 'r3', name: 'Li Wei', displayName: 'Li Wei', cardNumber: 'Q0003', building: null },
];

function Picker() {
  const [selected, setSelected] = useState<string[]>([]);
  return (
    <>
      <MemberPicker members={members} selected={selected} onChange={setSelected} />
      <output data-testid="selected">{selected.join(',')}</output>
    </>
  );
}

const selected = () => screen.getByTestId('selected').textContent;
const search = () => screen.getByLabelText('Search members by name or card');

describe('the member picker', () => {
  it('ticks the exact card typed and clears the search for the next one', () => {
    renderWithApp(<Picker />);
    fireEvent.change(search(), { target: { value: 'Q0002' } });
    fireEvent.keyDown(search(), { key: 'Enter' });
    expect(selected()).toBe('r2');
    expect((search() as HTMLInputElement).value).toBe('');
    fireEvent.change(search(), { target: { value: 'q0003' } });
    fireEvent.keyDown(search(), { key: 'Enter' });
    expect(selected()).toBe('r2,r3');
    expect(screen.getByText('2 of 3 selected')).toBeTruthy();
  });

  it('ticks the first name that matches', () => {
    renderWithApp(<Picker />);
    fireEvent.change(search(), { target: { value: 'li' } });
    fireEvent.keyDown(search(), { key: 'Enter' });
    expect(selected()).toBe('r2');
  });

  it('selects everyone shown by a search, then everyone', () => {
    renderWithApp(<Picker />);
    fireEvent.change(search(), { target: { value: 'Li ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Select the 2 shown' }));
    expect(selected()).toBe('r2,r3');
    fireEvent.change(search(), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Select all' }));
    expect(selected()).toBe('r2,r3,r1');
    fireEvent.click(screen.getByRole('button', { name: 'Clear' }));
    expect(selected()).toBe('');
  });

  it('removes a member with the button on their chip', () => {
    renderWithApp(<Picker />);
    fireEvent.click(screen.getByLabelText(/Wang Fang/));
    expect(selected()).toBe('r1');
    fireEvent.click(screen.getByRole('button', { name: 'Remove Wang Fang' }));
    expect(selected()).toBe('');
  });
});
