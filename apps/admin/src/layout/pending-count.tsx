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
  return <NavCount page={pending.data} label={(count) => t('nav.pendingCount', { count })} />;
}

/** How many correction requests wait for an answer, next to "Correction requests". */
export function OpenCorrectionsCount() {
  const { t } = useTranslation();
  const api = useApi();
  const open = useApiQuery(
    'corrections.list',
    { status: 'open', limit: 100 },
    api.corrections.list.query,
    { staleTime: 30_000 },
  );
  return <NavCount page={open.data} label={(count) => t('corrections.waitingCount', { count })} />;
}

/** How many invitations to join wait for an answer, next to "Organizations" (the office's queue). */
export function WaitingInvitationsCount() {
  const { t } = useTranslation();
  const api = useApi();
  const waiting = useApiQuery(
    'organizations.invitations',
    { limit: 100 },
    api.organizations.invitations.query,
    { staleTime: 30_000 },
  );
  return (
    <NavCount page={waiting.data} label={(count) => t('invitations.waitingCount', { count })} />
  );
}

/** How many decided topics are past their "by when", next to "Deliberation" (for the office). */
export function OverdueTopicsCount() {
  const { t } = useTranslation();
  const api = useApi();
  const overdue = useApiQuery('topics.list', { overdue: true, limit: 100 }, api.topics.list.query, {
    staleTime: 30_000,
  });
  return <NavCount page={overdue.data} label={(count) => t('topics.overdueCount', { count })} />;
}

/** How many requests for help have a claim in dispute, next to "Time bank" (the office decides). */
export function DisputedHelpCount() {
  const { t } = useTranslation();
  const api = useApi();
  const disputed = useApiQuery(
    'timebank.list',
    { disputed: true, limit: 100 },
    api.timebank.list.query,
    { staleTime: 30_000 },
  );
  return (
    <NavCount page={disputed.data} label={(count) => t('timebank.disputedCount', { count })} />
  );
}

/** How many residents another community proposes to move here, next to "Moving house". */
export function IncomingMovesCount() {
  const { t } = useTranslation();
  const api = useApi();
  const moves = useApiQuery('moves.list', undefined, () => api.moves.list.query(), {
    staleTime: 30_000,
  });
  const waiting = moves.data?.incoming.filter((move) => move.status === 'proposed') ?? [];
  return (
    <NavCount
      page={moves.data ? { items: waiting, nextCursor: null } : undefined}
      label={(count) => t('moves.waitingCount', { count })}
    />
  );
}

function NavCount({
  page,
  label,
}: {
  page: { items: unknown[]; nextCursor: string | null } | undefined;
  label: (count: number) => string;
}) {
  if (!page || page.items.length === 0) return null;
  const count = page.nextCursor ? `${page.items.length}+` : String(page.items.length);
  return (
    <span className="nav-count">
      <span aria-hidden="true">{count}</span>
      <span className="visually-hidden">{label(page.items.length)}</span>
    </span>
  );
}
