import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../session/device-storage';
import { en } from './en';
import { zh } from './zh';

export function createI18n(language: Language): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'en',
    supportedLngs: ['zh', 'en'],
    resources: { en: { translation: en }, zh: { translation: zh } },
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return instance;
}

export function languageOf(instance: i18n): Language {
  return instance.language === 'en' ? 'en' : 'zh';
}

/** Keeps the page's lang attribute true, so screen readers and fonts pick the right language. */
export function markDocumentLanguage(language: Language): void {
  document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
}
