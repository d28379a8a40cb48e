import { useApi } from '../../api/api-context';
import { useApiQuery } from '../../api/queries';

/** One topic with its whole history, meetings, polls and decision, as staff see it. */
export function useTopic(id: string) {
  const api = useApi();
  return useApiQuery('topics.get', { id }, api.topics.get.query);
}

/** A poll's state and turnout; counts and turnout by group once it has closed. */
export function usePollResults(id: string) {
  const api = useApi();
  return useApiQuery('polls.results', { id }, api.polls.results.query);
}

/** Every list and page a change to a topic or a poll may alter. */
export const TOPIC_QUERIES = [
  'topics.list',
  'topics.get',
  'polls.results',
  'notices.governance',
  'audit.list',
];
