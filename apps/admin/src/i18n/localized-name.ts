import { inLanguage, type LocalizedText } from '@tally/domain/localized-text';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from './i18n';

/**
 * Names the office gave in each language (rewards, goals, organizations, the community), in the
 * reader's language, or the other one when only that was given.
 */
export function useLocalizedName(): (text: LocalizedText) => string {
  const { i18n } = useTranslation();
  const language = currentLanguage(i18n);
  return (text) => inLanguage(text, language);
}
