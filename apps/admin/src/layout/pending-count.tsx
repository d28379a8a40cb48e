import { useTranslation } from 'react-i18next';
import { useApi } from '../api/api-context';
import { useApiQuery } from '../api/queries';

/** How many records wait for review, next to "Approvals" (a first page's worth at most). */
export function PendingCount() {
  const { t } = useTranslation();
  const api = useApi();
  const pending = useApiQuery(
    'service.list',
    { status: 'pending', limit: 100 },
    api.service.list.query,
    { staleTime: 30_000 },
  );
  const page = pending.data;
  if (!page || page.items.length === 0) return null;
  const count = page.nextCursor ? `${page.items.length}+` : String(page.items.length);
  return (
    <span className="nav-count">
      <span aria-hidden="true">{count}</span>
      <span className="visually-hidden">{t('nav.pendingCount', { count: page.items.length })}</span>
    </span>
  );
}
