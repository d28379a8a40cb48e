import { useApi } from '../../api/api-context';
import { useApiQuery } from '../../api/queries';

/** The signed-in staff member's community: its names in each language, its time zone. */
export function useCommunity() {
  const api = useApi();
  return useApiQuery('community.get', undefined, () => api.community.get.query());
}
