import { useTranslation } from 'react-i18next';
import { formatTime } from '../i18n/format';
import { useLanguage } from '../ui/use-language';
import { isOfficeLock } from './identify-error';

/**
 * A locked card is a state, not an error on a live PIN pad: the resident reads when it opens
 * again and who can reset the PIN, and has one way on, back to the start.
 */
export function LockedCard({
  card,
  lockedUntil,
  onHome,
}: {
  card: string;
  lockedUntil: string | null;
  onHome: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const byOffice = !lockedUntil || isOfficeLock(lockedUntil);
  return (
    <section className="locked-card" aria-labelledby="locked-title">
      <p className="locked-symbol" aria-hidden="true">
        🔒
      </p>
      <h1 id="locked-title">{t('identify.lockedTitle', { card })}</h1>
      <p className="lead locked-when">
        {byOffice
          ? t('identify.lockedByOffice')
          : t('identify.locked', { time: formatTime(lockedUntil, language) })}
      </p>
      <p className="lead">{t('identify.lockedReset')}</p>
      <button type="button" className="button button-primary button-huge" onClick={onHome}>
        {t('identify.lockedHome')}
      </button>
    </section>
  );
}
