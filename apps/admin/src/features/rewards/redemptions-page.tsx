import {
  type Redemption,
  type RedemptionStatus,
  redemptionStatuses,
} from '@tally/domain/redemptions';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useApi } from '../../api/api-context';
import { useApiMutation, usePagedQuery } from '../../api/queries';
import { useFormat } from '../../i18n/format';
import { useLocalizedName } from '../../i18n/localized-name';
import { mayManage } from '../../session/permissions';
import { useUser } from '../../session/session-context';
import { Badge, type Tone } from '../../ui/badge';
import { type DataColumn, DataTable } from '../../ui/data-table';
import { Field } from '../../ui/field';
import { PageHeader } from '../../ui/page-header';
import { Empty, ErrorNotice, Loading } from '../../ui/states';
import { useToast } from '../../ui/toast';
import { useDebounced } from '../../ui/use-debounced';
import { CancelRedemptionDialog } from './cancel-redemption-dialog';

const tones: Record<RedemptionStatus, Tone> = {
  issued: 'info',
  fulfilled: 'success',
  cancelled: 'neutral',
};

/** Rewards residents redeemed at a kiosk: hand them out by pickup code, or cancel with a reason. */
export function RedemptionsPage() {
  const inLanguage = useLocalizedName();
  const { t } = useTranslation();
  const api = useApi();
  const user = useUser();
  const format = useFormat();
  const toast = useToast();
  const [status, setStatus] = useState<RedemptionStatus | ''>('issued');
  const [code, setCode] = useState('');
  const [cancelling, setCancelling] = useState<Redemption | null>(null);
  const pickupCode = useDebounced(code.trim().toUpperCase());
  const validCode = /^[A-Z0-9]{6}$/.test(pickupCode);
  const redemptions = usePagedQuery(
    'redemptions.list',
    {
      ...(status && !validCode ? { status } : {}),
      ...(validCode ? { pickupCode } : {}),
      limit: 50,
    },
    api.redemptions.list.query,
  );
  const fulfil = useApiMutation(api.redemptions.fulfil.mutate, {
    invalidates: ['redemptions.list'],
    onSuccess: (redemption) =>
      toast(
        t('redemptions.fulfilled', {
          reward: inLanguage(redemption.rewardName),
          name: redemption.residentName,
        }),
      ),
  });
  const office = mayManage(user.role);
  const rewardName = (redemption: Redemption) =>
    `${inLanguage(redemption.rewardName)}${redemption.quantity > 1 ? ` × ${redemption.quantity}` : ''}`;
  const columns: DataColumn<Redemption>[] = [
    {
      id: 'pickupCode',
      header: t('redemptions.pickupCode'),
      className: 'mono',
      sortValue: (redemption) => redemption.pickupCode,
      cell: (redemption) => <strong translate="no">{redemption.pickupCode}</strong>,
    },
    { id: 'reward', header: t('redemptions.reward'), sortValue: rewardName, cell: rewardName },
    {
      id: 'resident',
      header: t('service.resident'),
      sortValue: (redemption) => redemption.residentName,
      cell: (redemption) => (
        <>
          <Link href={`/residents/${redemption.residentId}`}>{redemption.residentName}</Link>
          <div className="muted mono">{redemption.cardNumber}</div>
        </>
      ),
    },
    {
      id: 'points',
      header: t('residents.points'),
      className: 'number',
      sortValue: (redemption) => redemption.points,
      cell: (redemption) => format.number(redemption.points),
    },
    {
      id: 'when',
      header: t('ledger.when'),
      className: 'nowrap',
      sortValue: (redemption) => Date.parse(redemption.createdAt),
      cell: (redemption) => format.dateTime(redemption.createdAt),
    },
    {
      id: 'status',
      header: t('service.statusLabel'),
      sortValue: (redemption) => t(`redemptions.status.${redemption.status}`),
      cell: (redemption) => (
        <>
          <Badge tone={tones[redemption.status]}>
            {t(`redemptions.status.${redemption.status}`)}
          </Badge>
          {redemption.cancelReason ? (
            <div className="muted">
              {t('records.reason')}: {redemption.cancelReason}
            </div>
          ) : null}
        </>
      ),
    },
    ...(office
      ? [
          {
            id: 'actions',
            header: t('common.actions'),
            cell: (redemption: Redemption) =>
              redemption.status === 'issued' ? (
                <div className="row">
                  <button
                    type="button"
                    className="button button-primary button-small"
                    disabled={fulfil.isPending}
                    onClick={() => fulfil.mutate({ redemptionId: redemption.id })}
                  >
                    {t('redemptions.fulfil')}
                  </button>
                  <button
                    type="button"
                    className="button button-small"
                    onClick={() => setCancelling(redemption)}
                  >
                    {t('redemptions.cancel')}
                  </button>
                </div>
              ) : null,
          },
        ]
      : []),
  ];

  return (
    <>
      <PageHeader title={t('redemptions.title')} description={t('redemptions.description')} />
      <search className="filters card">
        <Field label={t('redemptions.pickupCode')} hint={t('redemptions.pickupHint')}>
          {(control) => (
            <input
              {...control}
              className="input mono"
              autoComplete="off"
              maxLength={6}
              value={code}
              onChange={(event) => setCode(event.target.value)}
            />
          )}
        </Field>
        <Field label={t('service.statusLabel')}>
          {(control) => (
            <select
              {...control}
              className="select"
              value={status}
              disabled={validCode}
              onChange={(event) => setStatus(event.target.value as RedemptionStatus | '')}
            >
              <option value="">{t('common.all')}</option>
              {redemptionStatuses.map((option) => (
                <option key={option} value={option}>
                  {t(`redemptions.status.${option}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </search>
      <ErrorNotice error={redemptions.error ?? fulfil.error} />
      {redemptions.isPending ? (
        <Loading />
      ) : redemptions.items.length === 0 ? (
        <Empty>{t('redemptions.none')}</Empty>
      ) : (
        <DataTable
          rows={redemptions.items}
          columns={columns}
          rowKey={(redemption) => redemption.id}
          more={{
            hasMore: redemptions.hasNextPage,
            loading: redemptions.isFetchingNextPage,
            onLoad: () => void redemptions.fetchNextPage(),
          }}
        />
      )}
      <CancelRedemptionDialog redemption={cancelling} onClose={() => setCancelling(null)} />
    </>
  );
}
