import { useTranslation } from 'react-i18next';
import type { KioskApi, ResidentPoll } from '../api/kiosk-client';
import { useLoad } from '../api/use-load';
import { LoadedList } from '../ui/loaded-list';
import { PollCard } from './poll-card';

/** Two polls fill the screen with up to six options each, in either orientation. */
export const POLLS_PER_PAGE = 2;

/**
 * The votes: open ones first, then those closed in the last 30 days with their results from
 * the notice board (the service shows counts only after the close).
 */
export function PollList({
  api,
  onVote,
}: {
  api: KioskApi;
  onVote: (poll: ResidentPoll, optionId: string) => void;
}) {
  const { t } = useTranslation();
  const polls = useLoad('polls', () =>
    api.polls
      .query()
      .then(({ items }) =>
        [...items].sort((a, b) => Number(a.state === 'closed') - Number(b.state === 'closed')),
      ),
  );
  const hasClosed = (polls.data ?? []).some((poll) => poll.state === 'closed');
  const board = useLoad(`governance-${hasClosed}`, () =>
    hasClosed ? api.governance.query() : Promise.resolve(null),
  );
  const resultsOf = (poll: ResidentPoll) =>
    board.data?.polls.find((result) => result.pollId === poll.id) ?? null;
  return (
    <LoadedList
      loaded={polls}
      perPage={POLLS_PER_PAGE}
      empty={t('polls.empty')}
      className="poll-grid"
      words={{
        previous: t('polls.previousPage'),
        next: t('polls.nextPage'),
        page: (page, pages) => t('polls.page', { page, pages }),
      }}
    >
      {(poll) => <PollCard key={poll.id} poll={poll} results={resultsOf(poll)} onChoose={onVote} />}
    </LoadedList>
  );
}
