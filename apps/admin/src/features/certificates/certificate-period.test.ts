import { describe, expect, it } from 'vitest';
import { lastTwelveMonths, periodErrors } from './certificate-period';

describe('the certificate period', () => {
  it('suggests the last 12 months, both ends included', () => {
    expect(lastTwelveMonths('2026-11-27')).toEqual({ from: '2025-11-28', to: '2026-11-27' });
  });

  it('starts the day after a year ago even across a leap day', () => {
    expect(lastTwelveMonths('2024-02-29')).toEqual({ from: '2023-03-01', to: '2024-02-29' });
    expect(lastTwelveMonths('2026-12-31')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
  });

  it('asks for both days', () => {
    expect(periodErrors({ from: '', to: '' }, '2026-11-27')).toEqual({
      from: 'dayMissing',
      to: 'dayMissing',
    });
    expect(periodErrors({ from: '2026-01-01', to: '' }, '2026-11-27')).toEqual({
      to: 'dayMissing',
    });
  });

  it('refuses a period that ends before it starts or reaches past today', () => {
    expect(periodErrors({ from: '2026-05-02', to: '2026-05-01' }, '2026-11-27')).toEqual({
      to: 'endsBeforeStart',
    });
    expect(periodErrors({ from: '2026-05-01', to: '2026-11-28' }, '2026-11-27')).toEqual({
      to: 'inFuture',
    });
  });

  it('accepts a one-day period ending today', () => {
    expect(periodErrors({ from: '2026-11-27', to: '2026-11-27' }, '2026-11-27')).toEqual({});
  });
});
