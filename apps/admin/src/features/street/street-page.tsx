import type { StreetCommunity } from '@tally/domain/street';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { useFormat } from '../../i18n/format';
import { useLocalizedName } from '../../i18n/localized-name';
import { Badge } from '../../ui/badge';
import { type DataColumn, DataTable } from '../../ui/data-table';
import { PageHeader } from '../../ui/page-header';
import { ErrorNotice, Loading } from '../../ui/states';
import { CommunityStatusDialog } from './community-status-dialog';
import { CreateCommunityDialog } from './create-community-dialog';
import { useOpenCommunity, useStreet } from './use-street';
import './street.css';

/** The street office's home: its communities side by side, one of them open for reading. */
export function StreetPage() {
  const { t } = useTranslation();
  const inLanguage = useLocalizedName();
  const [, navigate] = useLocation();
  const street = useStreet();
  const [creating, setCreating] = useState(false);
  const [changing, setChanging] = useState<StreetCommunity | null>(null);
  // Reading a community starts at its reports: the figures the street is there for.
  const opening = useOpenCommunity({ onOpened: () => navigate('/reports') });
  const columns = useCommunityColumns({
    openId: street.data?.openCommunityId ?? null,
    onRead: (community) => opening.open(community.id),
    reading: opening.isPending,
    onChangeStatus: setChanging,
  });
  const data = street.data;

  return (
    <>
      <PageHeader
        title={data ? inLanguage(data.street.name) : t('street.title')}
        description={t('street.description')}
        actions={
          <button type="button" className="button button-primary" onClick={() => setCreating(true)}>
            {t('street.create')}
          </button>
        }
      />
      <ErrorNotice error={street.error ?? opening.error} />
      {street.isPending ? (
        <Loading />
      ) : data ? (
        <section className="card stack-small" aria-labelledby="street-communities">
          <h2 id="street-communities">{t('street.communities')}</h2>
          <DataTable
            rows={data.communities}
            columns={columns}
            rowKey={(community) => community.id}
            className="street-communities"
            caption={t('street.communities')}
          />
        </section>
      ) : null}
      <CreateCommunityDialog open={creating} onClose={() => setCreating(false)} />
      <CommunityStatusDialog community={changing} onClose={() => setChanging(null)} />
    </>
  );
}

function useCommunityColumns({
  openId,
  onRead,
  reading,
  onChangeStatus,
}: {
  openId: string | null;
  onRead: (community: StreetCommunity) => void;
  reading: boolean;
  onChangeStatus: (community: StreetCommunity) => void;
}): DataColumn<StreetCommunity>[] {
  const { t } = useTranslation();
  const format = useFormat();
  const inLanguage = useLocalizedName();
  const count = (value: (community: StreetCommunity) => number, id: string, header: string) => ({
    id,
    header,
    className: 'number',
    sortValue: value,
    cell: (community: StreetCommunity) => format.number(value(community)),
  });
  return [
    {
      id: 'name',
      header: t('street.columns.name'),
      sortValue: (community) => inLanguage(community.name),
      cell: (community) => (
        <span translate="no">
          {inLanguage(community.name)}{' '}
          {community.id === openId ? <Badge tone="info">{t('street.readingNow')}</Badge> : null}
        </span>
      ),
    },
    {
      id: 'status',
      header: t('street.columns.status'),
      sortValue: (community) => (community.active ? t('street.active') : t('street.closed')),
      cell: (community) =>
        community.active ? (
          <Badge tone="success">{t('street.active')}</Badge>
        ) : (
          <Badge tone="danger">{t('street.closed')}</Badge>
        ),
    },
    count((community) => community.residents, 'residents', t('street.columns.residents')),
    count((community) => community.participants, 'participants', t('street.columns.participants')),
    count((community) => community.pointsHeld, 'pointsHeld', t('street.columns.pointsHeld')),
    {
      id: 'timeCreditHeld',
      header: t('street.columns.timeCreditHeld'),
      className: 'number',
      sortValue: (community) => community.timeCreditHeld,
      cell: (community) => t('common.hours', { value: format.hours(community.timeCreditHeld) }),
    },
    count(
      (community) => community.awaitingReview,
      'awaitingReview',
      t('street.columns.awaitingReview'),
    ),
    {
      id: 'lastService',
      header: t('street.columns.lastService'),
      className: 'nowrap',
      sortValue: (community) => community.lastServiceAt ?? '',
      cell: (community) =>
        community.lastServiceAt ? (
          format.date(community.lastServiceAt)
        ) : (
          <span className="muted">{t('street.noService')}</span>
        ),
    },
    {
      id: 'actions',
      header: t('common.actions'),
      cell: (community) => {
        const name = inLanguage(community.name);
        return (
          <div className="row">
            <button
              type="button"
              className="button button-small button-primary"
              aria-label={t('street.readCommunity', { name })}
              disabled={reading}
              onClick={() => onRead(community)}
            >
              {t('street.read')}
            </button>
            <button
              type="button"
              className="button button-small"
              aria-label={`${community.active ? t('street.close') : t('street.reopen')} ${name}`}
              onClick={() => onChangeStatus(community)}
            >
              {community.active ? t('street.close') : t('street.reopen')}
            </button>
          </div>
        );
      },
    },
  ];
}
