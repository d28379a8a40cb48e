import { inLanguage } from '@tally/domain/localized-text';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NoticeBoard } from '../api/me-types';
import { usePages } from '../api/use-pages';
import { formatDay } from '../i18n/format';
import { hoursText } from '../i18n/hours';
import type { ScreenProps } from '../routed-screen';
import { pathOf } from '../router/routes';
import { MoreButton } from '../ui/more-button';
import { ScreenTitle } from '../ui/screen-title';
import { Failure, Loading } from '../ui/status';
import { useLanguage } from '../ui/use-language';

/** The public notice of recently approved service, as on the kiosk: neighbours may speak up. */
export function NoticesScreen({ api }: ScreenProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [days, setDays] = useState<number | null>(null);
  const pages = usePages<NoticeBoard['items'][number]>('notices', async (cursor) => {
    const board = await api.notices.query({ limit: 20, ...(cursor ? { cursor } : {}) });
    setDays(board.noticeDays);
    return board;
  });
  return (
    <section className="stack">
      <ScreenTitle title={t('notices.title')} back={pathOf({ name: 'home' })}>
        {days !== null && <p className="muted">{t('notices.hint', { days })}</p>}
      </ScreenTitle>
      {pages.loaded && pages.items.length === 0 && <p className="muted">{t('notices.empty')}</p>}
      <ul className="list">
        {pages.items.map((notice) => (
          <li key={notice.serviceRecordId} className="card">
            <h2>
              {notice.named ? (
                <span translate="no">{notice.displayName}</span>
              ) : (
                t('notices.anonymous')
              )}
            </h2>
            <p>
              <span translate="no">{notice.activity.title}</span> ·{' '}
              {inLanguage(notice.organization.name, language)}
            </p>
            <p className="muted">
              {formatDay(notice.serviceDate, language)} · {hoursText(t, notice.minutes, language)}
            </p>
          </li>
        ))}
      </ul>
      {pages.loading && <Loading />}
      {pages.error != null && <Failure error={pages.error} onRetry={pages.reload} />}
      {pages.hasMore && !pages.loading && <MoreButton onClick={pages.more} />}
    </section>
  );
}
