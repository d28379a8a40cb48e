import { describeApiError } from '@tally/client/api-error';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskActivity } from '../api/kiosk-client';
import type { Loaded } from '../api/use-load';
import { errorText } from '../ui/error-text';
import { Pager, usePages } from '../ui/pager';

/** Four fill the screen in either orientation (2×2 landscape, 1×4 portrait) without scrolling. */
export const ACTIVITIES_PER_PAGE = 4;

/**
 * Activities a page at a time, with what is happening when there are none to show: still
 * loading, could not be loaded (and try again), or none at all.
 */
export function ActivityList({
  loaded,
  empty,
  children,
}: {
  loaded: Loaded<KioskActivity[]>;
  empty: string;
  children: (activity: KioskActivity) => ReactNode;
}) {
  const { t } = useTranslation();
  const { data, error, loading, reload } = loaded;
  const { page, pages, shown, previous, next } = usePages(data ?? [], ACTIVITIES_PER_PAGE);

  if (!data) {
    if (loading || error == null) return <p className="lead">{t('common.loading')}</p>;
    return (
      <div className="notice notice-error">
        <p>{errorText(t, describeApiError(error))}</p>
        <button type="button" className="button button-secondary" onClick={reload}>
          {t('common.tryAgain')}
        </button>
      </div>
    );
  }
  if (data.length === 0) return <p className="lead activities-empty">{empty}</p>;
  return (
    <>
      <ul className="activity-grid">{shown.map(children)}</ul>
      {pages > 1 && (
        <Pager
          previous={previous}
          next={next}
          previousLabel={t('activities.previousPage')}
          nextLabel={t('activities.nextPage')}
        >
          <p className="page-label">{t('activities.page', { page: page + 1, pages })}</p>
        </Pager>
      )}
    </>
  );
}
