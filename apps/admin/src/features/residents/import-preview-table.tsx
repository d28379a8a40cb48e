import type { ImportRow } from '@tally/domain/imports';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { Badge } from '../../ui/badge';
import { useImportProblems } from './import-errors';

type Showing = 'errors' | 'all';

// The words the service takes for consent (see @tally/domain/imports); anything else is shown
// as written, beside its error.
const yesWords = ['true', 'yes', 'y', '1', '是'];
const noWords = ['false', 'no', 'n', '0', '否'];

/**
 * The rows of a residents file with what is wrong with each. A file may hold thousands of
 * rows: the table shows a page at a time and, when some rows have errors, starts with those.
 */
export function ImportPreviewTable({
  rows,
  caption,
  pageSize = 100,
}: {
  rows: ImportRow[];
  caption: string;
  pageSize?: number;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const problemsOf = useImportProblems();
  const name = useId();
  const invalid = rows.filter((row) => row.errors.length > 0);
  const mixed = invalid.length > 0 && invalid.length < rows.length;
  const [showing, setShowing] = useState<Showing>(invalid.length > 0 ? 'errors' : 'all');
  const [limit, setLimit] = useState(pageSize);
  const shown = showing === 'errors' ? invalid : rows;
  const page = shown.slice(0, limit);
  const consent = (text: string | undefined) => {
    const word = text?.toLowerCase();
    if (word === undefined) return '—';
    if (yesWords.includes(word)) return t('common.yes');
    if (noWords.includes(word)) return t('common.no');
    return text;
  };

  return (
    <div className="stack-small">
      {mixed ? (
        <fieldset className="plain-fieldset">
          <legend className="visually-hidden">{t('import.showLabel')}</legend>
          <div className="segmented">
            {(['errors', 'all'] as const).map((choice) => (
              <label key={choice}>
                <input
                  type="radio"
                  name={name}
                  value={choice}
                  checked={showing === choice}
                  onChange={() => {
                    setShowing(choice);
                    setLimit(pageSize);
                  }}
                />
                {choice === 'errors'
                  ? t('import.showErrors', { formatted: format.number(invalid.length) })
                  : t('import.showAll', { formatted: format.number(rows.length) })}
              </label>
            ))}
          </div>
        </fieldset>
      ) : null}
      <div className="table-wrap">
        <table className="table import-table">
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col" className="number">
                {t('import.line')}
              </th>
              <th scope="col">{t('import.status')}</th>
              <th scope="col">{t('import.fields.name')}</th>
              <th scope="col">{t('import.fields.cardNumber')}</th>
              <th scope="col">{t('import.fields.building')}</th>
              <th scope="col">{t('import.fields.birthYear')}</th>
              <th scope="col">{t('import.fields.showName')}</th>
              <th scope="col">{t('import.problems')}</th>
            </tr>
          </thead>
          <tbody>
            {page.map((row) => (
              <tr key={row.line} className={row.errors.length > 0 ? 'row-invalid' : undefined}>
                <td className="number">{row.line}</td>
                <td>
                  {row.errors.length === 0 ? (
                    <Badge tone="success">{t('import.ok')}</Badge>
                  ) : (
                    <Badge tone="danger">
                      {t('import.problemCount', { count: row.errors.length })}
                    </Badge>
                  )}
                </td>
                <td>
                  {row.values.name || '—'}
                  {row.values.displayName && row.values.displayName !== row.values.name ? (
                    <div className="muted">{row.values.displayName}</div>
                  ) : null}
                </td>
                <td className="mono">{row.values.cardNumber || '—'}</td>
                <td>{row.values.building ?? '—'}</td>
                <td>{row.values.birthYear ?? '—'}</td>
                <td>{consent(row.values.showName)}</td>
                <td>
                  {row.errors.length === 0 ? (
                    <span className="muted">—</span>
                  ) : (
                    <ul className="plain-list problem-list">
                      {row.errors.map((error, index) => {
                        const problem = problemsOf(error);
                        return (
                          // A row's problems keep their order; two may read the same.
                          <li key={index}>
                            {problem.field ? (
                              <strong>
                                {problem.field}
                                {t('import.colon')}
                              </strong>
                            ) : null}
                            {problem.message}
                          </li>
                        );
                      })}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {shown.length === 0 ? <p className="empty">{t('import.noErrors')}</p> : null}
        {shown.length > page.length ? (
          <div className="table-footer row-between">
            <span className="muted">
              {t('import.showing', {
                shown: format.number(page.length),
                total: format.number(shown.length),
              })}
            </span>
            <button type="button" className="button" onClick={() => setLimit(limit + pageSize)}>
              {t('import.showMore')}
            </button>
          </div>
        ) : null}
      </div>
    </div>
  );
}
