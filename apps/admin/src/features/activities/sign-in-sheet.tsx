import { QrCode } from '@tally/client/qr-code';
import type { AttendanceEntry, StaffActivity } from '@tally/domain/activities';
import { useTranslation } from 'react-i18next';
import { useLocalizedName } from '../../i18n/localized-name';
import { useActivityWhen } from './activity-labels';
import type { ActivityLinks } from './activity-poster-sheet';

/** A sheet holds this many lines: those signed up, then empty ones for walk-ins. */
const LINES = 22;

/**
 * The paper sign-in sheet for the door, should the phone fail: everyone holding a place, then
 * empty lines for walk-ins, each with times in and out and a signature; the door page's QR code
 * in the corner.
 */
export function SignInSheet({
  activity,
  entries,
  links,
}: {
  activity: StaffActivity;
  entries: readonly AttendanceEntry[];
  links: ActivityLinks;
}) {
  const { t } = useTranslation();
  const inLanguage = useLocalizedName();
  const when = useActivityWhen();
  const title = inLanguage(activity.title);
  const holding = entries
    .filter((entry) => entry.signUp === 'signed_up')
    .sort((a, b) => a.resident.cardNumber.localeCompare(b.resident.cardNumber));
  const blanks = Math.max(LINES - holding.length, 4);
  return (
    <article
      className="activity-sheet sign-in-sheet"
      aria-label={t('activities.signInSheet.label', { title })}
    >
      <div className="activity-sheet-page">
        <header className="sign-in-head">
          <div>
            <h2 className="sign-in-title" translate="no">
              {title}
            </h2>
            <p>
              {when(activity)}
              {t('activities.separator')}
              <span translate="no">{activity.place}</span>
              {t('activities.separator')}
              {inLanguage(activity.organization.name)}
            </p>
          </div>
          <figure>
            <QrCode text={links.door} label={t('activities.poster.doorQr', { title })} />
            <figcaption>{t('activities.poster.door')}</figcaption>
          </figure>
        </header>
        <table className="sign-in-table">
          <thead>
            <tr>
              <th scope="col">{t('activities.signInSheet.number')}</th>
              <th scope="col">{t('activities.resident')}</th>
              <th scope="col">{t('activities.signInSheet.card')}</th>
              <th scope="col">{t('activities.signInSheet.in')}</th>
              <th scope="col">{t('activities.signInSheet.out')}</th>
              <th scope="col">{t('activities.signInSheet.signature')}</th>
            </tr>
          </thead>
          <tbody>
            {holding.map((entry, index) => (
              <tr key={entry.resident.id}>
                <td>{index + 1}</td>
                <td translate="no">{entry.resident.name}</td>
                <td className="mono">{entry.resident.cardNumber}</td>
                <td />
                <td />
                <td />
              </tr>
            ))}
            {Array.from({ length: blanks }, (_, index) => (
              <tr key={`blank-${index}`}>
                <td>{holding.length + index + 1}</td>
                <td />
                <td />
                <td />
                <td />
                <td />
              </tr>
            ))}
          </tbody>
        </table>
        <footer className="activity-sheet-foot">{t('activities.signInSheet.foot')}</footer>
      </div>
    </article>
  );
}
