import './invitations.css';
import { useTranslation } from 'react-i18next';
import type { Invitation, InvitationAnswered, KioskApi } from '../api/kiosk-client';
import { BackIcon } from '../ui/icons';
import { InvitationCard } from './invitation-card';

/**
 * The resident's invitations to join community groups, each answered on its own. The list
 * is the one the banner announced; answered ones say what happened until the resident is done.
 */
export function InvitationsScreen({
  api,
  invitations,
  onAnswered,
  onDone,
}: {
  api: KioskApi;
  invitations: Invitation[];
  onAnswered: (result: InvitationAnswered) => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  return (
    <section className="invitations" aria-labelledby="invitations-title">
      <h1 id="invitations-title">{t('invitations.title')}</h1>
      <p className="lead">
        {invitations.length > 0 ? t('invitations.intro') : t('invitations.none')}
      </p>
      <ul className="invitation-list">
        {invitations.map((invitation) => (
          <InvitationCard
            key={invitation.id}
            api={api}
            invitation={invitation}
            onAnswered={onAnswered}
          />
        ))}
      </ul>
      <div className="actions">
        <button type="button" className="button button-secondary button-huge" onClick={onDone}>
          <BackIcon />
          {t('invitations.done')}
        </button>
      </div>
    </section>
  );
}
