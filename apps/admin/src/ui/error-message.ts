import { describeApiError } from '@tally/client/api-error';
import { useTranslation } from 'react-i18next';

/**
 * Turns a failed call into a sentence: our translation for the domain code when we have
 * one, otherwise the service's own message (it is written for people too).
 */
export function useErrorMessage(): (error: unknown) => string {
  const { t, i18n } = useTranslation();
  return (error) => {
    const failure = describeApiError(error);
    if (failure.code === null) return t('errors.NETWORK');
    if (failure.code === 'VALIDATION_FAILED' && failure.issues.length > 0) {
      const issues = failure.issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
      return `${t('errors.VALIDATION_FAILED')} ${issues}`;
    }
    const key = `errors.${failure.code}`;
    if (i18n.exists(key)) return t(key as 'errors.INTERNAL', failure.details);
    return failure.message;
  };
}
