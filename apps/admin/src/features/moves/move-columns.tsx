import type { Move } from '@tally/domain/street';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { useLocalizedName } from '../../i18n/localized-name';
import type { DataColumn } from '../../ui/data-table';
import { MoveStatusBadge } from './move-status-badge';

type Side = 'from' | 'to';

/**
 * The columns of every list of moves: the office's two (which leave out its own side) and the
 * street's (both sides). `actions` adds the office's buttons.
 */
export function useMoveColumns({
  sides,
  actions,
}: {
  sides: readonly Side[];
  actions?: (move: Move) => ReactNode;
}): DataColumn<Move>[] {
  const { t } = useTranslation();
  const format = useFormat();
  const inLanguage = useLocalizedName();
  const side = (which: Side): DataColumn<Move> => ({
    id: which,
    header: t(`moves.columns.${which}`),
    sortValue: (move) => inLanguage(move[which].name),
    cell: (move) => <span translate="no">{inLanguage(move[which].name)}</span>,
  });
  return [
    {
      id: 'resident',
      header: t('moves.columns.resident'),
      sortValue: (move) => move.resident.name,
      searchText: (move) => [move.resident.name, move.resident.cardNumber],
      cell: (move) => (
        <>
          {move.resident.name}
          <div className="muted mono">{move.resident.cardNumber}</div>
        </>
      ),
    },
    ...sides.map(side),
    {
      id: 'status',
      header: t('moves.columns.status'),
      sortValue: (move) => t(`moves.statuses.${move.status}`),
      cell: (move) => (
        <>
          <MoveStatusBadge status={move.status} />
          {move.declineReason ? (
            <div className="muted">
              {t('moves.declinedBecause', { reason: move.declineReason })}
            </div>
          ) : null}
        </>
      ),
    },
    {
      id: 'proposed',
      header: t('moves.columns.proposed'),
      className: 'nowrap',
      sortValue: (move) => move.proposedAt,
      cell: (move) => (
        <>
          {format.date(move.proposedAt)}
          <div className="muted">{t('moves.by', { name: move.proposedBy })}</div>
          {move.note ? <div className="muted">{move.note}</div> : null}
        </>
      ),
    },
    {
      id: 'decided',
      header: t('moves.columns.decided'),
      className: 'nowrap',
      sortValue: (move) => move.decidedAt ?? '',
      cell: (move) =>
        move.decidedAt ? (
          <>
            {format.date(move.decidedAt)}
            {move.decidedBy ? (
              <div className="muted">{t('moves.by', { name: move.decidedBy })}</div>
            ) : null}
          </>
        ) : (
          '—'
        ),
    },
    {
      id: 'moved',
      header: t('moves.columns.moved'),
      cell: (move) => <MoveOutcome move={move} />,
    },
    ...(actions
      ? [{ id: 'actions', header: t('common.actions'), cell: actions } satisfies DataColumn<Move>]
      : []),
  ];
}

/** What a move carried: points and time credit, the history left behind, the new card. */
export function MoveOutcome({ move }: { move: Move }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (move.points === null && move.timeCredit === null) return <>—</>;
  const { history, arrived } = move;
  return (
    <div className="stack-small" data-testid="move-outcome">
      <span data-testid="move-amounts">
        {t('moves.movedAmounts', {
          points: format.number(move.points ?? 0),
          credit: format.number(move.timeCredit ?? 0),
        })}
      </span>
      {history ? (
        <span className="muted">
          {history.serviceRecords > 0 && history.firstServiceAt && history.lastServiceAt
            ? t('moves.historySummary', {
                hours: t('common.hours', { value: format.hours(history.minutesServed) }),
                records: format.number(history.serviceRecords),
                first: format.date(history.firstServiceAt),
                last: format.date(history.lastServiceAt),
              })
            : t('moves.historyNone')}
        </span>
      ) : null}
      {arrived ? (
        <span>
          {t('moves.newCard')}:{' '}
          <span className="mono" data-testid="move-new-card">
            {arrived.cardNumber}
          </span>
        </span>
      ) : null}
    </div>
  );
}
