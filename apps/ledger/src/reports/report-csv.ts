import { type CsvCell, csvLine, UTF8_BOM } from '../exports/csv';
import { type CsvLanguage, csvLabel } from './report-csv-labels';

/** The keys that name an item of a list, in the order they are looked for. */
const ITEM_NAMES = ['window', 'category', 'group', 'month', 'name', 'id'] as const;

/** Figures whose values are ids with words of their own. */
const WORDED_VALUES = new Set(['dimension', 'group', 'category', 'window']);

/**
 * Any report as one long table: `section, item, measure, value`. Every figure is a row, so the
 * same four columns fit every report and a spreadsheet's filter or pivot does the rest; hidden
 * small groups stay "<5".
 */
export function reportCsv(report: Record<string, unknown>, language: CsvLanguage = 'en'): string {
  const rows: CsvCell[][] = [];
  for (const [section, value] of Object.entries(report)) flatten(value, section, [], rows);
  const word = (key: string) => csvLabel(key, language);
  const header = ['section', 'item', 'measure', 'value'].map(word);
  const worded = rows.map(([section, item, measure, value]) => [
    word(String(section)),
    String(item)
      .split(' / ')
      .map((part) => (part === '' ? part : word(part)))
      .join(' / '),
    measure === '' ? '' : word(String(measure)),
    typeof value === 'string' && WORDED_VALUES.has(String(measure)) ? word(value) : (value ?? null),
  ]);
  return UTF8_BOM + csvLine(header) + worded.map(csvLine).join('');
}

function flatten(value: unknown, section: string, path: string[], rows: CsvCell[][]): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      if (typeof item !== 'object' || item === null) {
        rows.push([section, path.join(' / '), String(index + 1), cell(item)]);
        return;
      }
      const record = item as Record<string, unknown>;
      const key = ITEM_NAMES.find((name) => typeof record[name] === 'string');
      const { [key ?? '']: label, ...rest } = record;
      flatten(rest, section, [...path, key ? String(label) : String(index + 1)], rows);
    });
    return;
  }
  if (typeof value === 'object' && value !== null) {
    for (const [key, inner] of Object.entries(value)) {
      if (typeof inner === 'object' && inner !== null)
        flatten(inner, section, [...path, key], rows);
      else rows.push([section, path.join(' / '), key, cell(inner)]);
    }
    return;
  }
  rows.push([section, path.join(' / '), '', cell(value)]);
}

function cell(value: unknown): CsvCell {
  if (value === null || value === undefined) return null;
  return typeof value === 'number' ? value : String(value);
}
