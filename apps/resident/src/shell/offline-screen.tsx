import { useTranslation } from 'react-i18next';

/** No answer from the service: plainly what to check, and one button to try again. */
export function OfflineScreen({ onRetry }: { onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="app">
      <main className="main offline">
        <h1>{t('offline.title')}</h1>
        <p>{t('offline.text')}</p>
        <button type="button" className="button button-primary" onClick={onRetry}>
          {t('common.tryAgain')}
        </button>
      </main>
    </div>
  );
}
