import { useTranslation } from 'react-i18next';
import { languageOf, markDocumentLanguage } from '../i18n/i18n';
import { GlobeIcon } from './icons';

/** One tap to the other language, named in that language ("中文" / "English"). */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const toggle = () => {
    const next = languageOf(i18n) === 'zh' ? 'en' : 'zh';
    void i18n.changeLanguage(next);
    markDocumentLanguage(next);
  };
  return (
    <button
      type="button"
      className="button button-quiet language-switch"
      onClick={toggle}
      lang={t('language.switchToLang')}
    >
      <GlobeIcon />
      {t('language.switchTo')}
    </button>
  );
}
