import '../matters/matters.css';
import './timebank.css';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import type { HelpClaim, HelpRequest, HelpView, KioskApi } from '../api/kiosk-client';
import { useLoad } from '../api/use-load';
import { BackIcon, CheckIcon, ClockIcon, HandsIcon, PlusIcon } from '../ui/icons';
import { LoadedList } from '../ui/loaded-list';
import { CreditPanel } from './credit-panel';
import { HelpingCard } from './helping-card';
import { MyRequestCard } from './my-request-card';
import { OpenRequestCard } from './open-request-card';

export type TimeBankShown = 'home' | HelpView;

/** Four cards fill the screen in either orientation (2×2 landscape, 1×4 portrait). */
export const REQUESTS_PER_PAGE = 4;

/** What a list's card asks of the resident area: the screens that take a whole page. */
export type TimeBankActions = {
  onClaim: (request: HelpRequest) => void;
  onConfirm: (request: HelpRequest, claim: HelpClaim) => void;
  onPropose: (request: HelpRequest) => void;
};

/**
 * The time bank (邻里互助): the resident's time credit, kept apart from their points, and big
 * tiles to ask for help, help a neighbour, follow their own requests and the help they give.
 * Each list is read fresh when it is opened.
 */
export function TimeBankScreen({
  api,
  shown,
  onShow,
  onAsk,
  ...actions
}: {
  api: KioskApi;
  shown: TimeBankShown;
  onShow: (shown: TimeBankShown) => void;
  onAsk: () => void;
} & TimeBankActions) {
  const { t } = useTranslation();
  if (shown === 'home') return <TimeBankHome api={api} onShow={onShow} onAsk={onAsk} />;
  return (
    <section className="timebank" aria-labelledby="timebank-title">
      <div className="section-head">
        <h1 id="timebank-title">{t(`timebank.${shown}`)}</h1>
        <button
          type="button"
          className="button button-secondary button-large"
          onClick={() => onShow('home')}
        >
          <BackIcon />
          {t('timebank.backToTimebank')}
        </button>
      </div>
      <RequestList key={shown} api={api} view={shown} {...actions} />
    </section>
  );
}

function RequestList({
  api,
  view,
  ...actions
}: { api: KioskApi; view: HelpView } & TimeBankActions) {
  const { t } = useTranslation();
  const requests = useLoad(`help-${view}`, () =>
    api.timebank.list.query({ view }).then((page) => page.items),
  );
  const empty = {
    open: t('timebank.emptyOpen'),
    mine: t('timebank.emptyMine'),
    helping: t('timebank.emptyHelping'),
  }[view];
  return (
    <LoadedList
      loaded={requests}
      perPage={REQUESTS_PER_PAGE}
      empty={empty}
      className="help-grid"
      words={{
        previous: t('timebank.previousPage'),
        next: t('timebank.nextPage'),
        page: (page, pages) => t('timebank.page', { page, pages }),
      }}
    >
      {(request) => {
        if (view === 'open')
          return <OpenRequestCard key={request.id} request={request} onClaim={actions.onClaim} />;
        if (view === 'mine')
          return (
            <MyRequestCard
              key={request.id}
              api={api}
              request={request}
              onConfirm={actions.onConfirm}
              onChanged={requests.reload}
            />
          );
        return (
          <HelpingCard
            key={request.id}
            api={api}
            request={request}
            onPropose={actions.onPropose}
            onChanged={requests.reload}
          />
        );
      }}
    </LoadedList>
  );
}

type Tile = {
  shown: HelpView | 'ask';
  icon: ComponentType;
  title: string;
  hint: string;
};

function TimeBankHome({
  api,
  onShow,
  onAsk,
}: {
  api: KioskApi;
  onShow: (shown: TimeBankShown) => void;
  onAsk: () => void;
}) {
  const { t } = useTranslation();
  const tiles: Tile[] = [
    { shown: 'ask', icon: PlusIcon, title: t('timebank.ask'), hint: t('timebank.askHint') },
    { shown: 'open', icon: HandsIcon, title: t('timebank.open'), hint: t('timebank.openHint') },
    { shown: 'mine', icon: CheckIcon, title: t('timebank.mine'), hint: t('timebank.mineHint') },
    {
      shown: 'helping',
      icon: ClockIcon,
      title: t('timebank.helping'),
      hint: t('timebank.helpingHint'),
    },
  ];
  return (
    <section className="timebank" aria-labelledby="timebank-title">
      <h1 id="timebank-title">{t('timebank.title')}</h1>
      <p className="lead">{t('timebank.intro')}</p>
      <div className="timebank-home">
        <CreditPanel api={api} />
        <div className="timebank-tiles">
          {tiles.map(({ shown, icon: Icon, title, hint }) => (
            <button
              key={shown}
              type="button"
              className={`matters-tile${shown === 'ask' ? ' matters-tile-raise' : ''}`}
              onClick={() => (shown === 'ask' ? onAsk() : onShow(shown))}
            >
              <Icon />
              <span className="matters-tile-title">{title}</span>
              <span className="matters-tile-hint">{hint}</span>
            </button>
          ))}
        </div>
      </div>
    </section>
  );
}
