import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { momentText } from '../activities/activity-words';
import type { ResidentPoll } from '../api/me-types';
import { useLanguage } from '../ui/use-language';
import { PollHeading } from './poll-heading';
import { myVoteText } from './vote-words';

/**
 * One poll: its question, when it closes, secret or open, and where the resident stands: may
 * vote, has voted (never what, in a secret ballot), may change it, or is not asked.
 */
export function PollCard({
  poll,
  onVote,
  children,
}: {
  poll: ResidentPoll;
  onVote?: () => void;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const when = momentText(t, poll.state === 'scheduled' ? poll.opensAt : poll.closesAt, language);
  const open = poll.state === 'open';
  const questionId = useId();
  return (
    <li className="card" data-testid="poll-card">
      <PollHeading poll={poll} id={questionId} />
      <p>
        {poll.state === 'scheduled'
          ? t('votes.opens', { when })
          : open
            ? t('votes.closes', { when })
            : t('votes.closed', { when })}
      </p>
      <p className="muted">
        {poll.secret ? t('votes.secret') : t('votes.open')}
        {poll.changeable && open ? ` · ${t('votes.changeable')}` : ''}
      </p>
      {poll.voted && (
        <p className="notice notice-success" data-testid="my-vote">
          ✓ {myVoteText(t, poll, poll.myOptionId, language)}
        </p>
      )}
      {open && !poll.eligible && <p className="notice notice-info">{t('votes.notEligible')}</p>}
      {open && poll.eligible && onVote && (!poll.voted || (poll.changeable && !poll.secret)) && (
        <button
          type="button"
          aria-describedby={questionId}
          className={poll.voted ? 'button button-secondary' : 'button button-primary'}
          onClick={onVote}
        >
          {poll.voted ? t('votes.change') : t('votes.vote')}
        </button>
      )}
      {children}
    </li>
  );
}
