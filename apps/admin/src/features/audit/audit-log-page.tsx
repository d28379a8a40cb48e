import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context';
import { usePagedQuery } from '../../api/queries';
import { useFormat } from '../../i18n/format';
import { Field } from '../../ui/field';
import { PageHeader } from '../../ui/page-header';
import { Empty, ErrorNotice, Loading, LoadMore } from '../../ui/states';
import { useDebounced } from '../../ui/use-debounced';
import { shortId, useStaffNames } from '../ledger/ledger-labels';

/** Every change a member of staff or a kiosk made, who made it and from where. */
export function AuditLogPage() {
  const { t } = useTranslation();
  const api = useApi();
  const format = useFormat();
  const staffNames = useStaffNames();
  const [action, setAction] = useState('');
  const [actorId, setActorId] = useState('');
  const settledAction = useDebounced(action.trim());
  const entries = usePagedQuery(
    'audit.list',
    {
      ...(settledAction ? { action: settledAction } : {}),
      ...(actorId ? { actorId } : {}),
      limit: 50,
    },
    api.audit.list.query,
  );

  return (
    <>
      <PageHeader title={t('audit.title')} description={t('audit.description')} />
      <search className="filters card">
        <Field label={t('audit.action')} hint={t('audit.actionHint')}>
          {(control) => (
            <input
              {...control}
              className="input mono"
              value={action}
              onChange={(event) => setAction(event.target.value)}
            />
          )}
        </Field>
        {staffNames.size > 0 ? (
          <Field label={t('audit.actor')}>
            {(control) => (
              <select
                {...control}
                className="select"
                value={actorId}
                onChange={(event) => setActorId(event.target.value)}
              >
                <option value="">{t('common.all')}</option>
                {[...staffNames.entries()].map(([id, name]) => (
                  <option key={id} value={id}>
                    {name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : null}
      </search>
      <ErrorNotice error={entries.error} />
      {entries.isPending ? (
        <Loading />
      ) : entries.items.length === 0 ? (
        <Empty>{t('audit.none')}</Empty>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('ledger.when')}</th>
                <th scope="col">{t('audit.actor')}</th>
                <th scope="col">{t('audit.action')}</th>
                <th scope="col">{t('audit.target')}</th>
                <th scope="col">{t('audit.origin')}</th>
                <th scope="col">{t('common.details')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.items.map((entry) => (
                <tr key={entry.id}>
                  <td className="nowrap">{format.dateTime(entry.at)}</td>
                  <td>
                    {entry.actorName ?? (entry.actorId ? shortId(entry.actorId) : '—')}
                    <div className="muted">
                      {t(`ledger.actorTypes.${entry.actorType}`, { defaultValue: entry.actorType })}
                    </div>
                  </td>
                  <td>
                    {t(`audit.actions.${entry.action}`, { defaultValue: entry.action })}
                    <div className="muted mono">{entry.action}</div>
                  </td>
                  <td>
                    {entry.targetType ? (
                      <>
                        {entry.targetType}
                        {entry.targetId ? (
                          <div className="muted mono">{shortId(entry.targetId)}</div>
                        ) : null}
                      </>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td className="mono nowrap">{entry.origin ?? '—'}</td>
                  <td>
                    <AuditDetails details={entry.details} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <LoadMore
            hasMore={entries.hasNextPage}
            loading={entries.isFetchingNextPage}
            onLoad={() => void entries.fetchNextPage()}
          />
        </div>
      )}
    </>
  );
}

/** The first few details, each cut short: the full record stays in the service. */
function AuditDetails({ details }: { details: Record<string, unknown> }) {
  const { t } = useTranslation();
  const pairs = Object.entries(details);
  if (pairs.length === 0) return <span className="muted">—</span>;
  return (
    <ul className="plain-list audit-details">
      {pairs.slice(0, 6).map(([key, value]) => (
        <li key={key}>
          <span className="muted">{key}:</span>{' '}
          {Array.isArray(value) && value.length > 2
            ? t('audit.items', { count: value.length })
            : shorten(typeof value === 'object' ? JSON.stringify(value) : String(value))}
        </li>
      ))}
    </ul>
  );
}

function shorten(text: string, length = 80): string {
  return text.length > length ? `${text.slice(0, length)}…` : text;
}
