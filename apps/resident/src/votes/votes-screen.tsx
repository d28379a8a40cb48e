import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResidentPoll } from '../api/me-types';
import { useLoad } from '../api/use-load';
import type { ScreenProps } from '../routed-screen';
import { pathOf } from '../router/routes';
import { ScreenTitle } from '../ui/screen-title';
import { Failure, Loading } from '../ui/status';
import { PollCard } from './poll-card';
import { PollResultsView } from './poll-results';
import { VoteFlow } from './vote-flow';

/**
 * The polls that ask the community now (to vote in, or how the resident voted) and those closed
 * lately with their results. Voting is a choice, a confirm, then the answer.
 */
export function VotesScreen({ api, session }: ScreenProps) {
  const { t } = useTranslation();
  const polls = useLoad('polls', () => api.polls.query());
  const [voting, setVoting] = useState<ResidentPoll | null>(null);
  const items = polls.data?.items;

  if (voting)
    return (
      <VoteFlow
        api={api}
        session={session}
        poll={voting}
        onBack={() => setVoting(null)}
        onDone={() => {
          setVoting(null);
          polls.reload();
        }}
      />
    );

  const current = items?.filter((poll) => poll.state !== 'closed') ?? [];
  const closed = items?.filter((poll) => poll.state === 'closed') ?? [];
  return (
    <section className="stack">
      <ScreenTitle title={t('votes.title')} back={pathOf({ name: 'matters' })} />
      {!items && polls.loading && <Loading />}
      {polls.error != null && !items && <Failure error={polls.error} onRetry={polls.reload} />}
      {items && current.length === 0 && <p className="muted">{t('votes.empty')}</p>}
      <ul className="list">
        {current.map((poll) => (
          <PollCard key={poll.id} poll={poll} onVote={() => setVoting(poll)} />
        ))}
      </ul>
      {closed.length > 0 && <ClosedPolls api={api} session={session} polls={closed} />}
    </section>
  );
}

/** Closed polls with their results from the notice board (read once for them all). */
function ClosedPolls({ api, polls }: ScreenProps & { polls: ResidentPoll[] }) {
  const { t } = useTranslation();
  const board = useLoad('governance', () => api.governance.query());
  return (
    <>
      <h2>{t('matters.pollResults')}</h2>
      <ul className="list">
        {polls.map((poll) => {
          const result = board.data?.polls.find((candidate) => candidate.pollId === poll.id);
          return (
            <PollCard key={poll.id} poll={poll}>
              {result ? (
                <PollResultsView result={result} />
              ) : (
                board.data && <p className="muted">{t('votes.resultsSoon')}</p>
              )}
            </PollCard>
          );
        })}
      </ul>
    </>
  );
}
