import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { Progress } from '../../ui/progress';
import type { ImportRun } from './use-residents-import';

/** Step 3: how many rows the service has taken so far, part by part. */
export function ImportProgress({
  run,
  fileName,
  onStop,
}: {
  run: ImportRun;
  fileName: string;
  onStop: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const share = run.total > 0 ? run.sent / run.total : 0;
  return (
    <section className="card stack-small" aria-labelledby="import-progress-title">
      <div className="row-between">
        <h2 id="import-progress-title">{t('import.importingTitle')}</h2>
        <span className="muted">{t('import.fileName', { name: fileName })}</span>
      </div>
      <Progress label={t('import.progressLabel')} value={share} />
      <p aria-live="polite">
        {t('import.progress', {
          done: format.number(run.sent),
          total: format.number(run.total),
          percent: format.percent(share),
          part: Math.min(run.nextChunk + 1, run.chunks),
          parts: run.chunks,
        })}
      </p>
      {run.retrying ? <p className="notice notice-warning">{t('import.retrying')}</p> : null}
      <div className="row-between">
        <span className="muted">{t('import.keepOpen')}</span>
        <button type="button" className="button" disabled={run.stopping} onClick={onStop}>
          {run.stopping ? t('import.stopping') : t('import.stop')}
        </button>
      </div>
    </section>
  );
}
