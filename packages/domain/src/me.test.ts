import { describe, expect, it } from 'vitest';
import { ChangePinInput, PhoneNumber, weakPinReason } from './me';

describe('weakPinReason', () => {
  it('refuses the PINs a guesser tries first', () => {
    const none = { birthYear: null };
    expect(weakPinReason('0000', none)).toBe('same_digits');
    expect(weakPinReason('1234', none)).toBe('sequence');
    expect(weakPinReason('987654', none)).toBe('sequence');
    expect(weakPinReason('1212', none)).toBe('repeated');
    expect(weakPinReason('1948', { birthYear: 1948 })).toBe('birth_year');
    expect(weakPinReason('019480', { birthYear: 1948 })).toBe('birth_year');
  });

  it('lets other PINs through', () => {
    for (const pin of ['2468', '5831', '1357', '902174']) {
      expect(weakPinReason(pin, { birthYear: 1948 })).toBeNull();
    }
  });
});

describe('ChangePinInput', () => {
  it('asks for a new PIN of 4 to 6 digits, not the one already held', () => {
    expect(ChangePinInput.safeParse({ oldPin: '2468', newPin: '5831' }).success).toBe(true);
    expect(ChangePinInput.safeParse({ oldPin: '2468', newPin: '2468' }).success).toBe(false);
    expect(ChangePinInput.safeParse({ oldPin: '2468', newPin: '12a4' }).success).toBe(false);
  });
});

describe('PhoneNumber', () => {
  it('takes a number as people write it, spaces and dashes left out', () => {
    expect(PhoneNumber.parse(' 138 0000-0001 ')).toBe('13800000001');
    expect(PhoneNumber.parse('+8613800000001')).toBe('+8613800000001');
    expect(PhoneNumber.safeParse('call me').success).toBe(false);
  });
});
