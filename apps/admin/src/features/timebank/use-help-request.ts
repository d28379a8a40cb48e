import { useApi } from '../../api/api-context';
import { useApiQuery } from '../../api/queries';

/** One request for help with every claim, as the office sees it. */
export function useHelpRequest(id: string) {
  const api = useApi();
  return useApiQuery('timebank.get', { id }, api.timebank.get.query);
}

/** Every list and page a change in the time bank may alter. */
export const TIMEBANK_QUERIES = [
  'timebank.list',
  'timebank.get',
  'timebank.pool',
  'timebank.careList',
  'timebank.offers',
  'timebank.board',
  'ledger.journal',
  'audit.list',
];
