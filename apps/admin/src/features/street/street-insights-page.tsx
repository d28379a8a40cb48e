import { ageBandLabels, ageBands } from '@tally/domain/age-bands';
import { type Cell, DORMANT_AFTER_DAYS } from '@tally/domain/reports';
import type { CommunityFigures } from '@tally/domain/street';
import { useTranslation } from 'react-i18next';
import { useLocation, useSearch } from 'wouter';
import { useApi } from '../../api/api-context';
import { useApiQuery } from '../../api/queries';
import { useFormat } from '../../i18n/format';
import { currentLanguage } from '../../i18n/i18n';
import { useLocalizedName } from '../../i18n/localized-name';
import { Field } from '../../ui/field';
import { PageHeader } from '../../ui/page-header';
import { Empty, ErrorNotice, Loading } from '../../ui/states';
import { cellText, shareText } from '../reports/report-cells';
import { servicePreset } from '../reports/report-filters';

type Period = keyof typeof servicePreset;
const periods = Object.keys(servicePreset) as Period[];

/** One line of the table: a figure's name, and how to show it for one community. */
type Figure = { id: string; label: string; value: (community: CommunityFigures) => string };
type FigureGroup = { id: string; title: string; figures: Figure[] };

/**
 * The street's communities side by side, one column each, over one period (kept in the address
 * as in the reports): the headline figures of every participation report, "<5" as they give it.
 */
export function StreetInsightsPage() {
  const { t } = useTranslation();
  const api = useApi();
  const inLanguage = useLocalizedName();
  const format = useFormat();
  const [location, navigate] = useLocation();
  const asked = new URLSearchParams(useSearch()).get('period');
  const period: Period = periods.find((each) => each === asked) ?? '365d';
  const insights = useApiQuery(
    'street.insights',
    { last: servicePreset[period] },
    api.street.insights.query,
  );
  const groups = useFigureGroups(insights.data?.communities ?? []);
  const communities = insights.data?.communities ?? [];
  const first = communities[0];

  return (
    <>
      <PageHeader
        title={t('street.insights.title')}
        description={t('street.insights.description')}
      />
      <search className="filters card report-filters" aria-label={t('reports.filters.label')}>
        <Field label={t('street.insights.period')}>
          {(control) => (
            <select
              {...control}
              className="select"
              value={period}
              onChange={(event) =>
                navigate(`${location}?period=${event.target.value}`, { replace: true })
              }
            >
              {periods.map((each) => (
                <option key={each} value={each}>
                  {t(`reports.filters.presets.${each}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {first ? (
          <p className="muted" data-testid="insights-period">
            {t('street.insights.periodRange', {
              from: format.calendarDay(first.period.from),
              to: format.calendarDay(first.period.to),
            })}
          </p>
        ) : null}
      </search>
      <ErrorNotice error={insights.error} />
      {insights.isPending ? (
        <Loading />
      ) : communities.length === 0 ? (
        <Empty>{t('street.insights.description')}</Empty>
      ) : (
        <div className="card table-wrap">
          <table className="table street-insights">
            <caption className="visually-hidden">{t('street.insights.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('street.insights.figure')}</th>
                {communities.map((community) => (
                  <th key={community.id} scope="col" className="number" translate="no">
                    {inLanguage(community.name)}
                    {community.active ? null : (
                      <span className="muted"> {t('street.insights.closedNote')}</span>
                    )}
                  </th>
                ))}
              </tr>
            </thead>
            {groups.map((group) => (
              <tbody key={group.id}>
                <tr className="table-group">
                  <th scope="rowgroup" colSpan={communities.length + 1}>
                    {group.title}
                  </th>
                </tr>
                {group.figures.map((figure) => (
                  <tr key={figure.id} data-figure={figure.id}>
                    <th scope="row">{figure.label}</th>
                    {communities.map((community) => (
                      <td key={community.id} className="number">
                        {figure.value(community)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            ))}
          </table>
        </div>
      )}
    </>
  );
}

function useFigureGroups(communities: CommunityFigures[]): FigureGroup[] {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const language = currentLanguage(i18n);
  const count = (cell: Cell) => cellText(cell, format.number);
  const share = (cell: Cell) => shareText(cell, format.percent);
  // Age bands in their usual order, those any community reports.
  const bands = ageBands.filter((band) =>
    communities.some((community) => community.byAgeBand.some((each) => each.group === band)),
  );
  const band = (community: CommunityFigures, group: string) =>
    community.byAgeBand.find((each) => each.group === group);
  return [
    {
      id: 'structure',
      title: t('street.insights.groups.structure'),
      figures: [
        {
          id: 'residents',
          label: t('street.insights.residents'),
          value: (c) => count(c.participation.residents),
        },
        {
          id: 'participants',
          label: t('street.insights.participants'),
          value: (c) => count(c.participation.participants),
        },
        {
          id: 'participationRate',
          label: t('street.insights.participationRate'),
          value: (c) => share(c.participation.rate),
        },
        ...bands.map((group) => ({
          id: `age-${group}`,
          label: t('street.insights.ageBand', { band: ageBandLabels[group][language] }),
          value: (c: CommunityFigures) => {
            const found = band(c, group);
            return found ? count(found.participants) : '—';
          },
        })),
      ],
    },
    {
      id: 'willingness',
      title: t('street.insights.groups.willingness'),
      figures: [
        {
          id: 'firstStepRate',
          label: t('street.insights.firstStepRate'),
          value: (c) => share(c.firstStepRate),
        },
        {
          id: 'secondStepRate',
          label: t('street.insights.secondStepRate'),
          value: (c) => share(c.secondStepRate),
        },
      ],
    },
    {
      id: 'organizations',
      title: t('street.insights.groups.organizations'),
      figures: [
        {
          id: 'organizations',
          label: t('street.insights.organizations'),
          value: (c) => format.number(c.organizations),
        },
        {
          id: 'dormantOrganizations',
          label: t('street.insights.dormantOrganizations', { days: DORMANT_AFTER_DAYS }),
          value: (c) => format.number(c.dormantOrganizations),
        },
      ],
    },
    {
      id: 'governance',
      title: t('street.insights.groups.governance'),
      figures: [
        {
          id: 'governanceTookPart',
          label: t('street.insights.governanceTookPart'),
          value: (c) => count(c.governance.tookPart),
        },
        {
          id: 'governanceRate',
          label: t('street.insights.governanceRate'),
          value: (c) => share(c.governance.rate),
        },
      ],
    },
    {
      id: 'motivation',
      title: t('street.insights.groups.motivation'),
      figures: [
        {
          id: 'redeemedShare',
          label: t('street.insights.redeemedShare'),
          value: (c) => share(c.redeemedShare),
        },
        {
          id: 'exchanges',
          label: t('street.insights.exchanges'),
          value: (c) => count(c.timeBank.exchanges),
        },
        {
          id: 'helpers',
          label: t('street.insights.helpers'),
          value: (c) => count(c.timeBank.helpers),
        },
        {
          id: 'exchangedHours',
          label: t('street.insights.exchangedHours'),
          value: (c) => count(c.timeBank.exchangedHours),
        },
      ],
    },
  ];
}
