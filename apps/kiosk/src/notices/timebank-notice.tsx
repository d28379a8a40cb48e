import { useTranslation } from 'react-i18next';
import type { TimeBankBoard } from '../api/kiosk-client';
import { durationText } from '../timebank/timebank-words';

/** Thanks the board may show at once: a few large lines read better from a step away. */
const THANKS_SHOWN = 3;

/**
 * The time bank on the public board: thanks for exchanges both neighbours agreed to show
 * ("王阿姨 got help with shopping from 李明 — 1 h"), this month's help, and what the care pool
 * holds. Names are shown as the residents are called.
 */
export function TimeBankNotice({ board }: { board: TimeBankBoard }) {
  const { t } = useTranslation();
  return (
    <>
      {board.exchanges.length > 0 && (
        <ul className="notice-list">
          {board.exchanges.slice(0, THANKS_SHOWN).map((exchange) => (
            <li
              key={`${exchange.confirmedAt}-${exchange.helperName}`}
              className="notice-line timebank-line"
            >
              <span className="notice-who">
                {t('timebankBoard.line', {
                  requester: exchange.requesterName,
                  helper: exchange.helperName,
                  kind: t(`timebankBoard.kinds.${exchange.kind}`),
                })}
              </span>
              <span className="notice-hours">{durationText(t, exchange.minutes)}</span>
            </li>
          ))}
        </ul>
      )}
      <p className="timebank-month">
        {t('timebankBoard.month', {
          count: board.monthExchanges,
          time: durationText(t, board.monthMinutes),
        })}
      </p>
      <p className="timebank-pool">
        {t('timebankBoard.pool', { time: durationText(t, board.poolBalance) })}
      </p>
    </>
  );
}
