import { useTranslation } from 'react-i18next';
import type { TopicsView } from '../api/me-types';
import { useLoad } from '../api/use-load';
import type { ScreenProps } from '../routed-screen';
import { Link } from '../router/location';
import { pathOf, type Route } from '../router/routes';
import { ScreenTitle } from '../ui/screen-title';
import { Failure, Loading } from '../ui/status';
import { PollHeading } from '../votes/poll-heading';
import { PollResultsView } from '../votes/poll-results';
import { DecisionsList } from './decisions-list';
import { TopicCard } from './topic-card';
import { VotesWaiting } from './votes-waiting';

const tabs = [
  { view: 'open', route: { name: 'matters' } },
  { view: 'mine', route: { name: 'myMatters' } },
  { view: 'decided', route: { name: 'decisions' } },
] as const satisfies readonly { view: TopicsView; route: Route }[];

/**
 * Community matters (议事): the ways in (raise one, vote) on top, then what is being discussed,
 * what the resident raised, or what was decided and how far it has got.
 */
export function MattersScreen({ api, session, view }: ScreenProps & { view: TopicsView }) {
  const { t } = useTranslation();
  return (
    <section className="stack">
      <ScreenTitle title={t('matters.title')} back={pathOf({ name: 'home' })}>
        <p className="muted">{t('matters.intro')}</p>
      </ScreenTitle>
      <div className="actions actions-even">
        <Link to={pathOf({ name: 'raiseMatter' })} className="button button-primary">
          {t('matters.raise')}
        </Link>
        <Link to={pathOf({ name: 'votes' })} className="button button-secondary">
          {t('matters.votes')}
        </Link>
      </div>
      <VotesWaiting api={api} session={session} />
      <nav className="tabs tabs-3" aria-label={t('matters.tabs')}>
        {tabs.map((tab) => (
          <Link
            key={tab.view}
            to={pathOf(tab.route)}
            className="button button-secondary"
            aria-current={view === tab.view ? 'page' : undefined}
          >
            {t(`matters.${tab.view}`)}
          </Link>
        ))}
      </nav>
      {view === 'decided' ? (
        <Decisions api={api} session={session} />
      ) : (
        <Topics api={api} session={session} view={view} />
      )}
    </section>
  );
}

function Topics({ api, view }: ScreenProps & { view: 'open' | 'mine' }) {
  const { t } = useTranslation();
  const topics = useLoad(`topics:${view}`, () => api.topics.query({ view }));
  const items = topics.data?.items;
  return (
    <>
      {!items && topics.loading && <Loading />}
      {topics.error != null && !items && <Failure error={topics.error} onRetry={topics.reload} />}
      {items?.length === 0 && (
        <p className="muted">{view === 'mine' ? t('matters.mineEmpty') : t('matters.openEmpty')}</p>
      )}
      <ul className="list">
        {items?.map((topic) => (
          <TopicCard key={topic.id} api={api} topic={topic} mine={view === 'mine'} />
        ))}
      </ul>
    </>
  );
}

function Decisions({ api }: ScreenProps) {
  const { t } = useTranslation();
  const board = useLoad('governance', () => api.governance.query());
  const data = board.data;
  return (
    <>
      {!data && board.loading && <Loading />}
      {board.error != null && !data && <Failure error={board.error} onRetry={board.reload} />}
      {data && data.decisions.length === 0 && data.polls.length === 0 && (
        <p className="muted">{t('matters.decidedEmpty')}</p>
      )}
      {data && <DecisionsList decisions={data.decisions} />}
      {data && data.polls.length > 0 && (
        <>
          <h2>{t('matters.pollResults')}</h2>
          <ul className="list">
            {data.polls.map((result) => (
              <li key={result.pollId} className="card">
                <PollHeading poll={result} />
                <PollResultsView result={result} />
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
