import type { GroupParticipation } from '@tally/domain/reports';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import type { GroupDimension } from './group-labels';
import { useGroupLabels } from './group-labels';
import { barFraction, cellText, isShown, largestShown } from './report-cells';

/**
 * Residents and participants per group as a table whose last column draws them: the light bar
 * is the group's residents, the dark part those who took part. The table is the chart's text
 * alternative; the bars are decoration for sighted readers. A hidden figure gets no bar.
 */
export function GroupParticipationTable({
  caption,
  dimension,
  groups,
}: {
  caption: string;
  dimension: GroupDimension;
  groups: GroupParticipation[];
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useGroupLabels();
  const scale = largestShown(groups.map((group) => group.residents));
  return (
    <div className="table-wrap report-table report-group-table">
      <table className="table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t(`reports.structure.${dimension}`)}</th>
            <th scope="col" className="number">
              {t('reports.structure.residents')}
            </th>
            <th scope="col" className="number">
              {t('reports.structure.tookPart')}
            </th>
            <th scope="col" className="number">
              {t('reports.structure.rate')}
            </th>
            <th scope="col" className="report-bar-column">
              <span className="visually-hidden">{t('reports.structure.drawing')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {groups.map((group) => (
            <tr key={group.group}>
              <th scope="row">{labels.name(dimension, group.group)}</th>
              <td className="number">{cellText(group.residents, format.number)}</td>
              <td className="number">{cellText(group.participants, format.number)}</td>
              <td className="number">{cellText(group.rate, format.percent)}</td>
              <td className="report-bar-column" aria-hidden="true">
                <GroupBar group={group} scale={scale} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function GroupBar({ group, scale }: { group: GroupParticipation; scale: number }) {
  const residents = barFraction(group.residents, scale);
  if (residents === null) return <span className="report-hidden-mark">&lt;5</span>;
  const tookPart =
    isShown(group.participants) && isShown(group.residents) && group.residents > 0
      ? group.participants / group.residents
      : null;
  return (
    <span className="report-group-bar" style={{ width: `${residents * 100}%` }}>
      {tookPart === null ? null : (
        <span className="report-group-fill" style={{ width: `${tookPart * 100}%` }} />
      )}
    </span>
  );
}
