import type { Resident } from '@tally/domain/residents';
import { useApi } from '../../api/api-context';
import { useApiQuery } from '../../api/queries';

/** The most members a sign-in sheet offers; a sheet holds at most 500 anyway. */
const MAX_MEMBERS = 5000;

/** Every member of an organization (page by page), for picking a sign-in sheet. */
export function useAllMembers(organizationId: string) {
  const api = useApi();
  return useApiQuery(
    'organizations.members',
    { organizationId, all: true },
    async () => {
      const members: Resident[] = [];
      let cursor: string | null = null;
      do {
        const page = await api.organizations.members.query({
          organizationId,
          limit: 200,
          ...(cursor ? { cursor } : {}),
        });
        members.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor && members.length < MAX_MEMBERS);
      return members;
    },
    { enabled: organizationId !== '' },
  );
}
