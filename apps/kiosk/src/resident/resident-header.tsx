import { formatNumber } from '@tally/client/format';
import { useTranslation } from 'react-i18next';
import type { Resident } from '../api/kiosk-client';
import { hoursText } from '../i18n/hours';
import { SignOutIcon } from '../ui/icons';
import { LanguageSwitch } from '../ui/language-switch';
import { useLanguage } from '../ui/use-language';

/** Who is signed in and what they hold, always in view; sign-out one tap away. */
export function ResidentHeader({
  resident,
  onSignOut,
}: {
  resident: Resident;
  onSignOut: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <>
      <p className="resident-name">{t('resident.hello', { name: resident.displayName })}</p>
      <dl className="resident-balance">
        <div>
          <dt>{t('resident.yourPoints')}</dt>
          <dd className="balance-points" data-testid="balance-points">
            {formatNumber(resident.points, language)}
          </dd>
        </div>
        <div>
          <dt>{t('resident.hoursGiven')}</dt>
          <dd>{hoursText(t, resident.minutes, language)}</dd>
        </div>
      </dl>
      <div className="top-actions">
        <LanguageSwitch />
        <button type="button" className="button button-secondary" onClick={onSignOut}>
          <SignOutIcon />
          {t('resident.signOut')}
        </button>
      </div>
    </>
  );
}
