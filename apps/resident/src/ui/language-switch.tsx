import { useTranslation } from 'react-i18next';
import { languageOf, markDocumentLanguage } from '../i18n/i18n';
import { rememberLanguage } from '../session/device-storage';

/** One tap to the other language, named in that language ("中文" / "English"); remembered. */
export function LanguageSwitch({ className = 'button button-quiet' }: { className?: string }) {
  const { t, i18n } = useTranslation();
  const toggle = () => {
    const next = languageOf(i18n) === 'zh' ? 'en' : 'zh';
    void i18n.changeLanguage(next);
    markDocumentLanguage(next);
    rememberLanguage(window.localStorage, next);
  };
  return (
    <button type="button" className={className} onClick={toggle} lang={t('language.switchToLang')}>
      {t('language.switchTo')}
    </button>
  );
}
