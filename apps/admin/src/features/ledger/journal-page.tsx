import { type TransactionKind, transactionKinds } from '@tally/domain/ledger';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearch } from 'wouter';
import { useApi } from '../../api/api-context';
import { usePagedQuery } from '../../api/queries';
import { useFormat } from '../../i18n/format';
import { mayOpen } from '../../session/permissions';
import { useUser } from '../../session/session-context';
import { DateRangeFields } from '../../ui/date-range-fields';
import { rangeFilter } from '../../ui/dates';
import { Field } from '../../ui/field';
import { PageHeader } from '../../ui/page-header';
import { Empty, ErrorNotice, Loading, LoadMore } from '../../ui/states';
import { ExportPanel } from './export-panel';
import { ActorLabel, EntryText, KindBadge, MovementSummary } from './ledger-labels';
import { ResidentFilter } from './resident-filter';

type JournalFilters = { residentId: string; kind: TransactionKind | ''; from: string; to: string };

/** The journal, newest first, one page at a time, by resident, kind and date. */
export function JournalPage() {
  const { t } = useTranslation();
  const api = useApi();
  const format = useFormat();
  const user = useUser();
  const search = new URLSearchParams(useSearch());
  const [filters, setFilters] = useState<JournalFilters>({
    residentId: search.get('resident') ?? '',
    kind: '',
    from: '',
    to: '',
  });
  // A link to one place in the journal (e.g. a broken entry) starts the page there.
  const startAt = search.get('before') ?? '';
  const set = <K extends keyof JournalFilters>(field: K, value: JournalFilters[K]) =>
    setFilters((current) => ({ ...current, [field]: value }));
  const journal = usePagedQuery(
    'ledger.journal',
    {
      ...(filters.residentId ? { residentId: filters.residentId } : {}),
      ...(filters.kind ? { kind: filters.kind } : {}),
      ...rangeFilter(filters),
      ...(startAt ? { cursor: startAt } : {}),
      limit: 50,
    },
    api.ledger.journal.query,
  );

  return (
    <>
      <PageHeader
        title={t('ledger.journalTitle')}
        description={t('ledger.journalDescription')}
        actions={
          <Link href="/ledger/verify" className="button">
            {t('nav.verify')}
          </Link>
        }
      />
      {mayOpen(user.role, 'exports') ? <ExportPanel /> : null}
      <search className="filters card">
        <ResidentFilter residentId={filters.residentId} onChange={(id) => set('residentId', id)} />
        <Field label={t('ledger.kind')}>
          {(control) => (
            <select
              {...control}
              className="select"
              value={filters.kind}
              onChange={(event) => set('kind', event.target.value as JournalFilters['kind'])}
            >
              <option value="">{t('common.all')}</option>
              {transactionKinds.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`ledger.kinds.${kind}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <DateRangeFields value={filters} set={set} />
      </search>
      {startAt ? (
        <p className="notice">
          {t('ledger.startingAt', { sequence: Number(startAt) - 1 })}{' '}
          <Link href="/ledger">{t('ledger.fromNewest')}</Link>
        </p>
      ) : null}
      <ErrorNotice error={journal.error} />
      {journal.isPending ? (
        <Loading />
      ) : journal.items.length === 0 ? (
        <Empty>{t('ledger.noEntries')}</Empty>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col" className="number">
                  #
                </th>
                <th scope="col">{t('ledger.when')}</th>
                <th scope="col">{t('ledger.kind')}</th>
                <th scope="col">{t('ledger.movement')}</th>
                <th scope="col">{t('ledger.actor')}</th>
                <th scope="col">{t('ledger.description')}</th>
              </tr>
            </thead>
            <tbody>
              {journal.items.map((entry) => (
                <tr key={entry.id}>
                  <td className="number">
                    <Link href={`/ledger/transactions/${entry.id}`}>{entry.sequence}</Link>
                  </td>
                  <td className="nowrap">{format.dateTime(entry.createdAt)}</td>
                  <td>
                    <KindBadge kind={entry.kind} />
                    {entry.reversedBy ? <div className="muted">{t('ledger.reversed')}</div> : null}
                  </td>
                  <td>
                    <MovementSummary entry={entry} />
                  </td>
                  <td>
                    <ActorLabel entry={entry} />
                  </td>
                  <td>
                    <EntryText entry={entry} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <LoadMore
            hasMore={journal.hasNextPage}
            loading={journal.isFetchingNextPage}
            onLoad={() => void journal.fetchNextPage()}
          />
        </div>
      )}
    </>
  );
}
