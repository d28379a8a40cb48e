import { formatShortDate } from '@tally/client/format';
import { inLanguage } from '@tally/domain/localized-text';
import { useTranslation } from 'react-i18next';
import type { MyCorrection } from '../api/me-types';
import { usePages } from '../api/use-pages';
import { formatDay } from '../i18n/format';
import { hoursText } from '../i18n/hours';
import type { ScreenProps } from '../routed-screen';
import { Link } from '../router/location';
import { pathOf } from '../router/routes';
import { MoreButton } from '../ui/more-button';
import { ScreenTitle } from '../ui/screen-title';
import { Failure, Loading } from '../ui/status';
import { useLanguage } from '../ui/use-language';

const statusTag = {
  open: 'tag tag-waiting',
  accepted: 'tag',
  declined: 'tag tag-refused',
} as const;

/** The resident's correction requests, each with the office's answer once it has one. */
export function CorrectionsScreen({ api }: ScreenProps) {
  const { t } = useTranslation();
  const pages = usePages('corrections', (cursor) =>
    api.corrections.query({ limit: 20, ...(cursor ? { cursor } : {}) }),
  );
  return (
    <section className="stack">
      <ScreenTitle title={t('corrections.title')} back={pathOf({ name: 'records' })} />
      <Link
        to={pathOf({ name: 'newCorrection', recordId: null })}
        className="button button-primary"
      >
        {t('corrections.new')}
      </Link>
      {pages.loaded && pages.items.length === 0 && (
        <p className="muted">{t('corrections.empty')}</p>
      )}
      <ul className="list">
        {pages.items.map((correction) => (
          <CorrectionCard key={correction.id} correction={correction} />
        ))}
      </ul>
      {pages.loading && <Loading />}
      {pages.error != null && <Failure error={pages.error} onRetry={pages.reload} />}
      {pages.hasMore && !pages.loading && <MoreButton onClick={pages.more} />}
    </section>
  );
}

function CorrectionCard({ correction }: { correction: MyCorrection }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { record, missing } = correction;
  const about = record
    ? t('corrections.aboutRecord', {
        activity: record.activity.title,
        date: formatShortDate(record.startedAt, language),
      })
    : [
        missing?.activityTitle,
        missing?.organization ? inLanguage(missing.organization.name, language) : null,
        missing?.serviceDate ? formatDay(missing.serviceDate, language) : null,
      ]
        .filter(Boolean)
        .join(' · ');
  return (
    <li className="card" data-testid="correction">
      <h2>{t(`corrections.kind.${correction.kind}`)}</h2>
      {about && <p translate="no">{about}</p>}
      <p className={statusTag[correction.status]}>{t(`corrections.status.${correction.status}`)}</p>
      {correction.proposedMinutes !== null && (
        <p>
          {t('corrections.askedFor', { hours: hoursText(t, correction.proposedMinutes, language) })}
        </p>
      )}
      {correction.correctedMinutes !== null && (
        <p>
          {t('corrections.correctedTo', {
            hours: hoursText(t, correction.correctedMinutes, language),
          })}
        </p>
      )}
      {correction.reason && (
        <p className="muted">{t('corrections.yourReason', { reason: correction.reason })}</p>
      )}
      {correction.officeReason && (
        <p>{t('corrections.officeSaid', { reason: correction.officeReason })}</p>
      )}
      <p className="muted">
        {t('corrections.sentOn', { date: formatShortDate(correction.requestedAt, language) })}
      </p>
    </li>
  );
}
