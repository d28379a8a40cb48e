import { type ApiFailure, describeApiError } from '@tally/client/api-error';
import { useTranslation } from 'react-i18next';
import { errorText } from './error-text';

/** While a read is on its way; a polite live region, so a screen reader hears it finish. */
export function Loading() {
  const { t } = useTranslation();
  return (
    <p className="muted" role="status">
      {t('common.loading')}
    </p>
  );
}

/** Why something failed, in words, with a way to try again. */
export function Failure({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="stack">
      <p className="notice notice-error" role="alert">
        {errorText(t, describeApiError(error))}
      </p>
      {onRetry && (
        <button type="button" className="button button-quiet" onClick={onRetry}>
          {t('common.tryAgain')}
        </button>
      )}
    </div>
  );
}

/** What the service said to a write, or that no answer came; nothing while all is well. */
export function ActionProblem({ state }: { state: { status: string; failure?: ApiFailure } }) {
  const { t } = useTranslation();
  if (state.status !== 'failed' || !state.failure) return null;
  return (
    <p className="notice notice-error" role="alert">
      {errorText(t, state.failure)}
    </p>
  );
}
