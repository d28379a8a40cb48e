import { formatShortDate } from '@tally/client/format';
import { inLanguage } from '@tally/domain/localized-text';
import { useTranslation } from 'react-i18next';
import type { Invitation, InvitationAnswered, KioskApi } from '../api/kiosk-client';
import { useConfirmedWrite } from '../api/use-confirmed-write';
import { CheckIcon } from '../ui/icons';
import { useLanguage } from '../ui/use-language';
import { WriteStatus } from '../ui/write-status';

/**
 * One invitation: which group, who asked and when, what joining means, and two large
 * answers. The answer carries one idempotency key, so a retry on a flaky network answers once.
 */
export function InvitationCard({
  api,
  invitation,
  onAnswered,
}: {
  api: KioskApi;
  invitation: Invitation;
  onAnswered: (result: InvitationAnswered) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const organization = inLanguage(invitation.organizationName, language);
  const description = inLanguage(invitation.organizationDescription, language);
  const write = useConfirmedWrite<{ answer: 'join' | 'decline' }, InvitationAnswered>(
    (input, signal) =>
      api.answerInvitation.mutate({ ...input, invitationId: invitation.id }, { signal }),
    { onDone: onAnswered },
  );
  const titleId = `invitation-${invitation.id}`;

  if (write.state.status === 'done') {
    const joined = write.state.result.status === 'joined';
    return (
      <li className="invitation-card invitation-answered" aria-labelledby={titleId}>
        <h2 id={titleId}>
          {joined ? <CheckIcon className="icon icon-success" /> : null}
          {joined
            ? t('invitations.joined', { organization })
            : t('invitations.declined', { organization })}
        </h2>
      </li>
    );
  }
  return (
    <li className="invitation-card" aria-labelledby={titleId}>
      <h2 id={titleId}>{organization}</h2>
      {description ? <p className="invitation-description">{description}</p> : null}
      <p className="lead">
        {t('invitations.invitedBy', {
          name: invitation.invitedBy,
          date: formatShortDate(invitation.invitedAt, language),
        })}
      </p>
      <p className="invitation-meaning">{t('invitations.whatJoiningMeans')}</p>
      <div className="actions">
        <button
          type="button"
          className="button button-primary button-huge"
          disabled={write.locked}
          onClick={() => write.confirm({ answer: 'join' })}
        >
          <CheckIcon />
          {t('invitations.join')}
        </button>
        <button
          type="button"
          className="button button-secondary button-huge"
          disabled={write.locked}
          onClick={() => write.confirm({ answer: 'decline' })}
        >
          {t('invitations.decline')}
        </button>
      </div>
      <WriteStatus state={write.state} />
    </li>
  );
}
