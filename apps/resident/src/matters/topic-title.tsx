import type { TopicKind } from '@tally/domain/deliberation';
import { useTranslation } from 'react-i18next';
import { kindLabel } from './matter-words';

/**
 * A matter's title as its raiser wrote it (shown as written), or, for one raised at the kiosk by
 * its kind only, the kind's label in the reader's language.
 */
export function TopicTitle({ topic }: { topic: { title: string | null; kind: TopicKind } }) {
  const { t } = useTranslation();
  if (topic.title) return <span translate="no">{topic.title}</span>;
  return <span>{kindLabel(t, topic.kind)}</span>;
}
