import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { KioskInputs } from '../api/kiosk-client';
import { fakeApi, refusal, renderInLanguage } from '../test/fake-api';
import { ChangePinScreen } from './change-pin-screen';

type ChangePinInput = KioskInputs['changePin'];

function typePin(pin: string) {
  for (const digit of pin) fireEvent.click(screen.getByRole('button', { name: digit }));
  fireEvent.click(screen.getByRole('button', { name: 'OK' }));
}

describe('changing the PIN at the kiosk', () => {
  it('refuses an easy PIN with its reason, then changes it after the new one is typed twice', async () => {
    const sent: ChangePinInput[] = [];
    const changePin = vi.fn((input: ChangePinInput) => {
      sent.push(input);
      return sent.length === 1
        ? Promise.reject(refusal('WEAK_PIN', { reason: 'sequence' }, 400))
        : Promise.resolve({ ok: true as const });
    });
    const onDone = vi.fn();
    renderInLanguage(<ChangePinScreen api={fakeApi({ changePin })} onDone={onDone} />);

    screen.getByRole('heading', { name: 'Your PIN now' });
    typePin('1234');
    screen.getByRole('heading', { name: 'Your new PIN' });
    typePin('1234');
    await screen.findByText('That is the PIN you have now. Please choose a different one.');
    typePin('4567');
    screen.getByRole('heading', { name: 'Your new PIN again' });
    typePin('4567');
    await screen.findByText(/Digits in a row, like 1234, are too easy to guess/);
    screen.getByRole('heading', { name: 'Your new PIN' });

    typePin('4826');
    await screen.findByRole('heading', { name: 'Your new PIN again' });
    typePin('4862');
    await screen.findByText(/The two new PINs were not the same/, {}, { timeout: 5000 });
    typePin('4826');
    await screen.findByRole('heading', { name: 'Your new PIN again' });
    typePin('4826');
    await screen.findByRole('heading', { name: 'Your PIN is changed' }, { timeout: 5000 });
    expect(sent).toEqual([
      { oldPin: '1234', newPin: '4567' },
      { oldPin: '1234', newPin: '4826' },
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Back to my points' }));
    expect(onDone).toHaveBeenCalled();
  });

  it('goes back to the PIN now after a wrong one, saying how many tries are left, in Chinese', async () => {
    const changePin = vi.fn(() => Promise.reject(refusal('WRONG_PIN', { triesLeft: 3 }, 401)));
    renderInLanguage(
      <ChangePinScreen api={fakeApi({ changePin })} onDone={() => undefined} />,
      'zh',
    );
    const okIn = () => {
      fireEvent.click(screen.getByRole('button', { name: '确定' }));
    };
    for (const pin of ['1111', '4826', '4826']) {
      for (const digit of pin) fireEvent.click(screen.getByRole('button', { name: digit }));
      okIn();
    }
    await screen.findByText('这不是您现在的密码。还可以试 3 次。');
    screen.getByRole('heading', { name: '现在的密码' });
    await waitFor(() => expect(changePin).toHaveBeenCalledTimes(1));
  });
});
