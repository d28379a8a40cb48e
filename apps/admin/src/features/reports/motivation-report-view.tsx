import type { Cell, MotivationReport, ReportInput } from '@tally/domain/reports';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context';
import { useApiQuery } from '../../api/queries';
import { useCategoryLabel } from '../../i18n/category-label';
import { useFormat } from '../../i18n/format';
import { barFraction, cellText, isShown, largestShown, shareOf } from './report-cells';
import { ReportEmpty, ReportFrame, ReportStat } from './report-frame';
import { ShareBar } from './share-bar';
import { TimeBankShare } from './time-bank-share';

export function MotivationReportView({ input }: { input: ReportInput }) {
  const api = useApi();
  const query = useApiQuery('insights.motivation', input, api.insights.motivation.query);
  return <ReportFrame query={query}>{(report) => <Motivation report={report} />}</ReportFrame>;
}

/** The share left over from `share` (the material part of redemptions, the service hours). */
const rest = (share: Cell): Cell => (isShown(share) ? Math.max(0, 1 - share) : share);

function Motivation({ report }: { report: MotivationReport }) {
  const { t } = useTranslation();
  const format = useFormat();
  const number = (cell: Cell) => cellText(cell, format.number);
  const hours = (cell: Cell) =>
    cellText(cell, (h) => t('common.hours', { value: format.hours(h * 60) }));
  const { points, redemptions, steadyWithoutRedeeming: steady } = report;
  if (!isShown(report.earners)) {
    return (
      <ReportEmpty title={t('reports.empty.title')}>{t('reports.empty.motivation')}</ReportEmpty>
    );
  }
  const steadyShare = shareOf(steady.residents, steady.ofParticipants);
  return (
    <>
      <div className="stat-grid">
        <ReportStat label={t('reports.motivation.earners')} value={number(report.earners)} />
        <ReportStat label={t('reports.motivation.earned')} value={number(points.earned)} />
        <ReportStat
          label={t('reports.motivation.redeemers')}
          value={number(redemptions.residents)}
          hint={t('reports.motivation.redemptionsHint', {
            count: isShown(redemptions.count) ? redemptions.count : 5,
            redemptions: number(redemptions.count),
            points: number(redemptions.points),
          })}
        />
        <ReportStat
          label={t('reports.motivation.steady')}
          value={number(steady.residents)}
          hint={t('reports.motivation.steadyHint', {
            participants: number(steady.ofParticipants),
            share: steadyShare === null ? '<5' : format.percent(steadyShare),
          })}
        />
      </div>
      <div className="report-columns-2">
        <section className="card stack-small" aria-labelledby="points-split">
          <h2 id="points-split">{t('reports.motivation.pointsSplit')}</h2>
          <p className="muted">{t('reports.motivation.pointsSplitHint')}</p>
          <ShareBar
            label={t('reports.motivation.pointsSplit')}
            segments={[
              {
                key: 'redeemed',
                label: t('reports.motivation.redeemed'),
                share: points.redeemedShare,
              },
              {
                key: 'donated',
                label: t('reports.motivation.donated'),
                share: points.donatedShare,
              },
              { key: 'held', label: t('reports.motivation.held'), share: points.heldShare },
            ]}
          />
        </section>
        <section className="card stack-small" aria-labelledby="non-material">
          <h2 id="non-material">{t('reports.motivation.nonMaterial')}</h2>
          <p className="muted">{t('reports.motivation.nonMaterialHint')}</p>
          <ShareBar
            label={t('reports.motivation.nonMaterial')}
            segments={[
              {
                key: 'non-material',
                label: t('reports.motivation.nonMaterialPart'),
                share: redemptions.nonMaterialShare,
              },
              {
                key: 'material',
                label: t('reports.motivation.materialPart'),
                share: rest(redemptions.nonMaterialShare),
              },
            ]}
          />
        </section>
      </div>
      <section className="card stack" aria-labelledby="participation-hours">
        <div>
          <h2 id="participation-hours">{t('reports.motivation.participationVsService')}</h2>
          <p className="muted">{t('reports.motivation.participationVsServiceHint')}</p>
        </div>
        <ShareBar
          label={t('reports.motivation.participationVsService')}
          segments={[
            {
              key: 'participation',
              label: t('reports.motivation.participation'),
              share: report.hours.participationShare,
              detail: hours(report.hours.participation),
            },
            {
              key: 'service',
              label: t('reports.motivation.service'),
              share: rest(report.hours.participationShare),
              detail: hours(report.hours.service),
            },
          ]}
        />
        <CategoryHours report={report} />
      </section>
      <TimeBankShare timeBank={report.timeBank} />
    </>
  );
}

/** Hours per category, participation kinds first, as bars in a table (its own text alternative). */
function CategoryHours({ report }: { report: MotivationReport }) {
  const { t } = useTranslation();
  const format = useFormat();
  const categoryLabel = useCategoryLabel();
  const rows = report.hours.byCategory;
  const scale = largestShown(rows.map((row) => row.hours));
  return (
    <div className="table-wrap report-table">
      <table className="table">
        <caption className="visually-hidden">{t('reports.motivation.byCategoryCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('reports.motivation.category')}</th>
            <th scope="col">{t('reports.motivation.kind')}</th>
            <th scope="col" className="number">
              {t('reports.motivation.hours')}
            </th>
            <th scope="col" className="report-bar-column">
              <span className="visually-hidden">{t('reports.motivation.hours')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const fraction = barFraction(row.hours, scale);
            return (
              <tr key={row.category}>
                <th scope="row">{categoryLabel(row.category)}</th>
                <td>{t(`reports.motivation.${row.group}`)}</td>
                <td className="number">{cellText(row.hours, (h) => format.hours(h * 60))}</td>
                <td className="report-bar-column" aria-hidden="true">
                  {fraction === null ? (
                    <span className="report-hidden-mark">&lt;5</span>
                  ) : (
                    <span
                      className={`report-category-bar report-category-${row.group}`}
                      style={{ width: `${fraction * 100}%` }}
                    />
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
