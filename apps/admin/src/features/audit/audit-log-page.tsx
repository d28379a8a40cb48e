import { type AuditAction, type AuditEntry, auditActions } from '@tally/domain/audit';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useApi } from '../../api/api-context';
import { usePagedQuery } from '../../api/queries';
import { useFormat } from '../../i18n/format';
import { type DataColumn, DataTable } from '../../ui/data-table';
import { Field } from '../../ui/field';
import { PageHeader } from '../../ui/page-header';
import { Empty, ErrorNotice, Loading } from '../../ui/states';
import { useStaffNames } from '../ledger/ledger-labels';
import { type AuditDetailLine, useAuditWords } from './audit-labels';

/** Every change a member of staff or a kiosk made, who made it and from where. */
export function AuditLogPage() {
  const { t } = useTranslation();
  const api = useApi();
  const format = useFormat();
  const staffNames = useStaffNames();
  const words = useAuditWords();
  const [action, setAction] = useState<AuditAction | ''>('');
  const [actorId, setActorId] = useState('');
  const entries = usePagedQuery(
    'audit.list',
    {
      ...(action ? { action } : {}),
      ...(actorId ? { actorId } : {}),
      limit: 50,
    },
    api.audit.list.query,
  );

  const actor = (entry: AuditEntry) => words.actor(entry);
  // The filters above ask the service; the table sorts the entries loaded.
  const columns: DataColumn<AuditEntry>[] = [
    {
      id: 'when',
      header: t('ledger.when'),
      className: 'nowrap',
      sortValue: (entry) => Date.parse(entry.at),
      cell: (entry) => format.dateTime(entry.at),
    },
    {
      id: 'actor',
      header: t('audit.actor'),
      sortValue: actor,
      cell: (entry) => (
        <>
          {/* Names as written (a proxy's entry joins two: "王晓红 · 代 王秀英"). */}
          <span translate="no">{actor(entry)}</span>
          <div className="muted">
            {t(`ledger.actorTypes.${entry.actorType}`, { defaultValue: entry.actorType })}
          </div>
        </>
      ),
    },
    {
      id: 'action',
      header: t('audit.action'),
      sortValue: (entry) => words.action(entry.action),
      cell: (entry) => words.action(entry.action),
    },
    {
      id: 'target',
      header: t('audit.target'),
      sortValue: (entry) => words.target(entry)?.kind,
      cell: (entry) => (
        <AuditTarget
          target={words.target(entry)}
          href={entry.targetType === 'topic' && entry.targetId ? `/topics/${entry.targetId}` : null}
        />
      ),
    },
    {
      id: 'origin',
      header: t('audit.origin'),
      className: 'mono nowrap',
      sortValue: (entry) => entry.origin,
      cell: (entry) => entry.origin ?? '—',
    },
    {
      id: 'details',
      header: t('common.details'),
      cell: (entry) => <AuditDetails lines={words.details(entry)} />,
    },
  ];

  return (
    <>
      <PageHeader title={t('audit.title')} description={t('audit.description')} />
      <search className="filters card">
        <Field label={t('audit.action')} hint={t('audit.actionHint')}>
          {(control) => (
            <select
              {...control}
              className="select"
              value={action}
              onChange={(event) => setAction(event.target.value as AuditAction | '')}
            >
              <option value="">{t('audit.allActions')}</option>
              {auditActions.map((known) => (
                <option key={known} value={known}>
                  {words.action(known)}
                </option>
              ))}
            </select>
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
        <DataTable
          rows={entries.items}
          columns={columns}
          rowKey={(entry) => String(entry.id)}
          more={{
            hasMore: entries.hasNextPage,
            loading: entries.isFetchingNextPage,
            onLoad: () => void entries.fetchNextPage(),
          }}
        />
      )}
    </>
  );
}

/** What an entry is about; a topic links to its page (its history tells the rest). */
function AuditTarget({
  target,
  href,
}: {
  target: { kind: string; which: string | null } | null;
  href: string | null;
}) {
  if (!target) return <>—</>;
  return (
    <>
      {target.kind}
      {target.which ? (
        <div className="muted">{href ? <Link href={href}>{target.which}</Link> : target.which}</div>
      ) : null}
    </>
  );
}

/** The details as "label: value" lines, names in place of ids; the full record stays in the service. */
/** Details that are what someone typed (a reason) or a person's name: shown as written. */
const WRITTEN = new Set(['reason', 'proxyName']);

function AuditDetails({ lines }: { lines: AuditDetailLine[] }) {
  const { t } = useTranslation();
  if (lines.length === 0) return <span className="muted">—</span>;
  return (
    <ul className="plain-list audit-details">
      {lines.slice(0, 8).map((line) => (
        <li key={line.key}>
          <span className="muted">
            {line.label}
            {t('audit.colon')}
          </span>
          {WRITTEN.has(line.key) ? <span translate="no">{line.value}</span> : line.value}
        </li>
      ))}
    </ul>
  );
}
