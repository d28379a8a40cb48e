import './service.css';
import { describeApiError } from '@tally/client/api-error';
import { formatShortDate } from '@tally/client/format';
import { inLanguage } from '@tally/domain/localized-text';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskApi, MyRecord } from '../api/kiosk-client';
import { useLoad } from '../api/use-load';
import { hoursText } from '../i18n/hours';
import { errorText } from '../ui/error-text';
import { Pager } from '../ui/pager';
import { useLanguage } from '../ui/use-language';
import { usePortrait } from '../ui/use-portrait';
import { CorrectionLine } from './correction-line';

/** Records per page: as many as fit beside (landscape) or above (portrait) the requests. */
export const RECORDS_PAGE_SIZE = { landscape: 5, portrait: 6 };
const REQUESTS_SHOWN = 3;

/**
 * The resident's own service records, with "Ask for a correction" on those they may dispute,
 * and their correction requests with where each stands and what the office said.
 */
export function MyServiceScreen({
  api,
  onCorrect,
}: {
  api: KioskApi;
  /** A record whose hours are wrong, or null for a record that is missing. */
  onCorrect: (record: MyRecord | null) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const limit = usePortrait() ? RECORDS_PAGE_SIZE.portrait : RECORDS_PAGE_SIZE.landscape;
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const cursor = cursors[cursors.length - 1];
  const records = useLoad(`records:${limit}:${cursor ?? ''}`, () =>
    api.myRecords.query({ limit, ...(cursor ? { cursor } : {}) }),
  );
  const requests = useLoad('corrections', () => api.myCorrections.query({ limit: REQUESTS_SHOWN }));
  const next = records.data?.nextCursor ?? null;

  return (
    <section className="my-service" aria-labelledby="my-service-title">
      <h1 id="my-service-title">{t('service.title')}</h1>
      <div className="my-service-layout">
        <section className="service-panel" aria-labelledby="records-title">
          <h2 id="records-title">{t('service.recordsTitle')}</h2>
          {records.error != null && !records.data && (
            <p className="notice notice-error">{errorText(t, describeApiError(records.error))}</p>
          )}
          {records.data?.items.length === 0 && <p className="lead">{t('service.noRecords')}</p>}
          <ul className="record-list">
            {records.data?.items.map((record) => (
              <li key={record.id} className="record-line">
                <span className="record-date">
                  {formatShortDate(`${record.serviceDate}T12:00:00Z`, language)}
                </span>
                <span className="record-what">
                  <span className="record-activity">{record.activity.title}</span>
                  <span className="record-org">
                    {inLanguage(record.organization.name, language)} ·{' '}
                    {t(`service.status.${record.status}`, { defaultValue: record.status })}
                  </span>
                </span>
                <span className="record-hours">{hoursText(t, record.minutes, language)}</span>
                {record.correctable ? (
                  <button
                    type="button"
                    className="button button-secondary record-correct"
                    onClick={() => onCorrect(record)}
                  >
                    {t('service.askCorrection')}
                  </button>
                ) : (
                  <span className="record-correct" />
                )}
              </li>
            ))}
          </ul>
          <Pager
            previous={cursors.length > 1 ? () => setCursors(cursors.slice(0, -1)) : null}
            next={next ? () => setCursors([...cursors, next]) : null}
            previousLabel={t('account.newer')}
            nextLabel={t('account.older')}
          >
            <button type="button" className="button button-quiet" onClick={() => onCorrect(null)}>
              {t('service.reportMissing')}
            </button>
          </Pager>
        </section>
        <section className="service-panel" aria-labelledby="requests-title">
          <h2 id="requests-title">{t('service.requestsTitle')}</h2>
          {requests.data?.items.length === 0 && <p className="lead">{t('service.noRequests')}</p>}
          <ul className="request-list">
            {requests.data?.items.map((request) => (
              <CorrectionLine key={request.id} request={request} />
            ))}
          </ul>
        </section>
      </div>
    </section>
  );
}
