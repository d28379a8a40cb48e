import { ageBandLabels } from '@tally/domain/age-bands';
import {
  type PollSummary,
  type TopicActor,
  type TopicKind,
  type TopicStatus,
  topicKindLabels,
  topicTitle,
} from '@tally/domain/deliberation';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n/i18n';
import { Badge, type Tone } from '../../ui/badge';
import { useGroupLabels } from '../reports/group-labels';

const statusTones: Record<TopicStatus, Tone> = {
  raised: 'info',
  accepted: 'info',
  consulted: 'info',
  decided: 'warning',
  carried_out: 'success',
  declined: 'danger',
  merged: 'neutral',
};

export function TopicStatusBadge({ status }: { status: TopicStatus }) {
  const { t } = useTranslation();
  return <Badge tone={statusTones[status]}>{t(`topics.status.${status}`)}</Badge>;
}

export function OverdueBadge() {
  const { t } = useTranslation();
  return <Badge tone="danger">{t('topics.overdue')}</Badge>;
}

/**
 * A topic's title in the reader's language: as written (shown as typed, so `translate="no"` where
 * it is put), or its kind's label for one raised at the kiosk by kind only.
 */
export function useTopicTitle(): (topic: { title: string | null; kind: TopicKind }) => string {
  const { i18n } = useTranslation();
  const language = currentLanguage(i18n);
  return (topic) => topicTitle(topic, language);
}

/** A topic's title as an element: what someone typed is marked as such for the language check. */
export function TopicTitle({ topic }: { topic: { title: string | null; kind: TopicKind } }) {
  const title = useTopicTitle();
  return topic.title ? <span translate="no">{topic.title}</span> : title(topic);
}

export function useKindLabel(): (kind: TopicKind) => string {
  const { i18n } = useTranslation();
  const language = currentLanguage(i18n);
  return (kind) => topicKindLabels[kind][language];
}

/** Who did something: a person by name as written; the office or Tally itself in words. */
export function ActorName({ actor }: { actor: TopicActor }) {
  const { t } = useTranslation();
  if (actor.type === 'system') return <>{t('topics.actor.system')}</>;
  if (!actor.name) return <>{t('topics.actor.office')}</>;
  return <span translate="no">{actor.name}</span>;
}

/** Who may vote in a poll, in words: "Every resident", or "60–74 · Bldg 3, Bldg 5". */
export function useEligibilityWords(): (eligibility: PollSummary['eligibility']) => string {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const groups = useGroupLabels();
  return ({ ageBands, buildings }) => {
    const parts = [
      ageBands.map((band) => ageBandLabels[band][language]).join(t('topics.listSeparator')),
      buildings
        .map((building) => groups.name('building', building))
        .join(t('topics.listSeparator')),
    ].filter(Boolean);
    return parts.length === 0 ? t('topics.results.everyone') : parts.join(t('topics.separator'));
  };
}
