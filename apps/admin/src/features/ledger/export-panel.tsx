import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ExportFile, exportFiles, fetchExport } from '../../api/download-export';
import { usePlainMutation } from '../../api/queries';
import { useFormat } from '../../i18n/format';
import { currentLanguage } from '../../i18n/i18n';
import { useSessionStore } from '../../session/session-context';
import { saveFile } from '../../ui/save-file';
import { ErrorNotice } from '../../ui/states';
import { useToast } from '../../ui/toast';

const labels = {
  journal: 'exports.journal',
  balances: 'exports.balances',
  'service-records': 'exports.serviceRecords',
} as const satisfies Record<ExportFile, string>;

/** The service's streamed CSV exports (journal, balances, service records), for office and auditors. */
export function ExportPanel() {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>(null);
  return (
    <section className="card export-panel" aria-labelledby="exports-title">
      <div>
        <h2 id="exports-title">{t('exports.title')}</h2>
        <p className="muted">{t('exports.description')}</p>
      </div>
      <ul className="export-list plain-list">
        {exportFiles.map((file) => (
          <ExportItem key={file} file={file} onError={setError} />
        ))}
      </ul>
      {error ? (
        <div className="export-error">
          <ErrorNotice error={error} />
        </div>
      ) : null}
    </section>
  );
}

function ExportItem({ file, onError }: { file: ExportFile; onError: (error: unknown) => void }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const session = useSessionStore();
  const toast = useToast();
  const [bytes, setBytes] = useState(0);
  const lastShown = useRef(0);
  // Writes an audit entry on the service, so the audit log is refreshed afterwards.
  const download = usePlainMutation(
    async () => {
      setBytes(0);
      const { blob, fileName } = await fetchExport({
        file,
        language: currentLanguage(i18n),
        token: session.token(),
        onProgress: (received) => {
          // A large file arrives in thousands of chunks; a few updates a second are enough.
          if (Date.now() - lastShown.current < 200) return;
          lastShown.current = Date.now();
          setBytes(received);
        },
      });
      saveFile(blob, fileName);
      return { fileName, size: blob.size };
    },
    { invalidates: ['audit.list'] },
  );
  const name = t(labels[file]);
  return (
    <li>
      <button
        type="button"
        className="button"
        aria-label={t('exports.downloadLabel', { name })}
        disabled={download.isPending}
        onClick={() => {
          onError(null);
          download.mutate(undefined, {
            onSuccess: ({ fileName, size }) =>
              toast(t('exports.saved', { file: fileName, size: format.megabytes(size) })),
            onError,
          });
        }}
      >
        <span aria-hidden="true">↓</span>
        {download.isPending
          ? t('exports.downloading', { name, size: format.megabytes(bytes) })
          : name}
      </button>
    </li>
  );
}
