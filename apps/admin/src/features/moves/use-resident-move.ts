import type { Move } from '@tally/domain/street';
import { useApi } from '../../api/api-context';
import { useApiQuery } from '../../api/queries';
import { useUser } from '../../session/session-context';

// A declined or withdrawn move leaves the resident where they were: nothing to say about it.
const settledAway = (move: Move) => move.status !== 'declined' && move.status !== 'cancelled';

/**
 * The move that takes a resident away from this community (proposed, under way or done), if
 * any: the office reads its own outgoing moves, the street office every move of its street.
 */
export function useResidentMove(residentId: string): Move | null {
  const api = useApi();
  const { role } = useUser();
  const office = useApiQuery('moves.list', undefined, () => api.moves.list.query(), {
    enabled: role === 'office',
    staleTime: 30_000,
  });
  const street = useApiQuery('street.moves', undefined, () => api.street.moves.query(), {
    enabled: role === 'street',
    staleTime: 30_000,
  });
  const moves = role === 'office' ? office.data?.outgoing : street.data;
  return moves?.find((move) => move.resident.id === residentId && settledAway(move)) ?? null;
}
