import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context';
import { useApiQuery } from '../../api/queries';
import { DataTable } from '../../ui/data-table';
import { PageHeader } from '../../ui/page-header';
import { Empty, ErrorNotice, Loading } from '../../ui/states';
import { useMoveColumns } from '../moves/move-columns';

/** Every move between the street's communities, newest first; the street reads them. */
export function StreetMovesPage() {
  const { t } = useTranslation();
  const api = useApi();
  const moves = useApiQuery('street.moves', undefined, () => api.street.moves.query());
  const columns = useMoveColumns({ sides: ['from', 'to'] });

  return (
    <>
      <PageHeader title={t('street.moves.title')} description={t('street.moves.description')} />
      <ErrorNotice error={moves.error} />
      {moves.isPending ? (
        <Loading />
      ) : (moves.data ?? []).length === 0 ? (
        <Empty>{t('moves.noOutgoing')}</Empty>
      ) : (
        <div className="card">
          <DataTable
            rows={moves.data ?? []}
            columns={columns}
            rowKey={(move) => move.id}
            className="street-moves"
            caption={t('street.moves.title')}
            search
          />
        </div>
      )}
    </>
  );
}
