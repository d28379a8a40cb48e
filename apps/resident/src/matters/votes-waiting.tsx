import { useTranslation } from 'react-i18next';
import type { ResidentPoll } from '../api/me-types';
import { useLoad } from '../api/use-load';
import type { ScreenProps } from '../routed-screen';
import { Link } from '../router/location';
import { pathOf } from '../router/routes';

/** Polls open now that ask this resident and that they have not answered yet. */
export function waitingPolls(polls: ResidentPoll[]): ResidentPoll[] {
  return polls.filter((poll) => poll.state === 'open' && poll.eligible && !poll.voted);
}

/**
 * "2 votes are waiting for you", leading to them; nothing when none are (or the polls could not
 * be read: this is a pointer, the Votes page says why).
 */
export function VotesWaiting({ api }: ScreenProps) {
  const { t } = useTranslation();
  const polls = useLoad('polls', () => api.polls.query());
  const count = waitingPolls(polls.data?.items ?? []).length;
  if (count === 0) return null;
  return (
    <Link to={pathOf({ name: 'votes' })} className="notice notice-info notice-link">
      {t('matters.votesWaiting', { count })} ›
    </Link>
  );
}
