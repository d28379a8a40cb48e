import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { useApi } from '../../api/api-context';
import { usePagedQuery } from '../../api/queries';
import { useBuildingLabel, useFormat } from '../../i18n/format';
import { mayManage } from '../../session/permissions';
import { useUser } from '../../session/session-context';
import { Badge } from '../../ui/badge';
import { Field } from '../../ui/field';
import { PageHeader } from '../../ui/page-header';
import { Empty, ErrorNotice, Loading, LoadMore } from '../../ui/states';
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
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('residents.card')}</th>
                <th scope="col">{t('residents.name')}</th>
                <th scope="col">{t('residents.building')}</th>
                <th scope="col" className="number">
                  {t('residents.points')}
                </th>
                <th scope="col" className="number">
                  {t('residents.hours')}
                </th>
                <th scope="col">{t('residents.cardStatus')}</th>
              </tr>
            </thead>
            <tbody>
              {residents.items.map((resident) => (
                <tr key={resident.id}>
                  <td className="mono">{resident.cardNumber}</td>
                  <td>
                    <Link href={`/residents/${resident.id}`}>{resident.name}</Link>
                    {resident.displayName !== resident.name ? (
                      <div className="muted">{resident.displayName}</div>
                    ) : null}
                  </td>
                  <td>{resident.building ? buildingLabel(resident.building) : '—'}</td>
                  <td className="number">{format.number(resident.points)}</td>
                  <td className="number">{format.hours(resident.minutes)}</td>
                  <td>
                    {resident.cardLocked ? (
                      <Badge tone="danger">{t('residents.locked')}</Badge>
                    ) : (
                      <Badge tone="success">{t('residents.active')}</Badge>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <LoadMore
            hasMore={residents.hasNextPage}
            loading={residents.isFetchingNextPage}
            onLoad={() => void residents.fetchNextPage()}
          />
        </div>
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
