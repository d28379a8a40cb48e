import type { Page } from 'playwright-core';

/**
 * Words on a page that are not in the reader's language: Latin words on a Chinese screen, Han
 * characters on an English one. What people typed or are called is shown as it was written, and
 * marked so (`translate="no"`: names, card numbers, activity titles, notes); text in another
 * language on purpose carries its own `lang` (the language switch offering "English"). Neither
 * is counted, nor are codes (`code`, `kbd`, `samp`, and the monospaced `.mono`: card numbers,
 * hashes, addresses). Everything else — what Tally itself says — must be in the reader's language.
 */
const OBJECT_SHOWN = '[object Object] (a value shown without being put in words)';

export async function wordsNotInLanguage(
  page: Page,
  language: 'zh' | 'en',
  { allow = [], typed = [] }: { allow?: string[]; typed?: string[] } = {},
): Promise<string[]> {
  const texts = await page.evaluate(
    ({ reader, marker }) => {
      const found: string[] = [];
      const foreign = (element: Element) => {
        const marked = element.closest('[lang]')?.getAttribute('lang') ?? reader;
        return !marked.toLowerCase().startsWith(reader);
      };
      const shown = (element: Element) => {
        if (
          element.closest(
            '[translate="no"], code, kbd, samp, .mono, script, style, noscript, template, [hidden]',
          )
        )
          return false;
        if (element.closest('[aria-hidden="true"]') && !element.closest('svg')) return false;
        const style = getComputedStyle(element);
        return (
          style.visibility !== 'hidden' &&
          style.display !== 'none' &&
          element.getClientRects().length > 0
        );
      };
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        const text = node.textContent?.trim();
        if (!parent || !text || foreign(parent) || !shown(parent)) continue;
        found.push(text);
      }
      // What a person reads without it being text: labels of controls, placeholders, images.
      const labelled = document.querySelectorAll('[placeholder], [aria-label], img[alt], [title]');
      for (const element of Array.from(labelled)) {
        if (foreign(element) || !shown(element)) continue;
        for (const name of ['placeholder', 'aria-label', 'alt', 'title']) {
          const value = element.getAttribute(name)?.trim();
          if (value) found.push(value);
        }
      }
      // A name object put where words go reads "[object Object]" in every language, written as
      // it was or not: always reported.
      const everything = [
        document.body.textContent,
        ...Array.from(labelled).flatMap((element) =>
          ['placeholder', 'aria-label', 'alt', 'title'].map((name) => element.getAttribute(name)),
        ),
      ];
      if (everything.some((text) => text?.includes('[object Object]'))) found.push(marker);
      return found;
    },
    { reader: language, marker: OBJECT_SHOWN },
  );
  if (texts.includes(OBJECT_SHOWN)) return [OBJECT_SHOWN];
  const allowed = new Set(allow.map((word) => word.toLowerCase()));
  // Longest first, so a name is taken out whole before a shorter one inside it. Numbers (a
  // building "6") are left in: taken out of a code or a hash, they would leave letters behind.
  const asWritten = [...new Set(typed)]
    .filter((phrase) => phrase.trim().length >= 2 && !/^[\d\s.-]+$/.test(phrase))
    .sort((a, b) => b.length - a.length);
  // Each word with the text it was found in, so a failure says where to look.
  const words = new Map<string, string>();
  for (const text of texts) {
    let rest = text;
    for (const phrase of asWritten) if (rest.includes(phrase)) rest = rest.split(phrase).join(' ');
    for (const word of offLanguageWords(rest, language)) {
      if (!allowed.has(word.toLowerCase()) && !words.has(word))
        words.set(word, `${word} (in “${text.slice(0, 60)}”)`);
    }
  }
  return [...words.keys()].sort().map((word) => words.get(word) ?? word);
}

/**
 * The Latin words in Chinese text (codes with digits, such as card Q0007 or pickup code K7M2Q9,
 * and single letters are not words), or the runs of Han characters in English text.
 */
export function offLanguageWords(text: string, language: 'zh' | 'en'): string[] {
  if (language === 'en') return text.match(/[\u3400-\u9fff\uf900-\ufaff]+/g) ?? [];
  return (text.match(/[A-Za-z0-9][A-Za-z0-9'’.-]*/g) ?? [])
    .map((token) => token.replace(/[.'’-]+$/, ''))
    .filter((token) => /[A-Za-z]{2,}/.test(token) && !/\d/.test(token));
}

/**
 * Every text people typed or are called by in a service's answers: names, usernames, titles of
 * activities, places, notes, reasons, buildings, codes. Shown as written on every screen.
 */
export function typedTexts(answer: unknown, fields = TYPED_FIELDS): string[] {
  const found: string[] = [];
  const walk = (value: unknown, key: string | null) => {
    if (typeof value === 'string') {
      if (key !== null && fields.has(key)) found.push(value);
    } else if (Array.isArray(value)) {
      for (const item of value) walk(item, key);
    } else if (value && typeof value === 'object') {
      for (const [inner, item] of Object.entries(value)) walk(item, inner);
    }
  };
  walk(answer, null);
  return found;
}

const TYPED_FIELDS = new Set([
  'name',
  'displayName',
  'residentName',
  'actorName',
  'username',
  'title',
  'activityTitle',
  'place',
  'note',
  'reason',
  'reviewReason',
  'cancelReason',
  'building',
  'pickupCode',
  'memo',
  'resolutionReason',
  'officeReason',
  'message',
]);

/** Words a Chinese screen may show as they are: units, abbreviations Chinese readers use. */
export const LATIN_ALLOWED_IN_CHINESE = [
  'PIN',
  'CSV',
  'PDF',
  'QR',
  'A4',
  'A3',
  'kg',
  'km',
  'ml',
  'cm',
  'mm',
  'ID',
  'KTV',
  'Wi-Fi',
  // The kiosk keypad's key that turns to letters.
  'ABC',
  // The product's name, and file formats the import page names.
  'Tally',
  'GBK',
  'UTF',
  'MB',
  'KB',
];
