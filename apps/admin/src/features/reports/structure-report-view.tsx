import {
  participationWindows,
  type ReportInput,
  type StructureReport,
} from '@tally/domain/reports';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useApi } from '../../api/api-context';
import { useApiQuery } from '../../api/queries';
import { useFormat } from '../../i18n/format';
import { mayManage } from '../../session/permissions';
import { useUser } from '../../session/session-context';
import { GovernanceTable } from './governance-table';
import { useGroupLabels } from './group-labels';
import { GroupParticipationTable } from './group-participation-table';
import { MonthColumns } from './month-columns';
import { cellText, isShown } from './report-cells';
import { ReportEmpty, ReportFrame, ReportStat } from './report-frame';
import { ShareBar } from './share-bar';
import { campaignAddress, underRepresentedSentence } from './under-represented';

export function StructureReportView({ input }: { input: ReportInput }) {
  const api = useApi();
  const query = useApiQuery('insights.structure', input, api.insights.structure.query);
  return <ReportFrame query={query}>{(report) => <Structure report={report} />}</ReportFrame>;
}

function Structure({ report }: { report: StructureReport }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [windowName, setWindowName] = useState<(typeof participationWindows)[number]>('period');
  const shown = report.windows.find((w) => w.window === windowName) ?? report.windows[0];
  const total = report.windows.find((w) => w.window === 'period')?.total;
  if (!shown || !total) return null;
  if (!isShown(report.participants)) {
    return (
      <ReportEmpty title={t('reports.empty.title')}>{t('reports.empty.structure')}</ReportEmpty>
    );
  }
  const number = (cell: (typeof report)['participants']) => cellText(cell, format.number);
  return (
    <>
      <div className="stat-grid">
        <ReportStat
          label={t('reports.structure.participants')}
          value={number(report.participants)}
          hint={t('reports.structure.ofResidents', {
            residents: number(total.residents),
            rate: cellText(total.rate, format.percent),
          })}
        />
        <ReportStat label={t('reports.structure.new')} value={number(report.newParticipants)} />
        <ReportStat
          label={t('reports.structure.returning')}
          value={number(report.returningParticipants)}
        />
        <ReportStat
          label={t('reports.structure.totalHours')}
          value={cellText(report.concentration.totalHours, (h) => format.hours(h * 60))}
        />
      </div>
      <Callout report={report} />
      <section className="card stack" aria-labelledby="who-takes-part">
        <div className="row-between">
          <h2 id="who-takes-part">{t('reports.structure.whoTakesPart')}</h2>
          <fieldset className="segmented plain-fieldset">
            <legend className="visually-hidden">{t('reports.structure.window')}</legend>
            {participationWindows.map((name) => (
              <label key={name}>
                <input
                  type="radio"
                  name="participation-window"
                  value={name}
                  checked={name === windowName}
                  onChange={() => setWindowName(name)}
                />
                {t(`reports.structure.windows.${name}`)}
              </label>
            ))}
          </fieldset>
        </div>
        <p className="muted">
          {t('reports.structure.windowHint', {
            from: format.calendarDay(shown.from),
            to: format.calendarDay(shown.to),
          })}
        </p>
        <p className="report-legend" aria-hidden="true">
          <span>
            <span className="report-key report-key-residents" />
            {t('reports.structure.residents')}
          </span>
          <span>
            <span className="report-key report-key-participants" />
            {t('reports.structure.tookPart')}
          </span>
        </p>
        <div className="report-columns-2">
          <GroupParticipationTable
            caption={t('reports.structure.byAgeCaption')}
            dimension="age_band"
            groups={shown.byAgeBand}
          />
          <GroupParticipationTable
            caption={t('reports.structure.byBuildingCaption')}
            dimension="building"
            groups={shown.byBuilding}
          />
        </div>
      </section>
      <section className="card stack" aria-labelledby="governance">
        <h2 id="governance">{t('reports.structure.governance')}</h2>
        <p className="muted">{t('reports.structure.governanceHint')}</p>
        <GovernanceTable
          caption={t('reports.structure.governanceByAge')}
          dimension="age_band"
          groups={report.governance.byAgeBand}
        />
        <GovernanceTable
          caption={t('reports.structure.governanceByBuilding')}
          dimension="building"
          groups={report.governance.byBuilding}
        />
      </section>
      <div className="report-columns-2">
        <section className="card stack-small" aria-labelledby="new-by-month">
          <h2 id="new-by-month">{t('reports.structure.newByMonth')}</h2>
          <p className="muted">{t('reports.structure.newByMonthHint')}</p>
          <MonthColumns
            label={t('reports.structure.newByMonthLabel')}
            months={report.newParticipantsByMonth.map((m) => ({
              month: m.month,
              value: m.newParticipants,
            }))}
          />
        </section>
        <Concentration report={report} />
      </div>
    </>
  );
}

function Callout({ report }: { report: StructureReport }) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useGroupLabels();
  const user = useUser();
  const total = report.windows.find((w) => w.window === 'period')?.total;
  if (!total) return null;
  return (
    <section className="card report-callout" aria-labelledby="who-is-missing">
      <h2 id="who-is-missing">{t('reports.callout.title')}</h2>
      {report.underRepresented.length === 0 ? (
        <p>{t('reports.callout.none')}</p>
      ) : (
        <ul className="report-callout-list">
          {report.underRepresented.map((group) => (
            <li key={`${group.dimension}-${group.group}`}>
              {underRepresentedSentence(group, total, { t, format, labels })}{' '}
              {mayManage(user.role) ? (
                <Link
                  href={campaignAddress(group)}
                  aria-label={`${t('reports.callout.startCampaign')}: ${labels.name(group.dimension, group.group)}`}
                >
                  {t('reports.callout.startCampaign')}
                </Link>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Concentration({ report }: { report: StructureReport }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { topParticipants, topShareOfHours, totalHours } = report.concentration;
  const hours = (h: number) => t('common.hours', { value: format.hours(h * 60) });
  const readable = isShown(topParticipants) && isShown(topShareOfHours) && isShown(totalHours);
  return (
    <section className="card stack-small" aria-labelledby="concentration">
      <h2 id="concentration">{t('reports.structure.concentration')}</h2>
      <p>
        {readable
          ? t('reports.structure.concentrationSentence', {
              count: topParticipants,
              people: format.number(topParticipants),
              share: format.percent(topShareOfHours),
              hours: hours(totalHours),
            })
          : t('reports.structure.concentrationHidden')}
      </p>
      <ShareBar
        label={t('reports.structure.concentration')}
        segments={[
          {
            key: 'top',
            label: t('reports.structure.topTenth'),
            share: topShareOfHours,
          },
          {
            key: 'rest',
            label: t('reports.structure.everyoneElse'),
            share: isShown(topShareOfHours) ? Math.max(0, 1 - topShareOfHours) : topShareOfHours,
          },
        ]}
      />
      <p className="muted">{t('reports.structure.concentrationHint')}</p>
    </section>
  );
}
