import { z } from 'zod';

/** The two languages Tally speaks; every screen shows one of them. */
export const languages = ['zh', 'en'] as const;
export type Language = (typeof languages)[number];

/**
 * A name (or description) as the office wrote it in each language. One of the two may be
 * empty: a reader of that language then sees the other, never a guess split from one string.
 */
export const LocalizedText = z.object({ zh: z.string(), en: z.string() });
export type LocalizedText = z.infer<typeof LocalizedText>;

/** An input for a name in each language: trimmed, each at most `max` long, at least one given. */
export function localizedNameInput({ max, message }: { max: number; message: string }) {
  return z
    .object({
      zh: z.string().trim().max(max).default(''),
      en: z.string().trim().max(max).default(''),
    })
    .refine(({ zh, en }) => zh !== '' || en !== '', { message });
}

/** An input for an optional text (a description) in each language: both may be empty. */
export function localizedTextInput({ max }: { max: number }) {
  return z.object({
    zh: z.string().trim().max(max).default(''),
    en: z.string().trim().max(max).default(''),
  });
}

export const noText: LocalizedText = { zh: '', en: '' };

/** The text in the reader's language, or in the other one when it was written only in that. */
export function inLanguage(text: LocalizedText, language: Language): string {
  const other: Language = language === 'zh' ? 'en' : 'zh';
  return text[language] || text[other];
}

/** The row columns `<prefix>_zh` and `<prefix>_en` as one LocalizedText. */
export function localizedText(
  zh: string | null | undefined,
  en: string | null | undefined,
): LocalizedText {
  return { zh: zh ?? '', en: en ?? '' };
}

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;

/**
 * A name typed once, where only one language can be given (a command line): it is kept whole,
 * in the language it is written in (any Han character makes it Chinese). Never split.
 */
export function asWritten(text: string): LocalizedText {
  return HAN.test(text) ? { zh: text, en: '' } : { zh: '', en: text };
}
