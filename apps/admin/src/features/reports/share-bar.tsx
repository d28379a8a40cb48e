import type { Cell } from '@tally/domain/reports';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { isShown, shareText } from './report-cells';

export type Segment = {
  key: string;
  label: string;
  share: Cell;
  /** The figure beside the share in the legend, e.g. "1,015 h". */
  detail?: string;
};

/**
 * Shares of one whole as a single stacked bar with a legend of the figures. If any share is
 * hidden ("<5") the bar is not drawn at all (the others would give it away) and the legend
 * says "<5". The legend is the text alternative; the bar itself is labelled with all of it.
 */
export function ShareBar({ label, segments }: { label: string; segments: Segment[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const drawable = segments.every((segment) => isShown(segment.share));
  const figure = (segment: Segment) =>
    `${segment.label} ${shareText(segment.share, format.percent)}${segment.detail ? ` (${segment.detail})` : ''}`;
  return (
    <div className="report-share">
      {drawable ? (
        <div
          className="report-share-bar"
          role="img"
          aria-label={`${label}: ${segments.map(figure).join(', ')}`}
        >
          {segments.map((segment, index) => (
            <span
              key={segment.key}
              className={`report-share-part report-tone-${index}`}
              style={{ flexGrow: isShown(segment.share) ? segment.share : 0 }}
            />
          ))}
        </div>
      ) : (
        <p className="muted">{t('reports.hiddenBar')}</p>
      )}
      <ul className="report-share-legend plain-list">
        {segments.map((segment, index) => (
          <li key={segment.key}>
            <span className={`report-key report-tone-${index}`} aria-hidden="true" />
            <span>{segment.label}</span>
            <strong className="number">{shareText(segment.share, format.percent)}</strong>
            {segment.detail ? <span className="muted">{segment.detail}</span> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
