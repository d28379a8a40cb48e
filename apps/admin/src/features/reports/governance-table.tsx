import { type GovernanceGroup, governanceActs } from '@tally/domain/reports';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { type GroupDimension, useGroupLabels } from './group-labels';
import { cellText } from './report-cells';

/**
 * Residents of each group who took part in governance in the period, by way of taking part
 * (raising, supporting, a meeting, a vote) and in any of them, with the rate. Hidden small
 * groups read "<5" like every report cell.
 */
export function GovernanceTable({
  caption,
  dimension,
  groups,
}: {
  caption: string;
  dimension: GroupDimension;
  groups: GovernanceGroup[];
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useGroupLabels();
  return (
    <div className="table-wrap report-table">
      <table className="table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t(`reports.structure.${dimension}`)}</th>
            <th scope="col" className="number">
              {t('reports.structure.residents')}
            </th>
            {governanceActs.map((act) => (
              <th key={act} scope="col" className="number">
                {t(`reports.structure.${act}`)}
              </th>
            ))}
            <th scope="col" className="number">
              {t('reports.structure.anyOfThese')}
            </th>
            <th scope="col" className="number">
              {t('reports.structure.rate')}
            </th>
          </tr>
        </thead>
        <tbody>
          {groups.map((group) => (
            <tr key={group.group}>
              <th scope="row">{labels.name(dimension, group.group)}</th>
              <td className="number">{cellText(group.residents, format.number)}</td>
              {governanceActs.map((act) => (
                <td key={act} className="number">
                  {cellText(group[act], format.number)}
                </td>
              ))}
              <td className="number">{cellText(group.tookPart, format.number)}</td>
              <td className="number">{cellText(group.rate, format.percent)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
