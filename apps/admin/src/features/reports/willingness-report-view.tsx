import {
  type Cell,
  RETURN_WITHIN_DAYS,
  type ReportInput,
  type WillingnessReport,
} from '@tally/domain/reports';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context';
import { useApiQuery } from '../../api/queries';
import { useFormat } from '../../i18n/format';
import { barFraction, cellText, isShown } from './report-cells';
import { ReportEmpty, ReportFrame, ReportStat } from './report-frame';

export function WillingnessReportView({ input }: { input: ReportInput }) {
  const api = useApi();
  const query = useApiQuery('insights.willingness', input, api.insights.willingness.query);
  return <ReportFrame query={query}>{(report) => <Willingness report={report} />}</ReportFrame>;
}

function Willingness({ report }: { report: WillingnessReport }) {
  const { t } = useTranslation();
  const format = useFormat();
  const number = (cell: Cell) => cellText(cell, format.number);
  const { funnel, firstStepsInPeriod: first } = report;
  if (!isShown(funnel.servedOnce)) {
    return (
      <ReportEmpty title={t('reports.empty.title')}>{t('reports.empty.willingness')}</ReportEmpty>
    );
  }
  return (
    <>
      <section className="card stack" aria-labelledby="funnel">
        <div>
          <h2 id="funnel">{t('reports.willingness.funnel')}</h2>
          <p className="muted">
            {t('reports.willingness.funnelHint', { days: RETURN_WITHIN_DAYS })}
          </p>
        </div>
        <Funnel
          steps={[
            {
              key: 'residents',
              label: t('reports.willingness.residents'),
              value: funnel.residents,
            },
            {
              key: 'once',
              label: t('reports.willingness.servedOnce'),
              value: funnel.servedOnce,
              rate: t('reports.willingness.ofResidents', {
                rate: cellText(funnel.firstStepRate, format.percent),
              }),
            },
            {
              key: 'again',
              label: t('reports.willingness.servedAgain', { days: RETURN_WITHIN_DAYS }),
              value: funnel.servedAgainWithin90Days,
              rate: t('reports.willingness.ofFirstTimers', {
                rate: cellText(funnel.secondStepRate, format.percent),
              }),
            },
          ]}
          label={t('reports.willingness.funnel')}
        />
      </section>
      <div className="stat-grid">
        <ReportStat
          label={t('reports.willingness.firstSteps')}
          value={number(first.residents)}
          hint={t('reports.willingness.firstStepsHint')}
        />
        <ReportStat
          label={t('reports.willingness.cameBack', { days: RETURN_WITHIN_DAYS })}
          value={number(first.servedAgainWithin90Days)}
          hint={t('reports.willingness.cameBackHint')}
        />
        <ReportStat
          label={t('reports.willingness.stillWithin', { days: RETURN_WITHIN_DAYS })}
          value={number(first.stillWithin90Days)}
          hint={t('reports.willingness.stillWithinHint')}
        />
        <ReportStat
          label={t('reports.willingness.cardToFirst')}
          value={
            isShown(report.medianDaysCardToFirstService)
              ? t('reports.willingness.days', {
                  count: report.medianDaysCardToFirstService,
                  days: format.number(report.medianDaysCardToFirstService),
                })
              : '<5'
          }
          hint={t('reports.willingness.cardToFirstHint')}
        />
      </div>
    </>
  );
}

type Step = { key: string; label: string; value: Cell; rate?: string };

/**
 * The funnel as an ordered list of steps, each bar as long as its share of the first step. The
 * list's text carries every figure; the bars are decoration.
 */
function Funnel({ steps, label }: { steps: Step[]; label: string }) {
  const format = useFormat();
  const first = steps[0];
  const scale = first && isShown(first.value) ? first.value : 0;
  return (
    <ol className="report-funnel plain-list" aria-label={label}>
      {steps.map((step) => {
        const fraction = barFraction(step.value, scale);
        return (
          <li key={step.key} className="report-funnel-step">
            <span className="report-funnel-label">{step.label}</span>
            <span className="report-funnel-track" aria-hidden="true">
              {fraction === null ? (
                <span className="report-hidden-mark">&lt;5</span>
              ) : (
                <span className="report-funnel-bar" style={{ width: `${fraction * 100}%` }} />
              )}
            </span>
            <strong className="report-funnel-value number">
              {cellText(step.value, format.number)}
            </strong>
            <span className="muted report-funnel-rate">{step.rate ?? ''}</span>
          </li>
        );
      })}
    </ol>
  );
}
