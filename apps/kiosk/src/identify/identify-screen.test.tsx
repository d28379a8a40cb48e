import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { fakeApi, refusal, renderInLanguage, resident } from '../test/fake-api';
import { IdentifyScreen } from './identify-screen';

function press(...keys: string[]) {
  for (const key of keys) fireEvent.click(screen.getByRole('button', { name: key }));
}

function renderIdentify(identify = vi.fn(), initialCard = '', language: 'en' | 'zh' = 'en') {
  const onIdentified = vi.fn();
  renderInLanguage(
    <IdentifyScreen
      api={fakeApi({ identify })}
      initialCard={initialCard}
      expired={false}
      onIdentified={onIdentified}
      onCancel={() => undefined}
      onDeviceRefused={() => undefined}
    />,
    language,
  );
  return { identify, onIdentified };
}

describe('identifying at the kiosk', () => {
  it('types a card number with a letter on the keypad, then a masked PIN', async () => {
    const identify = vi.fn().mockResolvedValue({ residentToken: 't', resident });
    const { onIdentified } = renderIdentify(identify);

    press('Show letters', 'Q');
    // After one letter the digits come back.
    press('0', '0', '0', '1');
    expect(screen.getByLabelText('Card number')).toHaveProperty('value', 'Q0001');
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));

    press('1', '2', '3', '9', 'Delete', '4');
    const pin = screen.getByLabelText('PIN') as HTMLInputElement;
    expect(pin.type).toBe('password');
    expect(pin.value).toBe('1234');
    fireEvent.click(screen.getByRole('button', { name: 'OK' }));

    await vi.waitFor(() => expect(onIdentified).toHaveBeenCalled());
    expect(identify).toHaveBeenCalledWith({ cardNumber: 'Q0001', pin: '1234' });
  });

  it('says how many tries are left after a wrong PIN, and clears the PIN', async () => {
    const identify = vi.fn().mockRejectedValue(refusal('WRONG_PIN', { triesLeft: 3 }, 401));
    renderIdentify(identify, 'Q0001');
    press('9', '9', '9', '9');
    fireEvent.click(screen.getByRole('button', { name: 'OK' }));
    await screen.findByText(
      'The card number or PIN is not right: please check the card number. 3 tries left.',
    );
    await vi.waitFor(() => expect(screen.getByLabelText('PIN')).toHaveProperty('value', ''));
  });

  it('warns before the last try, in Chinese too', async () => {
    const identify = vi.fn().mockRejectedValue(refusal('WRONG_PIN', { triesLeft: 1 }, 401));
    renderIdentify(identify, 'Q0001', 'zh');
    press('9');
    fireEvent.click(screen.getByRole('button', { name: '确定' }));
    await screen.findByText(
      '卡号或密码不正确，请核对卡号。还可以试 1 次：再错一次，这张卡将锁定 15 分钟。',
    );
  });

  it('shows a locked card as a state of its own: when to retry, who resets, one way home', async () => {
    const lockedUntil = new Date(2026, 10, 12, 14, 35).toISOString();
    const identify = vi.fn().mockRejectedValue(refusal('PIN_LOCKED', { lockedUntil }, 429));
    const onCancel = vi.fn();
    renderInLanguage(
      <IdentifyScreen
        api={fakeApi({ identify })}
        initialCard="Q0001"
        expired={false}
        onIdentified={() => undefined}
        onCancel={onCancel}
        onDeviceRefused={() => undefined}
      />,
      'en',
    );
    press('1');
    fireEvent.click(screen.getByRole('button', { name: 'OK' }));
    await screen.findByRole('heading', { name: 'Card Q0001 is locked' });
    screen.getByText(
      'This card is locked after too many wrong PINs. Please try again after 14:35.',
    );
    screen.getByText('Forgotten your PIN? The community office can reset it for you.');
    // No PIN pad to keep guessing on.
    expect(screen.queryByLabelText('PIN')).toBeNull();
    expect(screen.queryByRole('button', { name: '1' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Back to the start' }));
    expect(onCancel).toHaveBeenCalled();
  });

  it('sends a card the office locked to the office', async () => {
    const lockedUntil = '9999-12-31T23:59:59.000Z';
    const identify = vi.fn().mockRejectedValue(refusal('PIN_LOCKED', { lockedUntil }, 429));
    renderIdentify(identify, 'Q0001');
    press('1');
    fireEvent.click(screen.getByRole('button', { name: 'OK' }));
    await screen.findByText('This card is locked. Please ask the community office.');
  });
});
