import { inLanguage, LocalizedText } from '@tally/domain/localized-text';
import { type CsvCell, csvLine, UTF8_BOM } from '../exports/csv';
import { type CsvLanguage, csvLabel } from './report-csv-labels';

/** The keys that name an item of a list, in the order they are looked for. */
const ITEM_NAMES = ['window', 'category', 'group', 'month', 'name', 'id'] as const;

/** Keys whose values are ids with words of their own (a window, an age band, a category). */
const WORDED_VALUES = new Set(['dimension', 'group', 'category', 'window']);

/**
 * Any report as one long table: `section, item, measure, value`. Every figure is a row, so the
 * same four columns fit every report and a spreadsheet's filter or pivot does the rest; hidden
 * small groups stay "<5". Keys and ids are put in words of the chosen language as they are
 * met; names (an organization's, a building's) stay as they are.
 */
export function reportCsv(report: Record<string, unknown>, language: CsvLanguage = 'en'): string {
  const word = (key: string) => csvLabel(key, language);
  const rows: CsvCell[][] = [];
  const flatten = (value: unknown, section: string, path: string[]): void => {
    if (Array.isArray(value)) {
      value.forEach((item, index) => {
        if (typeof item !== 'object' || item === null) {
          rows.push([section, path.join(' / '), String(index + 1), cell(item)]);
          return;
        }
        const record = item as Record<string, unknown>;
        const key = ITEM_NAMES.find(
          (name) => typeof record[name] === 'string' || isLocalizedText(record[name]),
        );
        const { [key ?? '']: label, ...rest } = record;
        // A name stored in both languages is written in the chosen one.
        const name = !key
          ? String(index + 1)
          : isLocalizedText(label)
            ? inLanguage(label, language)
            : String(label);
        // An organization's name stays as given; ids (a window, an age band…) are put in words.
        flatten(rest, section, [...path, key === 'name' ? name : word(name)]);
      });
      return;
    }
    if (typeof value === 'object' && value !== null) {
      for (const [key, inner] of Object.entries(value)) {
        if (typeof inner === 'object' && inner !== null)
          flatten(inner, section, [...path, word(key)]);
        else {
          const shown = typeof inner === 'string' && WORDED_VALUES.has(key) ? word(inner) : inner;
          rows.push([section, path.join(' / '), word(key), cell(shown)]);
        }
      }
      return;
    }
    rows.push([section, path.join(' / '), '', cell(value)]);
  };
  for (const [section, value] of Object.entries(report)) flatten(value, word(section), []);
  const header = ['section', 'item', 'measure', 'value'].map(word);
  return UTF8_BOM + csvLine(header) + rows.map(csvLine).join('');
}

function isLocalizedText(value: unknown): value is LocalizedText {
  return LocalizedText.safeParse(value).success;
}

function cell(value: unknown): CsvCell {
  if (value === null || value === undefined) return null;
  return typeof value === 'number' ? value : String(value);
}
