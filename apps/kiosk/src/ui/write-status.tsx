import { useTranslation } from 'react-i18next';
import { defaultRetryPolicy } from '../api/retry-write';
import type { WriteState } from '../api/use-confirmed-write';
import { errorText } from './error-text';

/**
 * Tells the resident what is happening to their confirmed redemption or gift,
 * above all while the network is failing: we are still trying, and they will
 * not pay twice.
 */
export function WriteStatus({ state }: { state: WriteState<unknown> }) {
  const { t } = useTranslation();
  let message: { text: string; detail?: string; tone: 'info' | 'warning' | 'error' } | null = null;
  if (state.status === 'sending') {
    message =
      state.attempt > 1
        ? {
            text: t('sending.retrying'),
            detail: t('sending.attempt', {
              attempt: state.attempt,
              attempts: defaultRetryPolicy.attempts,
            }),
            tone: 'warning',
          }
        : { text: t('sending.sending'), tone: 'info' };
  } else if (state.status === 'unreachable') {
    message = { text: t('sending.unreachable'), tone: 'error' };
  } else if (state.status === 'refused') {
    message = { text: errorText(t, state.failure), tone: 'error' };
  }
  return (
    <div className="write-status" role="status" aria-live="polite">
      {message && (
        <p className={`notice notice-${message.tone}`}>
          {message.text}
          {message.detail && <span className="notice-detail"> {message.detail}</span>}
        </p>
      )}
    </div>
  );
}
