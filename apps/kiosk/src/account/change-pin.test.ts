import { describeApiError } from '@tally/client/api-error';
import { describe, expect, it } from 'vitest';
import { createI18n } from '../i18n/i18n';
import { refusal } from '../test/fake-api';
import { checkNewPin, pinProblemText, stepAfterRefusal } from './change-pin';

const refused = (code: string, details: Record<string, unknown>) => ({
  kind: 'refused' as const,
  failure: describeApiError(refusal(code, details)),
});

describe('a new PIN at the kiosk', () => {
  it('is 4 to 6 digits and not the PIN now', () => {
    expect(checkNewPin('1357', '123')).toEqual({ kind: 'length' });
    expect(checkNewPin('1357', '1234567')).toEqual({ kind: 'length' });
    expect(checkNewPin('1357', '1357')).toEqual({ kind: 'same' });
    expect(checkNewPin('1357', '4826')).toBeNull();
  });

  it('sends a resident back to the step the refusal is about', () => {
    expect(stepAfterRefusal(refused('WEAK_PIN', { reason: 'birth_year' }).failure)).toBe('new');
    expect(stepAfterRefusal(refused('WRONG_PIN', { triesLeft: 2 }).failure)).toBe('old');
    expect(stepAfterRefusal(refused('PIN_LOCKED', {}).failure)).toBe('old');
  });

  it('words the refusals plainly in both languages', () => {
    const en = createI18n('en').t;
    const zh = createI18n('zh').t;
    expect(pinProblemText(en, refused('WEAK_PIN', { reason: 'birth_year' }), 'en')).toBe(
      'Your birth year is too easy to guess. Please choose another PIN.',
    );
    expect(pinProblemText(zh, refused('WEAK_PIN', { reason: 'same_digits' }), 'zh')).toBe(
      '同一个数字重复太容易被猜到，请换一个密码。',
    );
    expect(pinProblemText(en, refused('WEAK_PIN', { reason: 'something new' }), 'en')).toBe(
      'That PIN is too easy to guess. Please choose another.',
    );
    expect(pinProblemText(en, refused('WRONG_PIN', { triesLeft: 1 }), 'en')).toMatch(
      /1 try left: after one more wrong try this card is locked/,
    );
    expect(pinProblemText(en, refused('WRONG_PIN', { triesLeft: 4 }), 'en')).toBe(
      'That is not your PIN now. 4 tries left.',
    );
  });
});
