import { describeApiError } from '@tally/client/api-error';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Loaded } from '../api/use-load';
import { errorText } from './error-text';
import { Pager, usePages } from './pager';

/**
 * A loaded list a page at a time, with what is happening when there is nothing to show: still
 * loading, could not be loaded (and try again), or empty. `perPage` is what fits the screen
 * without scrolling; the pager's words are the list's own.
 */
export function LoadedList<T>({
  loaded,
  perPage,
  empty,
  className,
  words,
  children,
}: {
  loaded: Loaded<T[]>;
  perPage: number;
  empty: string;
  className: string;
  words: { previous: string; next: string; page: (page: number, pages: number) => string };
  children: (item: T) => ReactNode;
}) {
  const { t } = useTranslation();
  const { data, error, loading, reload } = loaded;
  const { page, pages, shown, previous, next } = usePages(data ?? [], perPage);

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
  if (data.length === 0) return <p className="lead list-empty">{empty}</p>;
  return (
    <>
      <ul className={className}>{shown.map(children)}</ul>
      {pages > 1 && (
        <Pager
          previous={previous}
          next={next}
          previousLabel={words.previous}
          nextLabel={words.next}
        >
          <p className="page-label">{words.page(page + 1, pages)}</p>
        </Pager>
      )}
    </>
  );
}
