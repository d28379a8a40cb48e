import { useTranslation } from 'react-i18next';
import { languageOf } from '../i18n/i18n';
import type { Language } from '../session/device-storage';

/** The language the screen is in now, for Intl formatting beside t(). */
export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return languageOf(i18n);
}
