import type { HelpKind } from '@tally/domain/timebank';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HelpRequestsView } from '../api/me-types';
import { usePages } from '../api/use-pages';
import type { ScreenProps } from '../routed-screen';
import { Link } from '../router/location';
import { pathOf, type Route } from '../router/routes';
import { MoreButton } from '../ui/more-button';
import { ScreenTitle } from '../ui/screen-title';
import { Failure, Loading } from '../ui/status';
import { HelpingCard } from './helping-card';
import { MyRequestCard } from './my-request-card';
import { NeighbourRequestCard } from './neighbour-request-card';
import { helpKindLabel, helpKinds } from './timebank-words';

const tabs = [
  { view: 'open', route: { name: 'helpRequests' } },
  { view: 'mine', route: { name: 'myHelpRequests' } },
  { view: 'helping', route: { name: 'helping' } },
] as const satisfies readonly { view: HelpRequestsView; route: Route }[];

const empty = {
  open: 'timebank.openEmpty',
  mine: 'timebank.mineEmpty',
  helping: 'timebank.helpingEmpty',
} as const;

/**
 * Requests for help: neighbours asking now (by kind), what the resident asked for, and what
 * they are helping with; "Ask for help" on top.
 */
export function HelpRequestsScreen({ api, view }: ScreenProps & { view: HelpRequestsView }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<HelpKind | null>(null);
  const filter = view === 'open' ? kind : null;
  const requests = usePages(`timebank.list:${view}:${filter ?? ''}`, (cursor) =>
    api.timebank.list.query({
      view,
      ...(filter ? { kind: filter } : {}),
      ...(cursor ? { cursor } : {}),
    }),
  );
  const { items } = requests;
  return (
    <section className="stack">
      <ScreenTitle title={t('timebank.title')} back={pathOf({ name: 'timeBank' })} />
      <Link to={pathOf({ name: 'askHelp' })} className="button button-primary button-wide">
        {t('timebank.ask')}
      </Link>
      <nav className="tabs tabs-3" aria-label={t('timebank.tabs')}>
        {tabs.map((tab) => (
          <Link
            key={tab.view}
            to={pathOf(tab.route)}
            className="button button-secondary"
            aria-current={view === tab.view ? 'page' : undefined}
          >
            {t(`timebank.tab.${tab.view}`)}
          </Link>
        ))}
      </nav>
      {view === 'open' && (
        <label className="field">
          <span className="field-label">{t('timebank.kindFilter')}</span>
          <select
            value={kind ?? ''}
            onChange={(event) => setKind((event.target.value || null) as HelpKind | null)}
          >
            <option value="">{t('timebank.allKinds')}</option>
            {helpKinds.map((candidate) => (
              <option key={candidate} value={candidate}>
                {helpKindLabel(t, candidate)}
              </option>
            ))}
          </select>
        </label>
      )}
      {!requests.loaded && requests.loading && <Loading />}
      {requests.error != null && !requests.loaded && (
        <Failure error={requests.error} onRetry={requests.reload} />
      )}
      {requests.loaded && items.length === 0 && <p className="muted">{t(empty[view])}</p>}
      <ul className="list">
        {items.map((request) =>
          view === 'mine' ? (
            <MyRequestCard
              key={request.id}
              api={api}
              request={request}
              onChanged={requests.reload}
            />
          ) : view === 'helping' ? (
            <HelpingCard key={request.id} api={api} request={request} onChanged={requests.reload} />
          ) : (
            <NeighbourRequestCard key={request.id} api={api} request={request} />
          ),
        )}
      </ul>
      {requests.hasMore && <MoreButton onClick={requests.more} />}
    </section>
  );
}
