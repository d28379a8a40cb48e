import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { zh } from './zh';

export const languages = ['zh', 'en'] as const;
export type Language = (typeof languages)[number];

const LANGUAGE_KEY = 'tally.admin.language';

/** The community's language unless the browser (or an earlier choice) says English. */
export function initialLanguage(): Language {
  const saved = globalThis.localStorage?.getItem(LANGUAGE_KEY);
  if (saved === 'zh' || saved === 'en') return saved;
  const browser = globalThis.navigator?.language ?? 'zh';
  return browser.toLowerCase().startsWith('en') ? 'en' : 'zh';
}

export function rememberLanguage(language: Language) {
  globalThis.localStorage?.setItem(LANGUAGE_KEY, language);
  document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
}

export function createI18n(language: Language = initialLanguage()): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'en',
    resources: { en: { translation: en }, zh: { translation: zh } },
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return instance;
}

export function currentLanguage(instance: i18n): Language {
  return instance.language === 'en' ? 'en' : 'zh';
}
