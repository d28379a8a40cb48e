import type { Move } from '@tally/domain/street';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context';
import { useApiQuery } from '../../api/queries';
import { DataTable } from '../../ui/data-table';
import { PageHeader } from '../../ui/page-header';
import { Empty, ErrorNotice, Loading } from '../../ui/states';
import { useMoveColumns } from './move-columns';
import { type MoveDecision, MoveDecisionDialog } from './move-dialogs';

/**
 * The office's moving house: residents coming here (accept or decline the proposed ones) and
 * residents leaving (withdraw a proposal while the other office has not decided).
 */
export function MovesPage() {
  const { t } = useTranslation();
  const api = useApi();
  const moves = useApiQuery('moves.list', undefined, () => api.moves.list.query());
  const [deciding, setDeciding] = useState<MoveDecision | null>(null);
  const button = (move: Move, decision: MoveDecision['decision'], primary = false) => (
    <button
      type="button"
      className={primary ? 'button button-small button-primary' : 'button button-small'}
      aria-label={`${t(`moves.${decision}`)} ${move.resident.name}`}
      onClick={() => setDeciding({ move, decision })}
    >
      {t(`moves.${decision}`)}
    </button>
  );
  const incomingColumns = useMoveColumns({
    sides: ['from'],
    actions: (move) =>
      move.status === 'proposed' ? (
        <div className="row">
          {button(move, 'accept', true)}
          {button(move, 'decline')}
        </div>
      ) : null,
  });
  const outgoingColumns = useMoveColumns({
    sides: ['to'],
    actions: (move) => (move.status === 'proposed' ? button(move, 'cancel') : null),
  });
  const data = moves.data;

  return (
    <>
      <PageHeader title={t('moves.title')} description={t('moves.description')} />
      <ErrorNotice error={moves.error} />
      {moves.isPending ? (
        <Loading />
      ) : data ? (
        <>
          <section className="card stack-small" aria-labelledby="moves-incoming">
            <h2 id="moves-incoming">{t('moves.incoming')}</h2>
            <p className="muted">{t('moves.incomingHint')}</p>
            {data.incoming.length === 0 ? (
              <Empty>{t('moves.noIncoming')}</Empty>
            ) : (
              <DataTable
                rows={data.incoming}
                columns={incomingColumns}
                rowKey={(move) => move.id}
                className="moves-incoming"
                caption={t('moves.incoming')}
              />
            )}
          </section>
          <section className="card stack-small" aria-labelledby="moves-outgoing">
            <h2 id="moves-outgoing">{t('moves.outgoing')}</h2>
            <p className="muted">{t('moves.outgoingHint')}</p>
            {data.outgoing.length === 0 ? (
              <Empty>{t('moves.noOutgoing')}</Empty>
            ) : (
              <DataTable
                rows={data.outgoing}
                columns={outgoingColumns}
                rowKey={(move) => move.id}
                className="moves-outgoing"
                caption={t('moves.outgoing')}
              />
            )}
          </section>
        </>
      ) : null}
      <MoveDecisionDialog open={deciding} onClose={() => setDeciding(null)} />
    </>
  );
}
