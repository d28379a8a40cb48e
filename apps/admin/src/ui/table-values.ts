/** What a column sorts by: the text the reader sees, or a number (an amount, a time). */
export type SortValue = string | number | null | undefined;

/**
 * Orders two cells for the reader: numbers as numbers, text as the reader's language orders it
 * (`Intl.Collator('zh')` puts Chinese names in pinyin order, and "10" after "9").
 */
export function compareSortValues(a: SortValue, b: SortValue, collator: Intl.Collator): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator.compare(String(a ?? ''), String(b ?? ''));
}

export function sortCollator(language: string): Intl.Collator {
  return new Intl.Collator(language, { numeric: true, sensitivity: 'base' });
}

/**
 * Folds what a person types and what a cell shows to one form: full-width letters and digits
 * an input method gives (ＡＢ１) read as their ordinary twins, and case does not count.
 */
export function searchForm(text: string, language: string): string {
  return text.normalize('NFKC').toLocaleLowerCase(language).replace(/\s+/g, ' ').trim();
}

/** Whether a cell's words hold what was typed (already in `searchForm`). */
export function textMatches(shown: readonly SortValue[], needle: string, language: string) {
  return shown.some((text) => text != null && searchForm(String(text), language).includes(needle));
}
