import type { LocalizedText } from '@tally/domain/localized-text';

/**
 * The names of the texts a change really changes, for its audit entry (`changed`): a text left
 * out of the change (undefined) or given as it was is not listed.
 */
export function changedTexts(
  texts: Record<string, { before: LocalizedText; after: LocalizedText | undefined }>,
): string[] {
  return Object.entries(texts)
    .filter(
      ([, { before, after }]) =>
        after !== undefined && (after.zh !== before.zh || after.en !== before.en),
    )
    .map(([field]) => field);
}
