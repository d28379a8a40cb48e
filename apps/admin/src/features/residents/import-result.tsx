import { type ImportRow, importColumns } from '@tally/domain/imports';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useFormat } from '../../i18n/format';
import { currentLanguage } from '../../i18n/i18n';
import { saveFile } from '../../ui/save-file';
import { ErrorNotice } from '../../ui/states';
import { csvBlob } from './csv-text';
import { describeImportProblem } from './import-errors';
import { ImportPreviewTable } from './import-preview-table';
import type { ImportRun } from './use-residents-import';

/**
 * What the import did: how many residents were created, and every row that was not, with why
 * (rows refused at the preview and rows the service refused while importing, such as a card
 * taken meanwhile). After a stop or an interruption, the office can go on from there.
 */
export function ImportResult({
  run,
  previewRows,
  onResume,
  onRestart,
}: {
  run: ImportRun;
  previewRows: ImportRow[];
  onResume: () => void;
  onRestart: () => void;
}) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const notImported = rowsNotImported(previewRows, run);
  const notSent = run.total - run.sent;
  const complete = run.status === 'finished';
  const clean = complete && notImported.length === 0;
  const title = complete
    ? t('import.doneTitle')
    : run.status === 'stopped'
      ? t('import.stoppedTitle')
      : t('import.failedTitle');

  const download = () => {
    const language = currentLanguage(i18n) === 'zh' ? 1 : 0;
    const columns = [
      'name',
      'displayName',
      'birthYear',
      'building',
      'cardNumber',
      'showName',
    ] as const;
    const header = [
      t('import.line'),
      ...columns.map((column) => importColumns[column][language]),
      t('import.errorsColumn'),
    ];
    const lines = notImported.map((row) => [
      String(row.line),
      ...columns.map((column) => row.values[column] ?? ''),
      row.errors
        .map((error) => {
          const problem = describeImportProblem(error, t);
          return problem.field
            ? `${problem.field}${t('import.colon')}${problem.message}`
            : problem.message;
        })
        .join('; '),
    ]);
    saveFile(csvBlob([header, ...lines]), t('import.failedFile'));
  };

  return (
    <>
      <section
        className={clean ? 'verdict verdict-ok' : 'card stack-small import-summary'}
        aria-labelledby="import-result-title"
      >
        <h2 id="import-result-title">
          {clean ? <span aria-hidden="true">✓ </span> : null}
          {title}
        </h2>
        <div className="import-counts" role="status">
          <Count
            tone="ready"
            text={t('import.created', {
              count: run.created.length,
              formatted: format.number(run.created.length),
            })}
          />
          {notImported.length > 0 ? (
            <Count
              tone="invalid"
              text={t('import.notImported', {
                count: notImported.length,
                formatted: format.number(notImported.length),
              })}
            />
          ) : null}
          {notSent > 0 ? (
            <Count
              tone="neutral"
              text={t('import.notSent', { count: notSent, formatted: format.number(notSent) })}
            />
          ) : null}
        </div>
        {run.status === 'stopped' ? <p>{t('import.stoppedExplain')}</p> : null}
        {run.status === 'failed' ? (
          <>
            <ErrorNotice error={run.error} />
            <p>{t('import.failedExplain')}</p>
          </>
        ) : null}
        <div className="row">
          {complete ? null : (
            <button type="button" className="button button-primary" onClick={onResume}>
              {t('import.resume')}
            </button>
          )}
          <Link href="/residents" className={complete ? 'button button-primary' : 'button'}>
            {t('import.toResidents')}
          </Link>
          <button type="button" className="button" onClick={onRestart}>
            {t('import.importAnother')}
          </button>
        </div>
      </section>
      {notImported.length > 0 ? (
        <section className="stack-small" aria-labelledby="import-failed-title">
          <div className="row-between">
            <h2 id="import-failed-title">{t('import.failedRows')}</h2>
            <button type="button" className="button" onClick={download}>
              {t('import.downloadFailed')}
            </button>
          </div>
          <ImportPreviewTable rows={notImported} caption={t('import.failedRows')} />
        </section>
      ) : null}
    </>
  );
}

function Count({ tone, text }: { tone: 'ready' | 'invalid' | 'neutral'; text: string }) {
  return <strong className={`import-outcome import-outcome-${tone}`}>{text}</strong>;
}

/** Rows refused by the preview (never sent) and rows the service refused while importing. */
export function rowsNotImported(previewRows: ImportRow[], run: ImportRun): ImportRow[] {
  const byLine = new Map(previewRows.map((row) => [row.line, row]));
  const refused = run.failed.map(({ line, errors }) => ({
    line,
    values: byLine.get(line)?.values ?? { name: '', cardNumber: '', pin: '' },
    errors,
  }));
  return [...previewRows.filter((row) => row.errors.length > 0), ...refused].sort(
    (a, b) => a.line - b.line,
  );
}
