import type { Language } from '../device/device-settings';

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;
const LATIN = /[A-Za-z]/;
const QUANTITY = /\s*×\s*\d+$/;

/**
 * The office often names things in both languages at once ("Rice 5 kg · 大米 5
 * 公斤", "Northeast rice. 东北大米。"). On a kiosk screen with large type, each
 * resident sees the half in their own language; text that is not plainly in
 * two halves is shown as written.
 */
export function pickLanguage(text: string, language: Language): string {
  const quantity = text.match(QUANTITY)?.[0] ?? '';
  const body = quantity ? text.slice(0, -quantity.length) : text;
  const halves = splitHalves(body);
  if (!halves) return text;
  return `${language === 'zh' ? halves.zh : halves.en}${quantity}`;
}

function splitHalves(text: string): { en: string; zh: string } | null {
  const dot = text.split(/\s+·\s+/);
  if (dot.length === 2) {
    const [first = '', second = ''] = dot;
    if (isEnglish(first) && HAN.test(second)) return { en: first, zh: second };
    if (HAN.test(first) && isEnglish(second)) return { en: second, zh: first };
  }
  // "English sentence. 中文句子。": English first, Chinese from the first Han character on.
  const firstHan = text.search(HAN);
  if (firstHan > 0) {
    const en = text.slice(0, firstHan).trim();
    const zh = text.slice(firstHan).trim();
    if (isEnglish(en) && !LATIN.test(zh.replace(/[A-Za-z]{1,3}\b/g, ''))) return { en, zh };
  }
  return null;
}

function isEnglish(text: string): boolean {
  return LATIN.test(text) && !HAN.test(text);
}
