import './matters.css';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskApi, ResidentPoll, TopicView } from '../api/kiosk-client';
import { useLoad } from '../api/use-load';
import { BackIcon, BallotIcon, CheckIcon, PlusIcon, StarIcon, TalkIcon } from '../ui/icons';
import { LoadedList } from '../ui/loaded-list';
import { PollList } from './poll-list';
import { TopicCard } from './topic-card';

export type MattersShown = 'home' | TopicView | 'polls';

/** Four cards fill the screen in either orientation (2×2 landscape, 1×4 portrait). */
export const TOPICS_PER_PAGE = 4;

/**
 * Community matters (议事): big tiles to raise a matter, support those being discussed, vote,
 * follow one's own, and read what was decided; each list is read fresh when it is opened.
 */
export function MattersScreen({
  api,
  shown,
  onShow,
  onRaise,
  onVote,
}: {
  api: KioskApi;
  shown: MattersShown;
  onShow: (shown: MattersShown) => void;
  onRaise: () => void;
  onVote: (poll: ResidentPoll, optionId: string) => void;
}) {
  const { t } = useTranslation();
  if (shown === 'home') return <MattersHome api={api} onShow={onShow} onRaise={onRaise} />;
  const title = shown === 'polls' ? t('polls.title') : t(`matters.${shown}`);
  return (
    <section className="matters" aria-labelledby="matters-title">
      <div className="section-head">
        <h1 id="matters-title">{title}</h1>
        <button
          type="button"
          className="button button-secondary button-large"
          onClick={() => onShow('home')}
        >
          <BackIcon />
          {t('matters.backToMatters')}
        </button>
      </div>
      {shown === 'polls' ? (
        <PollList api={api} onVote={onVote} />
      ) : (
        <TopicList key={shown} api={api} view={shown} />
      )}
    </section>
  );
}

function TopicList({ api, view }: { api: KioskApi; view: TopicView }) {
  const { t } = useTranslation();
  const topics = useLoad(`topics-${view}`, () =>
    api.topics.query({ view }).then((answer) => answer.items),
  );
  const empty = {
    open: t('matters.emptyOpen'),
    mine: t('matters.emptyMine'),
    decided: t('matters.emptyDecided'),
  }[view];
  return (
    <LoadedList
      loaded={topics}
      perPage={TOPICS_PER_PAGE}
      empty={empty}
      className="topic-grid"
      words={{
        previous: t('matters.previousPage'),
        next: t('matters.nextPage'),
        page: (page, pages) => t('matters.page', { page, pages }),
      }}
    >
      {(topic) => <TopicCard key={topic.id} api={api} topic={topic} view={view} />}
    </LoadedList>
  );
}

type Tile = {
  shown: Exclude<MattersShown, 'home'> | 'raise';
  icon: ComponentType;
  title: string;
  hint: string;
};

function MattersHome({
  api,
  onShow,
  onRaise,
}: {
  api: KioskApi;
  onShow: (shown: MattersShown) => void;
  onRaise: () => void;
}) {
  const { t } = useTranslation();
  // A count of votes waiting for this resident, if it can be read; the tile works without it.
  const polls = useLoad('polls', () => api.polls.query());
  const waiting = (polls.data?.items ?? []).filter(
    (poll) => poll.state === 'open' && poll.eligible && !poll.voted,
  ).length;
  const tiles: Tile[] = [
    { shown: 'raise', icon: PlusIcon, title: t('matters.raise'), hint: t('matters.raiseHint') },
    { shown: 'open', icon: TalkIcon, title: t('matters.open'), hint: t('matters.openHint') },
    {
      shown: 'polls',
      icon: BallotIcon,
      title: t('matters.votes'),
      hint: waiting > 0 ? t('matters.votesOpen', { count: waiting }) : t('matters.votesHint'),
    },
    { shown: 'mine', icon: StarIcon, title: t('matters.mine'), hint: t('matters.mineHint') },
    {
      shown: 'decided',
      icon: CheckIcon,
      title: t('matters.decided'),
      hint: t('matters.decidedHint'),
    },
  ];
  return (
    <section className="matters" aria-labelledby="matters-title">
      <h1 id="matters-title">{t('matters.title')}</h1>
      <p className="lead">{t('matters.intro')}</p>
      <div className="matters-tiles">
        {tiles.map(({ shown, icon: Icon, title, hint }) => (
          <button
            key={shown}
            type="button"
            className={`matters-tile${shown === 'raise' ? ' matters-tile-raise' : ''}${
              shown === 'polls' && waiting > 0 ? ' matters-tile-waiting' : ''
            }`}
            onClick={() => (shown === 'raise' ? onRaise() : onShow(shown))}
          >
            <Icon />
            <span className="matters-tile-title">{title}</span>
            <span className="matters-tile-hint">{hint}</span>
          </button>
        ))}
      </div>
    </section>
  );
}
