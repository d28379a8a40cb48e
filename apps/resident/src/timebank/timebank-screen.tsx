import { useTranslation } from 'react-i18next';
import type { BoardExchange, CarePool, TimeBankBoard } from '../api/me-types';
import { useLoad } from '../api/use-load';
import type { ScreenProps } from '../routed-screen';
import { Link } from '../router/location';
import { pathOf, type Route } from '../router/routes';
import { NamedText } from '../ui/named-text';
import { ScreenTitle } from '../ui/screen-title';
import { Failure, Loading } from '../ui/status';
import { durationText, helpKindLabel } from './timebank-words';

const ways: { key: 'help' | 'ask' | 'offers' | 'give'; route: Route }[] = [
  { key: 'help', route: { name: 'helpRequests' } },
  { key: 'ask', route: { name: 'askHelp' } },
  { key: 'offers', route: { name: 'helpOffers' } },
  { key: 'give', route: { name: 'giveCredit' } },
];

/**
 * The time bank's home: the resident's time credit (apart from points and hours, which it
 * never touches), the care pool, the ways in, and the board's thanks.
 */
export function TimeBankScreen({ api }: ScreenProps) {
  const { t } = useTranslation();
  const balance = useLoad('timebank.balance', () => api.timebank.balance.query());
  const pool = useLoad('timebank.pool', () => api.timebank.pool.query());
  const board = useLoad('timebank.board', () => api.timebank.board.query());
  const credit = balance.data;
  return (
    <section className="stack">
      <ScreenTitle title={t('timebank.title')} back={pathOf({ name: 'home' })}>
        <p className="muted">{t('timebank.intro')}</p>
      </ScreenTitle>
      {!credit && balance.loading && <Loading />}
      {balance.error != null && !credit && (
        <Failure error={balance.error} onRetry={balance.reload} />
      )}
      {credit && (
        <div className="card" data-testid="time-credit">
          <dl className="balances" style={{ gridTemplateColumns: '1fr' }}>
            <div className="balance">
              <dt>{t('timebank.credit')}</dt>
              <dd data-testid="time-credit-balance">{durationText(t, credit.balance)}</dd>
            </div>
          </dl>
          <p>{t('timebank.helped', { time: durationText(t, credit.helpedMinutes) })}</p>
          <p>{t('timebank.received', { time: durationText(t, credit.receivedMinutes) })}</p>
          {credit.poolEligible && (
            <p className="notice notice-success" data-testid="pool-pays">
              {t('timebank.poolPays')}
            </p>
          )}
          <p className="muted">{t('timebank.creditNote')}</p>
        </div>
      )}
      <h2>{t('timebank.ways')}</h2>
      <nav className="quick-links" aria-label={t('timebank.ways')}>
        {ways.map((way) => (
          <Link key={way.key} to={pathOf(way.route)}>
            {t(`timebank.${way.key}`)}
          </Link>
        ))}
      </nav>
      <div className="tabs">
        <Link to={pathOf({ name: 'myHelpRequests' })} className="button button-secondary">
          {t('timebank.tab.mine')}
        </Link>
        <Link to={pathOf({ name: 'helping' })} className="button button-secondary">
          {t('timebank.tab.helping')}
        </Link>
      </div>
      {board.error != null && !board.data && <Failure error={board.error} onRetry={board.reload} />}
      {board.data && <Board board={board.data} pool={pool.data ?? null} />}
    </section>
  );
}

/** The care pool (from `timebank.pool`), this month's exchanges and the board's thanks. */
function Board({ board, pool }: { board: TimeBankBoard; pool: CarePool | null }) {
  const { t } = useTranslation();
  return (
    <>
      <div className="card">
        <h2>{t('timebank.pool')}</h2>
        <p className="big-figure" data-testid="pool-balance">
          {durationText(t, pool?.balance ?? board.poolBalance)}
        </p>
        <p>{t('timebank.poolPaidSoFar', { time: durationText(t, pool?.paidMinutes ?? 0) })}</p>
        <p>
          {t('timebank.month', {
            count: board.monthExchanges,
            time: durationText(t, board.monthMinutes),
          })}
        </p>
      </div>
      <h2>{t('timebank.board')}</h2>
      {board.exchanges.length === 0 && <p className="muted">{t('timebank.boardEmpty')}</p>}
      <ul className="plain-list" data-testid="timebank-board">
        {board.exchanges.map((exchange, index) => (
          <li key={`${exchange.confirmedAt}:${index}`} className="card">
            <BoardLine exchange={exchange} />
          </li>
        ))}
      </ul>
    </>
  );
}

/** "王阿姨 got help from 李明: Shopping, 1 hour", the names as written. */
export function BoardLine({ exchange }: { exchange: BoardExchange }) {
  const { t } = useTranslation();
  return (
    <NamedText
      text={t('timebank.boardLine', {
        requester: exchange.requesterName,
        helper: exchange.helperName,
        kind: helpKindLabel(t, exchange.kind),
        time: durationText(t, exchange.minutes),
      })}
      names={[exchange.requesterName, exchange.helperName]}
    />
  );
}
