import { inLanguage } from '@tally/domain/localized-text';
import { useTranslation } from 'react-i18next';
import type { Invitation } from '../api/kiosk-client';
import { MailIcon, NextIcon } from '../ui/icons';
import { useLanguage } from '../ui/use-language';

/**
 * A resident with invitations waiting sees them announced on every main screen, with one
 * large button to open them. It never blocks: the resident may redeem or give first.
 */
export function InvitationBanner({
  invitations,
  onOpen,
}: {
  invitations: Invitation[];
  onOpen: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [first] = invitations;
  if (!first) return null;
  return (
    <aside className="invitation-banner" aria-labelledby="invitation-banner-text">
      <MailIcon className="icon invitation-banner-icon" />
      <p id="invitation-banner-text">
        {invitations.length === 1
          ? t('invitations.banner', {
              organization: inLanguage(first.organizationName, language),
            })
          : t('invitations.bannerMany', { count: invitations.length })}
      </p>
      <span className="invitation-count" aria-hidden="true">
        {invitations.length}
      </span>
      <button type="button" className="button button-primary" onClick={onOpen}>
        {t('invitations.see')}
        <NextIcon />
      </button>
    </aside>
  );
}
