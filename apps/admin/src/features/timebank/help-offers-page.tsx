import { type HelpKind, type HelpOffer, helpKinds } from '@tally/domain/timebank';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context';
import { useApiMutation, usePagedQuery } from '../../api/queries';
import { useBuildingLabel, useFormat } from '../../i18n/format';
import { Badge } from '../../ui/badge';
import { type DataColumn, DataTable } from '../../ui/data-table';
import { ConfirmActions, Dialog } from '../../ui/dialog';
import { Field } from '../../ui/field';
import { PageHeader } from '../../ui/page-header';
import { Empty, ErrorNotice, Loading } from '../../ui/states';
import { useToast } from '../../ui/toast';
import { TimeBankTabs, useHelpKindLabel } from './timebank-labels';
import { TIMEBANK_QUERIES } from './use-help-request';

/** What residents offer to do for neighbours; the office reads them and takes down what it must. */
export function HelpOffersPage() {
  const { t } = useTranslation();
  const api = useApi();
  const kindLabel = useHelpKindLabel();
  const [kind, setKind] = useState<HelpKind | ''>('');
  const [takingDown, setTakingDown] = useState<HelpOffer | null>(null);
  const offers = usePagedQuery(
    'timebank.offers',
    { ...(kind ? { kind } : {}), limit: 50 },
    api.timebank.offers.query,
  );
  const columns = useOfferColumns(setTakingDown);

  return (
    <>
      <PageHeader title={t('timebank.title')} description={t('timebank.offers.description')} />
      <TimeBankTabs current="offers" />
      <search className="filters card">
        <Field label={t('timebank.offers.kindLabel')}>
          {(control) => (
            <select
              {...control}
              className="select"
              value={kind}
              onChange={(event) => setKind(event.target.value as HelpKind | '')}
            >
              <option value="">{t('common.all')}</option>
              {helpKinds.map((each) => (
                <option key={each} value={each}>
                  {kindLabel(each)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </search>
      <ErrorNotice error={offers.error} />
      {offers.isPending ? (
        <Loading />
      ) : offers.items.length === 0 ? (
        offers.error ? null : (
          <Empty>{t('timebank.offers.none')}</Empty>
        )
      ) : (
        <DataTable
          rows={offers.items}
          columns={columns}
          rowKey={(offer) => offer.id}
          caption={t('timebank.offers.title')}
          search
          more={{
            hasMore: offers.hasNextPage,
            loading: offers.isFetchingNextPage,
            onLoad: () => void offers.fetchNextPage(),
          }}
        />
      )}
      {takingDown ? (
        <TakeDownDialog offer={takingDown} onClose={() => setTakingDown(null)} />
      ) : null}
    </>
  );
}

function useOfferColumns(onTakeDown: (offer: HelpOffer) => void): DataColumn<HelpOffer>[] {
  const { t } = useTranslation();
  const format = useFormat();
  const kindLabel = useHelpKindLabel();
  const buildingLabel = useBuildingLabel();
  return [
    {
      id: 'kind',
      header: t('timebank.offers.columns.kind'),
      sortValue: (offer) => kindLabel(offer.kind),
      cell: (offer) => <strong>{kindLabel(offer.kind)}</strong>,
    },
    {
      id: 'resident',
      header: t('timebank.offers.columns.resident'),
      sortValue: (offer) => offer.residentName,
      cell: (offer) => <span translate="no">{offer.residentName}</span>,
    },
    {
      id: 'building',
      header: t('timebank.offers.columns.building'),
      sortValue: (offer) => buildingLabel(offer.building),
      cell: (offer) => <span translate="no">{buildingLabel(offer.building)}</span>,
    },
    {
      id: 'what',
      className: 'long-text',
      header: t('timebank.offers.columns.what'),
      searchText: (offer) => offer.description,
      cell: (offer) => <span translate="no">{offer.description}</span>,
    },
    {
      id: 'when',
      header: t('timebank.offers.columns.when'),
      searchText: (offer) => offer.when ?? '',
      cell: (offer) => (offer.when ? <span translate="no">{offer.when}</span> : '—'),
    },
    {
      id: 'status',
      header: t('timebank.offers.columns.status'),
      sortValue: (offer) => t(`timebank.offers.status.${offer.status}`),
      cell: (offer) => (
        <Badge tone={offer.status === 'open' ? 'success' : 'neutral'}>
          {t(`timebank.offers.status.${offer.status}`)}
        </Badge>
      ),
    },
    {
      id: 'since',
      className: 'nowrap',
      header: t('timebank.offers.columns.since'),
      sortValue: (offer) => Date.parse(offer.createdAt),
      cell: (offer) => format.date(offer.createdAt),
    },
    {
      id: 'actions',
      header: t('common.actions'),
      cell: (offer) =>
        offer.status === 'open' ? (
          <button type="button" className="button button-small" onClick={() => onTakeDown(offer)}>
            {t('timebank.offers.takeDown')}
          </button>
        ) : null,
    },
  ];
}

function TakeDownDialog({ offer, onClose }: { offer: HelpOffer; onClose: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const toast = useToast();
  const takeDown = useApiMutation(api.timebank.withdrawOffer.mutate, {
    invalidates: TIMEBANK_QUERIES,
    onSuccess: () => {
      toast(t('timebank.offers.takenDown'));
      onClose();
    },
  });
  return (
    <Dialog
      open
      onClose={onClose}
      title={t('timebank.offers.takeDownTitle')}
      footer={
        <ConfirmActions
          onCancel={onClose}
          onConfirm={() => takeDown.mutate({ offerId: offer.id })}
          pending={takeDown.isPending}
          label={t('timebank.offers.takeDown')}
          danger
        />
      }
    >
      <p>{t('timebank.offers.takeDownExplain', { name: offer.residentName })}</p>
      <ErrorNotice error={takeDown.error} />
    </Dialog>
  );
}
