import type { TopicKind } from '@tally/domain/deliberation';
import type { LocalizedText } from '@tally/domain/localized-text';
import { inLanguage } from '@tally/domain/localized-text';
import { TopicTitle } from '../matters/topic-title';
import { useLanguage } from '../ui/use-language';

/** A poll's question, under the matter it is about. */
export function PollHeading({
  poll,
  id,
}: {
  poll: { question: LocalizedText; topicTitle: string | null; topicKind: TopicKind };
  /** For the buttons of a list of polls to say which poll they are about. */
  id?: string;
}) {
  const language = useLanguage();
  return (
    <div className="screen-title">
      <p className="muted">
        <TopicTitle topic={{ title: poll.topicTitle, kind: poll.topicKind }} />
      </p>
      <h2 id={id}>{inLanguage(poll.question, language)}</h2>
    </div>
  );
}
