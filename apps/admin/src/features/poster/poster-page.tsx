import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context';
import { useApiQuery } from '../../api/queries';
import { useFormat } from '../../i18n/format';
import { Field } from '../../ui/field';
import { PageHeader } from '../../ui/page-header';
import { ErrorNotice, Loading } from '../../ui/states';
import { usePrintedPage } from '../../ui/use-printed-page';
import { previousMonth, recentMonths } from './poster-layout';
import { type Paper, PosterSheet } from './poster-sheet';
import './poster.css';

const pageSize: Record<Paper, string> = { a4: 'A4 portrait', a3: 'A3 portrait' };

/** The monthly community poster: pick the month and the paper, check the preview, print. */
export function PosterPage() {
  const { t } = useTranslation();
  const api = useApi();
  const format = useFormat();
  const [today] = useState(() => new Date());
  const [month, setMonth] = useState(() => previousMonth(today));
  const [paper, setPaper] = useState<Paper>('a4');
  const poster = useApiQuery('insights.poster', { month }, api.insights.poster.query);
  usePrintedPage(pageSize[paper]);
  const paperName = t(`poster.${paper}`);

  return (
    <>
      <div className="no-print stack">
        <PageHeader title={t('poster.title')} description={t('poster.description')} />
        <div className="card poster-controls">
          <Field label={t('poster.month')}>
            {(control) => (
              <select
                {...control}
                className="select"
                value={month}
                onChange={(event) => setMonth(event.target.value)}
              >
                {recentMonths(today).map((option) => (
                  <option key={option} value={option}>
                    {format.calendarMonth(option)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <fieldset className="plain-fieldset">
            <legend className="field-label">{t('poster.paper')}</legend>
            <div className="segmented">
              {(['a4', 'a3'] as const).map((option) => (
                <label key={option}>
                  <input
                    type="radio"
                    name="poster-paper"
                    value={option}
                    checked={paper === option}
                    onChange={() => setPaper(option)}
                  />
                  {t(`poster.${option}`)}
                </label>
              ))}
            </div>
          </fieldset>
          <div className="poster-print">
            <button
              type="button"
              className="button button-primary"
              disabled={!poster.data}
              onClick={() => window.print()}
            >
              {t('poster.print')}
            </button>
            <span className="muted">{t('poster.printHint', { paper: paperName })}</span>
          </div>
        </div>
        <ErrorNotice error={poster.error} />
        {poster.data && poster.data.minutes === 0 ? (
          <div className="notice notice-warning">
            {t('poster.nothingYet', { month: format.calendarMonth(month) })}
          </div>
        ) : null}
      </div>
      {poster.isPending ? (
        <Loading />
      ) : poster.data ? (
        <div className="poster-desk">
          <PosterSheet poster={poster.data} paper={paper} />
        </div>
      ) : null}
    </>
  );
}
