import { useTranslation } from 'react-i18next';
import { currentLanguage, type Language, languages, rememberLanguage } from '../i18n/i18n';

// Each language names itself, so a reader who cannot read the other one still finds theirs.
const names: Record<Language, string> = { zh: '中文', en: 'English' };

/** One click to the other language, on every page (sign-in included). */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const active = currentLanguage(i18n);
  return (
    // biome-ignore lint/a11y/useSemanticElements: a group of toggle buttons, not a form fieldset
    <div className="language-switch" role="group" aria-label={t('language.label')}>
      {languages.map((language) => (
        <button
          key={language}
          type="button"
          lang={language === 'zh' ? 'zh-CN' : 'en'}
          aria-pressed={language === active}
          onClick={() => {
            void i18n.changeLanguage(language);
            rememberLanguage(language);
          }}
        >
          {names[language]}
        </button>
      ))}
    </div>
  );
}
