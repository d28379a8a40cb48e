import { describe, expect, it } from 'vitest';
import {
  defaultFilters,
  filtersSearch,
  readFilters,
  reportCsvUrl,
  reportFromPath,
  reportInput,
} from './report-filters';

const TODAY = '2026-11-28';

describe('the reports’ filters in the address', () => {
  it('opens the structure report on the last 365 days for all organizations by default', () => {
    expect(reportFromPath(undefined)).toBe('structure');
    expect(reportFromPath('nonsense')).toBe('structure');
    expect(reportFromPath('motivation')).toBe('motivation');
    expect(readFilters('')).toEqual(defaultFilters);
    expect(filtersSearch(defaultFilters)).toBe('');
    expect(reportInput(defaultFilters)).toEqual({
      input: { last: 'last_365_days' },
    });
  });

  it('reads back what it wrote, so a link reproduces the view', () => {
    const filters = {
      preset: 'custom',
      from: '2026-03-01',
      to: '2026-05-31',
      organizationId: 'org-1',
    } as const;
    const search = filtersSearch(filters);
    expect(search).toBe('?period=custom&from=2026-03-01&to=2026-05-31&organization=org-1');
    expect(readFilters(search)).toEqual(filters);
  });

  it("leaves each preset to the service, which counts back from the community's today", () => {
    const input = (preset: string) =>
      reportInput({ ...defaultFilters, preset: preset as never }).input;
    expect(input('30d')).toEqual({ last: 'last_30_days' });
    expect(input('90d')).toEqual({ last: 'last_90_days' });
    expect(input('year')).toEqual({ last: 'this_year' });
  });

  it('asks for a custom period only once it is whole, in order and at most three years', () => {
    const custom = (from: string, to: string) =>
      reportInput({ ...defaultFilters, preset: 'custom', from, to });
    expect(custom('2026-01-01', '')).toEqual({ problem: 'incomplete' });
    expect(custom('2026-05-01', '2026-04-30')).toEqual({ problem: 'order' });
    expect(custom('2020-01-01', '2026-01-01')).toEqual({ problem: 'tooLong' });
    expect(custom('2026-04-30', '2026-04-30')).toEqual({
      input: { from: '2026-04-30', to: '2026-04-30' },
    });
  });

  it('downloads the same figures as a spreadsheet, in the language on screen', () => {
    const input = { from: '2026-01-01', to: TODAY, organizationId: 'org-1' };
    expect(reportCsvUrl('willingness', input, 'zh')).toBe(
      '/reports/willingness.csv?from=2026-01-01&to=2026-11-28&organizationId=org-1&lang=zh',
    );
    expect(reportCsvUrl('structure', {})).toBe('/reports/structure.csv?lang=en');
  });
});
