import type { ApiFailure } from '@tally/client/api-error';
import { describe, expect, it } from 'vitest';
import { createI18n } from '../i18n/i18n';
import { errorText } from './error-text';

const failure = (code: string | null, details: Record<string, unknown> = {}): ApiFailure => ({
  code,
  message: `service says ${code}`,
  details,
  issues: [],
});

describe('errors in words', () => {
  const zh = createI18n('zh').t;
  const en = createI18n('en').t;

  it('says a refusal in the reader’s language', () => {
    expect(errorText(en, failure('PROXY_NOT_ALLOWED'))).toBe(
      'Only the resident themself can do this, not someone acting for them.',
    );
    expect(errorText(zh, failure('ACTIVITY_FULL'))).toBe('抱歉，这个活动名额已满。');
  });

  it('says "no connection" when no answer came back', () => {
    expect(errorText(zh, failure(null))).toBe(
      '没有网络连接。请检查 Wi-Fi 或移动数据，然后再试一次。',
    );
  });

  it('says why a new PIN is too easy to guess, when the service says why', () => {
    expect(errorText(en, failure('WEAK_PIN', { reason: 'birth_year' }))).toContain('birth year');
    expect(errorText(en, failure('WEAK_PIN'))).toContain('too easy to guess');
  });

  it('falls back to the service’s own words for a code it does not know', () => {
    expect(errorText(en, failure('SOMETHING_NEW'))).toBe('service says SOMETHING_NEW');
  });
});
