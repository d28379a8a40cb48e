import type { ApiFailure } from '@tally/client/api-error';
import { describe, expect, it } from 'vitest';
import { createI18n } from '../i18n/i18n';
import { signInProblem } from './sign-in-words';

const failure = (code: string, details: Record<string, unknown> = {}): ApiFailure => ({
  code,
  message: code,
  details,
  issues: [],
});

describe('a refused sign-in in words', () => {
  const en = createI18n('en').t;
  const zh = createI18n('zh').t;

  it('says how many tries are left after a wrong PIN', () => {
    expect(
      signInProblem(en, failure('WRONG_PIN', { triesLeft: 3 }), { kind: 'card', language: 'en' }),
    ).toEqual({
      kind: 'message',
      text: 'The card number or PIN is not right. 3 tries left.',
    });
    expect(
      signInProblem(zh, failure('WRONG_PIN', { triesLeft: 2 }), { kind: 'family', language: 'zh' })
        .text,
    ).toBe('手机号码或密码不正确，还可以再试 2 次。');
  });

  it('warns before the last try that the card will lock', () => {
    expect(
      signInProblem(en, failure('WRONG_PIN', { triesLeft: 1 }), { kind: 'card', language: 'en' })
        .text,
    ).toContain('locked');
  });

  it('shows a locked card with when to try again, not a form to keep guessing on', () => {
    const problem = signInProblem(
      en,
      failure('PIN_LOCKED', { lockedUntil: '2026-12-07T10:15:00Z' }),
      {
        kind: 'card',
        language: 'en',
      },
    );
    expect(problem.kind).toBe('locked');
    expect(problem.text).toMatch(
      /^There were too many wrong PINs\. You can try again after .*2026/,
    );
    expect(signInProblem(en, failure('PIN_LOCKED'), { kind: 'card', language: 'en' }).text).toBe(
      'This card is locked. Please ask the community office.',
    );
  });
});
