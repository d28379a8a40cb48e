import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from './error-message';

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <div className="empty" role="status">
      <span className="spinner" aria-hidden="true" /> {label ?? t('common.loading')}
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <div className="empty">{children}</div>;
}

/** A failed call, in words the reader understands. */
export function ErrorNotice({ error }: { error: unknown }) {
  const message = useErrorMessage();
  if (!error) return null;
  return (
    <div className="notice notice-danger" role="alert">
      {message(error)}
    </div>
  );
}

/** "Load more" for cursor-paged lists, with what the reader should know of the rows so far. */
export function LoadMore({
  hasMore,
  loading,
  onLoad,
  note,
}: {
  hasMore: boolean;
  loading: boolean;
  onLoad: () => void;
  note?: string;
}) {
  const { t } = useTranslation();
  if (!hasMore) return null;
  return (
    <div className="table-footer">
      {note ? <span className="muted">{note}</span> : null}
      <button type="button" className="button" onClick={onLoad} disabled={loading}>
        {loading ? t('common.loading') : t('common.loadMore')}
      </button>
    </div>
  );
}
