import { type ServiceFlag, serviceFlags } from '@tally/domain/service';
import { useTranslation } from 'react-i18next';

/**
 * The service's review flags, each with a short name and a plain explanation. A flag never
 * blocks an approval; it says where a careful reviewer looks twice.
 */
export function FlagBadges({
  flags,
  explained = true,
}: {
  flags: readonly ServiceFlag[];
  /** Lists show the short name only; the explanation stays in the badge's tooltip. */
  explained?: boolean;
}) {
  const { t } = useTranslation();
  if (flags.length === 0) return null;
  return (
    <ul
      className={explained ? 'flag-list' : 'flag-list flag-list-inline'}
      aria-label={t('flags.label')}
    >
      {flags.map((flag) => (
        <li key={flag}>
          <span className="badge badge-warning" title={t(`flags.${flag}.explanation`)}>
            <span aria-hidden="true">⚑</span> {t(`flags.${flag}.name`)}
          </span>
          {explained ? (
            <span className="flag-explanation">{t(`flags.${flag}.explanation`)}</span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/** What each flag means, for the reviewer who wants to know before deciding. */
export function FlagLegend() {
  const { t } = useTranslation();
  return (
    <details className="card flag-legend">
      <summary>{t('flags.legendTitle')}</summary>
      <dl className="details">
        {serviceFlags.map((flag) => (
          <div key={flag} className="flag-legend-row">
            <dt>
              <span className="badge badge-warning">⚑ {t(`flags.${flag}.name`)}</span>
            </dt>
            <dd>{t(`flags.${flag}.explanation`)}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
