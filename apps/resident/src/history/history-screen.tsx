import { useTranslation } from 'react-i18next';
import { usePages } from '../api/use-pages';
import type { ScreenProps } from '../routed-screen';
import { pathOf } from '../router/routes';
import { MoreButton } from '../ui/more-button';
import { ScreenTitle } from '../ui/screen-title';
import { Failure, Loading } from '../ui/status';
import { HistoryLine } from './history-line';

/** Every movement of the resident's points and hours, newest first, in plain words. */
export function HistoryScreen({ api, session }: ScreenProps) {
  const { t } = useTranslation();
  const pages = usePages('history', (cursor) =>
    api.history.query({ limit: 20, ...(cursor ? { cursor } : {}) }),
  );
  const name = session.actingFor?.displayName ?? '';
  return (
    <section className="stack">
      <ScreenTitle title={t('history.title')} back={pathOf({ name: 'home' })} />
      {pages.loaded && pages.items.length === 0 && <p className="muted">{t('history.empty')}</p>}
      <ul className="list">
        {pages.items.map((entry) => (
          <HistoryLine key={entry.transactionId} entry={entry} residentName={name} />
        ))}
      </ul>
      {pages.loading && <Loading />}
      {pages.error != null && <Failure error={pages.error} onRetry={pages.reload} />}
      {pages.hasMore && !pages.loading && <MoreButton onClick={pages.more} />}
    </section>
  );
}
