import './notices.css';
import { formatShortDate } from '@tally/client/format';
import { inLanguage } from '@tally/domain/localized-text';
import type { TFunction } from 'i18next';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskApi } from '../api/kiosk-client';
import { useLoad } from '../api/use-load';
import { hoursText } from '../i18n/hours';
import { NextIcon } from '../ui/icons';
import { useLanguage } from '../ui/use-language';
import { DecisionNotice, PollNotice } from './governance-notices';
import { type BoardPage, boardPages } from './notice-pages';
import { TimeBankNotice } from './timebank-notice';

/** Lines per page: a few large lines read better from a step away than a long list. */
export const NOTICES_PER_PAGE = 3;
/** Long enough to read three lines at an easy pace. */
const ADVANCE_MS = 10_000;
/** New approvals appear within a few minutes; the board is public, so no hurry. */
const REFRESH_MS = 5 * 60_000;

function titleOf(t: TFunction, shown: BoardPage): string {
  if (shown.part === 'service') return t('notices.title');
  if (shown.part === 'timebank') return t('timebankBoard.title');
  return t('governance.title');
}

/**
 * The public notice board ("apply, review, public notice"): recently approved service, so
 * neighbours can see it and speak up, then neighbours' help in the time bank, then the community's decisions with their follow-up and
 * the results of closed polls. It pages by itself; "Next" moves on at once.
 */
export function NoticeBoard({ api }: { api: KioskApi }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const board = useLoad('notices', () => api.notices.query({ limit: 30 }));
  // Decisions and poll results are a part of their own; a board without them still shows service.
  const governance = useLoad('governance', () => api.governance.query());
  // The time bank's thanks are a part of their own too, read with the device token alone.
  const timebank = useLoad('timebankBoard', () => api.timebank.board.query());
  const reload = useCallback(() => {
    board.reload();
    governance.reload();
    timebank.reload();
  }, [board.reload, governance.reload, timebank.reload]);
  const [page, setPage] = useState(0);
  const pages = boardPages(
    board.data?.items ?? [],
    governance.data,
    NOTICES_PER_PAGE,
    timebank.data,
  );
  const shown: BoardPage = pages[page % pages.length] ?? { part: 'service', items: [] };

  useEffect(() => {
    const timer = setInterval(reload, REFRESH_MS);
    return () => clearInterval(timer);
  }, [reload]);
  useEffect(() => {
    if (pages.length < 2) return;
    const timer = setInterval(() => setPage((p) => (p + 1) % pages.length), ADVANCE_MS);
    return () => clearInterval(timer);
  }, [pages.length]);

  if (!board.data) return null;
  return (
    <section className="notice-board" aria-labelledby="notice-board-title">
      <div className="notice-board-head">
        <h2 id="notice-board-title">{titleOf(t, shown)}</h2>
        {pages.length > 1 && (
          <button
            type="button"
            className="button button-secondary notice-next"
            onClick={() => setPage((p) => (p + 1) % pages.length)}
          >
            <span className="visually-hidden">{t('notices.nextPage')} </span>
            {t('notices.page', { page: (page % pages.length) + 1, pages: pages.length })}
            <NextIcon />
          </button>
        )}
      </div>
      {shown.part === 'service' && (
        <p className="notice-board-hint">{t('notices.hint', { days: board.data.noticeDays })}</p>
      )}
      {shown.part === 'service' && shown.items.length === 0 && (
        <p className="notice-board-empty">{t('notices.empty')}</p>
      )}
      {shown.part === 'service' && shown.items.length > 0 && (
        <ul className="notice-list">
          {shown.items.map((notice) => (
            <li key={notice.serviceRecordId} className="notice-line">
              <span className="notice-who">
                {notice.named ? notice.displayName : t('notices.anonymous')}
              </span>
              <span className="notice-hours">{hoursText(t, notice.minutes, language)}</span>
              <span className="notice-what">
                {notice.activity.title} · {inLanguage(notice.organization.name, language)} ·{' '}
                {formatShortDate(`${notice.serviceDate}T12:00:00Z`, language)}
              </span>
            </li>
          ))}
        </ul>
      )}
      {shown.part === 'timebank' && <TimeBankNotice board={shown.board} />}
      {shown.part === 'decision' && (
        <ul className="notice-list">
          <DecisionNotice decision={shown.item} />
        </ul>
      )}
      {shown.part === 'poll' && (
        <ul className="notice-list">
          <PollNotice poll={shown.item} />
        </ul>
      )}
    </section>
  );
}
