import type { Resident } from '@tally/domain/residents';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { useApi } from '../../api/api-context';
import { usePagedQuery } from '../../api/queries';
import { useBuildingLabel, useFormat } from '../../i18n/format';
import { mayManage } from '../../session/permissions';
import { useUser } from '../../session/session-context';
import { Badge } from '../../ui/badge';
import { type DataColumn, DataTable } from '../../ui/data-table';
import { Field } from '../../ui/field';
import { PageHeader } from '../../ui/page-header';
import { Empty, ErrorNotice, Loading } from '../../ui/states';
import { useDebounced } from '../../ui/use-debounced';
import { CreateResidentDialog } from './create-resident-dialog';

export function ResidentsPage() {
  const { t } = useTranslation();
  const api = useApi();
  const user = useUser();
  const format = useFormat();
  const buildingLabel = useBuildingLabel();
  const [, navigate] = useLocation();
  const [text, setText] = useState('');
  const [creating, setCreating] = useState(false);
  const query = useDebounced(text.trim());
  const residents = usePagedQuery(
    'residents.list',
    { ...(query ? { query } : {}), limit: 50 },
    api.residents.list.query,
  );

  // The search above asks the service (it finds every resident); the table sorts those loaded.
  const columns: DataColumn<Resident>[] = [
    {
      id: 'card',
      header: t('residents.card'),
      className: 'mono',
      sortValue: (resident) => resident.cardNumber,
      cell: (resident) => resident.cardNumber,
    },
    {
      id: 'name',
      header: t('residents.name'),
      sortValue: (resident) => resident.name,
      cell: (resident) => (
        <>
          <Link href={`/residents/${resident.id}`}>{resident.name}</Link>
          {resident.displayName !== resident.name ? (
            <div className="muted">{resident.displayName}</div>
          ) : null}
        </>
      ),
    },
    {
      id: 'building',
      header: t('residents.building'),
      sortValue: (resident) => (resident.building ? buildingLabel(resident.building) : null),
      cell: (resident) => (resident.building ? buildingLabel(resident.building) : '—'),
    },
    {
      id: 'points',
      header: t('residents.points'),
      className: 'number',
      sortValue: (resident) => resident.points,
      cell: (resident) => format.number(resident.points),
    },
    {
      id: 'hours',
      header: t('residents.hours'),
      className: 'number',
      sortValue: (resident) => resident.minutes,
      cell: (resident) => format.hours(resident.minutes),
    },
    {
      id: 'cardStatus',
      header: t('residents.cardStatus'),
      sortValue: (resident) =>
        resident.cardLocked ? t('residents.locked') : t('residents.active'),
      cell: (resident) =>
        resident.cardLocked ? (
          <Badge tone="danger">{t('residents.locked')}</Badge>
        ) : (
          <Badge tone="success">{t('residents.active')}</Badge>
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('nav.residents')}
        description={t('residents.description')}
        actions={
          mayManage(user.role) ? (
            <>
              <Link href="/residents/import" className="button">
                {t('import.open')}
              </Link>
              <button
                type="button"
                className="button button-primary"
                onClick={() => setCreating(true)}
              >
                {t('residents.create')}
              </button>
            </>
          ) : null
        }
      />
      <search className="filters card">
        <Field label={t('residents.search')} hint={t('residents.searchHint')}>
          {(control) => (
            <input
              {...control}
              className="input"
              type="search"
              autoComplete="off"
              value={text}
              onChange={(event) => setText(event.target.value)}
            />
          )}
        </Field>
      </search>
      <ErrorNotice error={residents.error} />
      {residents.isPending ? (
        <Loading />
      ) : residents.items.length === 0 ? (
        <Empty>{query ? t('residents.noMatch') : t('residents.none')}</Empty>
      ) : (
        <DataTable
          rows={residents.items}
          columns={columns}
          rowKey={(resident) => resident.id}
          more={{
            hasMore: residents.hasNextPage,
            loading: residents.isFetchingNextPage,
            onLoad: () => void residents.fetchNextPage(),
          }}
        />
      )}
      <CreateResidentDialog
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(id) => {
          setCreating(false);
          navigate(`/residents/${id}`);
        }}
      />
    </>
  );
}
