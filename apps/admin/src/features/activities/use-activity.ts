import { useApi } from '../../api/api-context';
import { useApiQuery } from '../../api/queries';

/** One activity with its counts, as staff see it. */
export function useActivity(id: string, options: { refetchInterval?: number } = {}) {
  const api = useApi();
  return useApiQuery('activities.get', { id }, api.activities.get.query, options);
}

/** Who signed up, waits and came, with their times and minutes. */
export function useAttendance(activityId: string, options: { refetchInterval?: number } = {}) {
  const api = useApi();
  return useApiQuery(
    'activities.attendance',
    { activityId },
    api.activities.attendance.query,
    options,
  );
}

/** Every list and count a change to an activity (or its door) may alter. */
export const ACTIVITY_QUERIES = [
  'activities.list',
  'activities.get',
  'activities.attendance',
  'kiosks.list',
];
