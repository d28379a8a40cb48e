import type { StaffSession } from '@tally/domain/staff';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { Badge } from '../../ui/badge';
import { Empty, ErrorNotice, Loading } from '../../ui/states';

/** Live sessions of one account: when and where each began and was last used, each revocable. */
export function SessionList({
  sessions,
  error,
  pending,
  onRevoke,
}: {
  /** Undefined while loading. */
  sessions: StaffSession[] | undefined;
  error: unknown;
  pending: boolean;
  onRevoke: (session: StaffSession) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  if (error) return <ErrorNotice error={error} />;
  if (!sessions) return <Loading />;
  if (sessions.length === 0) return <Empty>{t('account.sessionsNone')}</Empty>;
  return (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('account.started')}</th>
            <th scope="col">{t('account.lastSeen')}</th>
            <th scope="col">{t('account.from')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('staff.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {sessions.map((session) => (
            <tr key={session.id}>
              <td className="nowrap">
                {format.dateTime(session.startedAt)}
                {session.current ? (
                  <div>
                    <Badge tone="info">{t('account.thisSession')}</Badge>
                  </div>
                ) : null}
              </td>
              <td className="nowrap">{format.dateTime(session.lastSeenAt)}</td>
              <td className="mono">
                {session.lastSeenFrom ?? '—'}
                {session.startedFrom && session.startedFrom !== session.lastSeenFrom ? (
                  <div className="muted">
                    {t('account.started')}: {session.startedFrom}
                  </div>
                ) : null}
              </td>
              <td className="number">
                <button
                  type="button"
                  className="button button-small"
                  disabled={pending}
                  onClick={() => onRevoke(session)}
                >
                  {t('account.revoke')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
