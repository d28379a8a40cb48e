import './rewards.css';
import { describeApiError } from '@tally/client/api-error';
import { useTranslation } from 'react-i18next';
import type { CatalogItem, KioskApi } from '../api/kiosk-client';
import { useLoad } from '../api/use-load';
import { errorText } from '../ui/error-text';
import { Pager, usePages } from '../ui/pager';
import { RewardCard } from './reward-card';

/** Six cards fill the screen in either orientation (3×2 landscape, 2×3 portrait). */
export const PAGE_SIZE = 6;

/**
 * The catalog, a page at a time: paging is by tapping "More rewards", never
 * by swiping or scrolling. Affordable rewards come first.
 */
export function CatalogScreen({
  api,
  onChoose,
}: {
  api: KioskApi;
  onChoose: (item: CatalogItem) => void;
}) {
  const { t } = useTranslation();
  const catalog = useLoad('catalog', () => api.catalog.query());

  // What can be had first; sold-out rewards last, still in view.
  const items = [...(catalog.data ?? [])].sort(
    (a, b) =>
      Number(b.stock > 0) - Number(a.stock > 0) ||
      Number(b.affordable) - Number(a.affordable) ||
      a.points - b.points,
  );
  const { page, pages, shown, previous, next } = usePages(items, PAGE_SIZE);

  return (
    <section className="catalog" aria-labelledby="catalog-title">
      <div className="section-head">
        <h1 id="catalog-title">{t('rewards.title')}</h1>
        {pages > 1 && <p className="page-label">{t('rewards.page', { page: page + 1, pages })}</p>}
      </div>
      {catalog.loading && !catalog.data && <p className="lead">{t('common.loading')}</p>}
      {catalog.error != null && !catalog.data && (
        <div className="notice notice-error">
          <p>{errorText(t, describeApiError(catalog.error))}</p>
          <button type="button" className="button button-secondary" onClick={catalog.reload}>
            {t('common.tryAgain')}
          </button>
        </div>
      )}
      {catalog.data && items.length === 0 && <p className="lead">{t('rewards.empty')}</p>}
      <ul className="reward-grid">
        {shown.map((item) => (
          <RewardCard key={item.id} item={item} onChoose={() => onChoose(item)} />
        ))}
      </ul>
      {pages > 1 && (
        <Pager
          previous={previous}
          next={next}
          previousLabel={t('rewards.previousPage')}
          nextLabel={t('rewards.nextPage')}
        />
      )}
    </section>
  );
}
