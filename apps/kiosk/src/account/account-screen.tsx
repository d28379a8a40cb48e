import './account.css';
import { describeApiError } from '@tally/client/api-error';
import { formatHours, formatNumber } from '@tally/client/format';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskApi, Resident } from '../api/kiosk-client';
import { useLoad } from '../api/use-load';
import { errorText } from '../ui/error-text';
import { Pager } from '../ui/pager';
import { useLanguage } from '../ui/use-language';
import { usePortrait } from '../ui/use-portrait';
import { HistoryLine } from './history-line';

/** Entries per page: as many as fit beside (landscape) or below (portrait) the balances. */
export const HISTORY_PAGE_SIZE = { landscape: 6, portrait: 10 };

/**
 * Points and hours in large type, and the latest entries in plain words,
 * paged with buttons. Opening it also refreshes the balance from the service.
 */
export function AccountScreen({
  api,
  resident,
  onResident,
  onChangePin,
}: {
  api: KioskApi;
  resident: Resident;
  onResident: (resident: Resident) => void;
  onChangePin: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const limit = usePortrait() ? HISTORY_PAGE_SIZE.portrait : HISTORY_PAGE_SIZE.landscape;
  // The cursors of the pages seen so far: "Newer" goes back one, "Older" on one.
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const cursor = cursors[cursors.length - 1];
  const history = useLoad(`history:${limit}:${cursor ?? ''}`, () =>
    api.history.query({ limit, ...(cursor ? { cursor } : {}) }),
  );

  useEffect(() => {
    api.me.query().then(onResident, () => undefined);
  }, [api, onResident]);

  const items = history.data?.items ?? [];
  const next = history.data?.nextCursor ?? null;

  return (
    <section className="account" aria-labelledby="account-title">
      <h1 id="account-title">{t('account.title')}</h1>
      <div className="account-layout">
        <div className="account-side">
          <dl className="account-balances">
            <div className="balance-tile balance-tile-points">
              <dt>{t('account.points')}</dt>
              <dd>{formatNumber(resident.points, language)}</dd>
            </div>
            <div className="balance-tile">
              <dt>{t('account.hours')}</dt>
              <dd>
                {formatHours(resident.minutes, language)}
                <span className="balance-unit">
                  {' '}
                  {t('common.hoursUnit', { count: resident.minutes / 60 })}
                </span>
              </dd>
            </div>
          </dl>
          <button type="button" className="button button-large" onClick={onChangePin}>
            {t('changePin.open')}
          </button>
        </div>
        <section className="account-history" aria-labelledby="history-title">
          <h2 id="history-title">{t('account.historyTitle')}</h2>
          {history.loading && !history.data && <p className="lead">{t('common.loading')}</p>}
          {history.error != null && !history.data && (
            <p className="notice notice-error">{errorText(t, describeApiError(history.error))}</p>
          )}
          {history.data && items.length === 0 && <p className="lead">{t('account.empty')}</p>}
          <ul className="history-list">
            {items.map((entry) => (
              <HistoryLine key={entry.transactionId} entry={entry} />
            ))}
          </ul>
          {(cursors.length > 1 || next) && (
            <Pager
              previous={cursors.length > 1 ? () => setCursors(cursors.slice(0, -1)) : null}
              next={next ? () => setCursors([...cursors, next]) : null}
              previousLabel={t('account.newer')}
              nextLabel={t('account.older')}
            />
          )}
        </section>
      </div>
    </section>
  );
}
