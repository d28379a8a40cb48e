import { type ImportColumn, importColumns, requiredImportColumns } from '@tally/domain/imports';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n/i18n';
import { Badge } from '../../ui/badge';
import { saveFile } from '../../ui/save-file';
import { csvBlob } from './csv-text';

const columnNotes = {
  name: null,
  displayName: 'residents.displayNameHint',
  birthYear: 'import.birthYearColumn',
  building: null,
  cardNumber: 'residents.cardHint',
  pin: 'import.pinColumn',
  showName: 'import.showNameColumn',
} as const satisfies Record<ImportColumn, string | null>;

/** Step 1: the file (chosen or dropped), what its columns may be, and an empty template. */
export function ImportFileStep({ busy, onFile }: { busy: boolean; onFile: (file: File) => void }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [dragging, setDragging] = useState(false);
  const language = currentLanguage(i18n);
  const columns = Object.keys(importColumns) as ImportColumn[];
  const required = (column: ImportColumn) =>
    (requiredImportColumns as readonly ImportColumn[]).includes(column);
  // The template's header is in the page's language; either language reads back the same.
  const header = columns.map((column) => importColumns[column][language === 'zh' ? 1 : 0]);

  return (
    <section className="card stack" aria-labelledby="import-file-title">
      <h2 id="import-file-title">{t('import.chooseTitle')}</h2>
      {/* Dropping a file is a shortcut; the button (a real file input) does the same. */}
      {/* biome-ignore lint/a11y/noStaticElementInteractions: the drop target is a mouse shortcut */}
      <div
        className="drop-zone"
        data-dragging={dragging}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(event) => {
          event.preventDefault();
          setDragging(false);
          const file = event.dataTransfer.files[0];
          if (file && !busy) onFile(file);
        }}
      >
        <input
          id={id}
          className="visually-hidden"
          type="file"
          accept=".csv,text/csv"
          aria-describedby={`${id}-hint`}
          disabled={busy}
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) onFile(file);
            // Choosing the same file again (after fixing it) must fire again.
            event.target.value = '';
          }}
        />
        <label htmlFor={id} className="button button-primary" aria-disabled={busy}>
          {t('import.file')}
        </label>
        <span className="muted">{t('import.drop')}</span>
      </div>
      <p id={`${id}-hint`} className="field-hint">
        {t('import.fileHint')}
      </p>
      <div className="stack-small">
        <div className="row-between">
          <h3>{t('import.columnsTitle')}</h3>
          <button
            type="button"
            className="button button-small"
            onClick={() => saveFile(csvBlob([header]), t('import.templateFile'))}
          >
            {t('import.template')}
          </button>
        </div>
        <div className="table-wrap">
          <table className="table columns-table">
            <thead>
              <tr>
                <th scope="col">{t('import.columnEn')}</th>
                <th scope="col">{t('import.columnZh')}</th>
                <th scope="col">{t('import.needed')}</th>
                <th scope="col">{t('import.format')}</th>
              </tr>
            </thead>
            <tbody>
              {columns.map((column) => {
                const note = columnNotes[column];
                return (
                  <tr key={column}>
                    <td>
                      <code>{importColumns[column][0]}</code>
                    </td>
                    <td>
                      <code>{importColumns[column].slice(1).join(' / ')}</code>
                    </td>
                    <td>
                      {required(column) ? (
                        <Badge tone="info">{t('import.required')}</Badge>
                      ) : (
                        <span className="muted">{t('import.optional')}</span>
                      )}
                    </td>
                    <td className="muted">{note ? t(note) : '—'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </div>
    </section>
  );
}
