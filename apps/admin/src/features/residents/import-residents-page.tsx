import { describeApiError } from '@tally/client/api-error';
import type { ImportPreview } from '@tally/domain/imports';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useApi } from '../../api/api-context';
import { usePlainMutation } from '../../api/queries';
import { useFormat } from '../../i18n/format';
import { PageHeader } from '../../ui/page-header';
import { Progress } from '../../ui/progress';
import { ErrorNotice } from '../../ui/states';
import { fileProblemsOf, useImportProblems } from './import-errors';
import { ImportFileStep } from './import-file-step';
import { ImportPreviewTable } from './import-preview-table';
import { ImportProgress } from './import-progress';
import { ImportResult } from './import-result';
import { readCsvFile } from './read-csv-file';
import { useResidentsImport } from './use-residents-import';

/**
 * Residents from a CSV file: the service checks every row first (nothing is written), the
 * office sees each row's problems, then the valid rows are imported in chunks with a progress
 * bar, and the result lists every row that was not imported and why.
 */
export function ImportResidentsPage() {
  const { t } = useTranslation();
  const api = useApi();
  const [fileName, setFileName] = useState('');
  const [tooLarge, setTooLarge] = useState(false);
  const preview = usePlainMutation((csv: string) => api.residents.importPreview.mutate({ csv }));
  const importer = useResidentsImport();
  const run = importer.run;

  const chooseFile = async (file: File) => {
    setFileName(file.name);
    setTooLarge(false);
    preview.reset();
    const read = await readCsvFile(file);
    if (read.ok) preview.mutate(read.text);
    else setTooLarge(true);
  };
  const restart = () => {
    importer.reset();
    preview.reset();
    setFileName('');
  };

  return (
    <>
      <PageHeader
        breadcrumb={<Link href="/residents">← {t('nav.residents')}</Link>}
        title={t('import.title')}
        description={t('import.description')}
      />
      {run === null && !preview.data ? (
        <>
          <ImportFileStep busy={preview.isPending} onFile={(file) => void chooseFile(file)} />
          {preview.isPending ? (
            <section className="card stack-small">
              <Progress label={t('import.reading')} />
              <p className="muted" role="status">
                {t('import.fileName', { name: fileName })} · {t('import.reading')}
              </p>
            </section>
          ) : null}
          {tooLarge ? <p className="notice notice-danger">{t('import.tooLarge')}</p> : null}
          <PreviewError error={preview.error} />
        </>
      ) : null}
      {run === null && preview.data ? (
        <PreviewStep
          preview={preview.data}
          fileName={fileName}
          onImport={() =>
            importer.start(
              preview.data.rows
                .filter((row) => row.errors.length === 0)
                .map(({ line, values }) => ({ line, values })),
            )
          }
          onAnotherFile={restart}
        />
      ) : null}
      {run?.status === 'running' ? (
        <ImportProgress run={run} fileName={fileName} onStop={importer.stop} />
      ) : null}
      {run && run.status !== 'running' ? (
        <ImportResult
          run={run}
          previewRows={preview.data?.rows ?? []}
          onResume={importer.resume}
          onRestart={restart}
        />
      ) : null}
    </>
  );
}

/** Step 2: counts, what they mean, the rows, and the button that starts the import. */
function PreviewStep({
  preview,
  fileName,
  onImport,
  onAnotherFile,
}: {
  preview: ImportPreview;
  fileName: string;
  onImport: () => void;
  onAnotherFile: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const rows = preview.rows.length;
  return (
    <>
      <section className="card stack" aria-labelledby="import-preview-title">
        <div className="row-between">
          <h2 id="import-preview-title">{t('import.previewTitle')}</h2>
          <span className="muted">{t('import.fileName', { name: fileName })}</span>
        </div>
        <dl className="import-counts">
          <div className="import-count">
            <dt className="stat-label">{t('import.rows')}</dt>
            <dd className="stat-value">{format.number(rows)}</dd>
          </div>
          <div className="import-count import-count-ready">
            <dt className="stat-label">{t('import.ready')}</dt>
            <dd className="stat-value">{format.number(preview.valid)}</dd>
          </div>
          <div className="import-count import-count-invalid">
            <dt className="stat-label">{t('import.withErrors')}</dt>
            <dd className="stat-value">{format.number(preview.invalid)}</dd>
          </div>
        </dl>
        {preview.valid === 0 ? (
          <p className="notice notice-danger">{t('import.noneValid')}</p>
        ) : preview.invalid > 0 ? (
          <p className="notice notice-warning">{t('import.errorsNote')}</p>
        ) : (
          <p className="notice notice-success">{t('import.allValid')}</p>
        )}
        <div className="row">
          <button
            type="button"
            className="button button-primary"
            disabled={preview.valid === 0}
            onClick={onImport}
          >
            {t('import.start', { count: preview.valid, formatted: format.number(preview.valid) })}
          </button>
          <button type="button" className="button" onClick={onAnotherFile}>
            {t('import.another')}
          </button>
        </div>
      </section>
      <ImportPreviewTable rows={preview.rows} caption={t('import.previewTitle')} />
    </>
  );
}

/**
 * A file the service could not read at all (no header, an unknown column, an unclosed quote):
 * its problems say what to fix, so they are shown rather than a general "not valid".
 */
function PreviewError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const problemOf = useImportProblems();
  if (!error) return null;
  const failure = describeApiError(error);
  if (failure.code !== 'VALIDATION_FAILED' || failure.issues.length > 0) {
    return <ErrorNotice error={error} />;
  }
  const problems = fileProblemsOf(failure.details).map(problemOf);
  if (problems.length === 0) return <ErrorNotice error={error} />;
  return (
    <div className="notice notice-danger" role="alert">
      <strong>
        {t('import.fields.csv')}
        {t('import.colon')}
      </strong>
      <ul className="plain-list">
        {problems.map((problem) => (
          <li key={problem.message}>{problem.message}</li>
        ))}
      </ul>
    </div>
  );
}
