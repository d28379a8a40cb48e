import {
  MAX_REPORT_DAYS,
  type ReportInput,
  type ReportName,
  type ReportPeriodPreset,
  reportNames,
} from '@tally/domain/reports';

// The reports' filters live in the address (`/reports/willingness?period=90d&organization=…`),
// so a link someone sends reproduces the view they saw.

export const periodPresets = ['30d', '90d', '365d', 'year', 'custom'] as const;
export type PeriodPreset = (typeof periodPresets)[number];

export type ReportFilters = {
  preset: PeriodPreset;
  /** Only for a custom period: calendar days, both ends included. */
  from: string;
  to: string;
  /** '' for all organizations. */
  organizationId: string;
};

/** What a report opens with: the last 365 days, every organization. */
export const defaultFilters: ReportFilters = {
  preset: '365d',
  from: '',
  to: '',
  organizationId: '',
};

/** Presets the service counts back from the community's today (the reader's may differ). */
export const servicePreset = {
  '30d': 'last_30_days',
  '90d': 'last_90_days',
  '365d': 'last_365_days',
  year: 'this_year',
} as const satisfies Record<Exclude<PeriodPreset, 'custom'>, ReportPeriodPreset>;

/** The report named in the address; the first (structure) when none or an unknown one is. */
export function reportFromPath(name: string | undefined): ReportName {
  return reportNames.find((report) => report === name) ?? 'structure';
}

export function readFilters(search: string): ReportFilters {
  const query = new URLSearchParams(search);
  const preset = periodPresets.find((p) => p === query.get('period')) ?? defaultFilters.preset;
  return {
    preset,
    from: preset === 'custom' ? (query.get('from') ?? '') : '',
    to: preset === 'custom' ? (query.get('to') ?? '') : '',
    organizationId: query.get('organization') ?? '',
  };
}

/** The filters as an address query ('' for the defaults, so the plain address stays plain). */
export function filtersSearch(filters: ReportFilters): string {
  const query = new URLSearchParams();
  if (filters.preset !== defaultFilters.preset) query.set('period', filters.preset);
  if (filters.preset === 'custom') {
    if (filters.from) query.set('from', filters.from);
    if (filters.to) query.set('to', filters.to);
  }
  if (filters.organizationId) query.set('organization', filters.organizationId);
  const text = query.toString();
  return text ? `?${text}` : '';
}

export type PeriodProblem = 'incomplete' | 'order' | 'tooLong';

/**
 * The period and organization as the report procedures take them (a preset is counted back from
 * the community's today by the service); or why a custom period cannot be asked for yet.
 */
export function reportInput(
  filters: ReportFilters,
): { input: ReportInput; problem?: undefined } | { input?: undefined; problem: PeriodProblem } {
  const organization = filters.organizationId ? { organizationId: filters.organizationId } : {};
  if (filters.preset === 'custom') {
    const { from, to } = filters;
    if (!isDay(from) || !isDay(to)) return { problem: 'incomplete' };
    if (from > to) return { problem: 'order' };
    if (daysBetween(from, to) >= MAX_REPORT_DAYS) return { problem: 'tooLong' };
    return { input: { from, to, ...organization } };
  }
  return { input: { last: servicePreset[filters.preset], ...organization } };
}

/** `/reports/<name>.csv?last=|from=&to=&organizationId=&lang=`: the same figures as a spreadsheet. */
export function reportCsvUrl(
  name: ReportName,
  input: ReportInput,
  language: 'en' | 'zh' = 'en',
): string {
  const query = new URLSearchParams();
  if (input.last) query.set('last', input.last);
  if (input.from) query.set('from', input.from);
  if (input.to) query.set('to', input.to);
  if (input.organizationId) query.set('organizationId', input.organizationId);
  query.set('lang', language);
  const text = query.toString();
  return `/reports/${name}.csv${text ? `?${text}` : ''}`;
}

function isDay(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
