import type { StreetOverview } from '@tally/domain/street';
import { useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../api/api-context';
import { useApiQuery, usePlainMutation } from '../../api/queries';
import { useUser } from '../../session/session-context';

const STREET = 'street.get';

/** The street, its communities side by side, and the one this session reads now. */
export function useStreet() {
  const api = useApi();
  const user = useUser();
  return useApiQuery(STREET, undefined, () => api.street.get.query(), {
    enabled: user.role === 'street',
  });
}

/**
 * Opens a community of the street for reading. Every answer cached so far was about the
 * community read before, so all of it is reset (not merely marked stale: a page must never show
 * one community's figures under another's name while it refetches).
 */
export function useOpenCommunity({ onOpened }: { onOpened?: (overview: StreetOverview) => void }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const open = usePlainMutation((input: { communityId: string }) => api.street.open.mutate(input));
  return {
    ...open,
    open: (communityId: string) =>
      open.mutate(
        { communityId },
        {
          onSuccess: (overview) => {
            queryClient.setQueryData([STREET, undefined], overview);
            void queryClient.resetQueries({ predicate: (query) => query.queryKey[0] !== STREET });
            onOpened?.(overview);
          },
        },
      ),
  };
}
