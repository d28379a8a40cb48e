import type { LocalizedText } from '@tally/domain/localized-text';
import { useTranslation } from 'react-i18next';
import { Field } from './field';

type Kind = 'name' | 'title' | 'description';

/**
 * A name (or title, or description) in Chinese and in English, side by side. One of the two is
 * enough: readers of the other language see the one given, so nothing is ever guessed.
 */
export function LocalizedFields({
  kind,
  value,
  onChange,
  maxLength,
  error,
  multiline = false,
}: {
  kind: Kind;
  value: LocalizedText;
  onChange: (value: LocalizedText) => void;
  maxLength: number;
  error?: string | undefined;
  multiline?: boolean;
}) {
  const { t } = useTranslation();
  const field = (language: 'zh' | 'en') => (
    <Field
      label={t(`names.${kind}${language === 'zh' ? 'Zh' : 'En'}`)}
      error={language === 'zh' ? error : undefined}
      hint={language === 'en' && kind !== 'description' ? t('names.oneIsEnough') : undefined}
    >
      {(control) =>
        multiline ? (
          <textarea
            {...control}
            className="textarea"
            lang={language === 'zh' ? 'zh-CN' : 'en'}
            maxLength={maxLength}
            value={value[language]}
            onChange={(e) => onChange({ ...value, [language]: e.target.value })}
          />
        ) : (
          <input
            {...control}
            className="input"
            lang={language === 'zh' ? 'zh-CN' : 'en'}
            maxLength={maxLength}
            value={value[language]}
            onChange={(e) => onChange({ ...value, [language]: e.target.value })}
          />
        )
      }
    </Field>
  );
  return (
    <div className="form-grid">
      {field('zh')}
      {field('en')}
    </div>
  );
}

/** Both halves trimmed; a name needs at least one of them. */
export function trimmedText({ zh, en }: LocalizedText): LocalizedText {
  return { zh: zh.trim(), en: en.trim() };
}

export function hasText(text: LocalizedText): boolean {
  return text.zh.trim() !== '' || text.en.trim() !== '';
}
