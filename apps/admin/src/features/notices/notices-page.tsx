import type { Notice } from '@tally/domain/notices';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context';
import { useApiQuery, usePagedQuery } from '../../api/queries';
import { useCategoryLabel } from '../../i18n/category-label';
import { useFormat } from '../../i18n/format';
import { mayManage } from '../../session/permissions';
import { useUser } from '../../session/session-context';
import { PageHeader } from '../../ui/page-header';
import { Empty, ErrorNotice, Loading, LoadMore } from '../../ui/states';
import { GovernanceBoard } from '../topics/governance-board';
import { daysLeftOnNotice } from './notice-period';
import { NoticePeriodDialog } from './notice-period-dialog';
import './notices.css';
import { useLocalizedName } from '../../i18n/localized-name';

/** The public notice board as residents see it, and (for the office) how long it shows service. */
export function NoticesPage() {
  const { t } = useTranslation();
  const api = useApi();
  const user = useUser();
  const [changing, setChanging] = useState(false);
  const settings = useApiQuery('notices.settings', undefined, () => api.notices.settings.query());
  const board = usePagedQuery('notices.list', { limit: 25 }, api.notices.list.query);
  const noticeDays = settings.data?.noticeDays;
  const office = mayManage(user.role);

  return (
    <>
      <PageHeader title={t('notices.title')} description={t('notices.description')} />
      <section className="card notice-period" aria-labelledby="notice-period-title">
        <div className="notice-period-text">
          <h2 id="notice-period-title">
            {t('notices.periodTitle')}
            {noticeDays !== undefined ? (
              <span className="notice-period-days">
                {t('notices.periodDays', { count: noticeDays })}
              </span>
            ) : null}
          </h2>
          <p className="muted">{t('notices.periodExplain')}</p>
          {office ? null : <p className="muted">{t('notices.periodReadOnly')}</p>}
        </div>
        {office && noticeDays !== undefined ? (
          <button type="button" className="button" onClick={() => setChanging(true)}>
            {t('notices.change')}
          </button>
        ) : null}
      </section>
      <ErrorNotice error={settings.error ?? board.error} />
      {board.isPending ? (
        <Loading />
      ) : board.items.length === 0 ? (
        board.error ? null : (
          <Empty>{t('notices.none', { count: noticeDays ?? 0 })}</Empty>
        )
      ) : (
        <NoticeTable
          notices={board.items}
          more={
            <LoadMore
              hasMore={board.hasNextPage}
              loading={board.isFetchingNextPage}
              onLoad={() => void board.fetchNextPage()}
            />
          }
        />
      )}
      <GovernanceBoard />
      {office && noticeDays !== undefined ? (
        <NoticePeriodDialog
          open={changing}
          current={noticeDays}
          onClose={() => setChanging(false)}
        />
      ) : null}
    </>
  );
}

function NoticeTable({ notices, more }: { notices: Notice[]; more: ReactNode }) {
  const inLanguage = useLocalizedName();
  const { t } = useTranslation();
  const format = useFormat();
  const categoryLabel = useCategoryLabel();
  const now = new Date();
  return (
    <div className="table-wrap">
      <table className="table notice-table">
        <caption className="visually-hidden">{t('notices.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('notices.name')}</th>
            <th scope="col">{t('notices.organization')}</th>
            <th scope="col">{t('notices.activity')}</th>
            <th scope="col">{t('notices.serviceDate')}</th>
            <th scope="col" className="number">
              {t('notices.hours')}
            </th>
            <th scope="col">{t('notices.until')}</th>
          </tr>
        </thead>
        <tbody>
          {notices.map((notice) => {
            const left = daysLeftOnNotice(notice.noticeUntil, now);
            return (
              <tr key={notice.serviceRecordId}>
                <td>
                  {notice.named ? (
                    <strong>{notice.displayName}</strong>
                  ) : (
                    <span className="muted nowrap">{t('notices.anonymous')}*</span>
                  )}
                </td>
                <td>{inLanguage(notice.organization.name)}</td>
                <td>
                  {notice.activity.title}
                  <div className="muted">{categoryLabel(notice.activity.category)}</div>
                </td>
                <td className="nowrap">{format.calendarDay(notice.serviceDate)}</td>
                <td className="number">
                  {t('common.hours', { value: format.hours(notice.minutes) })}
                </td>
                <td>
                  <span className="nowrap">{format.date(notice.noticeUntil)}</span>
                  <div className={left === 1 ? 'notice-last-day' : 'muted'}>
                    {left === 1 ? t('notices.lastDay') : t('notices.daysLeft', { count: left })}
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {more}
      {notices.some((notice) => !notice.named) ? (
        <p className="notice-footnote muted">* {t('notices.anonymousHint')}</p>
      ) : null}
    </div>
  );
}
