import type { TopicKind } from '@tally/domain/deliberation';
import type { TFunction } from 'i18next';
import type { ResidentTopic } from '../api/me-types';
import { formatDay } from '../i18n/format';
import type { Language } from '../session/device-storage';

// A community matter (a topic, 议题) in plain words: its kind and its stage.

/**
 * The kinds a resident chooses from, in the domain's order. Written out here (and their labels
 * in the i18n files, tested equal to the domain's `topicKindLabels`) because importing the
 * domain's deliberation module at run time brings zod into the phone's bundle (+35 KB).
 */
export const topicKinds = [
  'safety',
  'environment',
  'facilities',
  'neighbours',
  'services',
  'other',
] as const satisfies readonly TopicKind[];

/** The kind in the reader's language: "Repairs and facilities", "设施维修". */
export function kindLabel(t: TFunction, kind: TopicKind): string {
  return t(`matters.kinds.${kind}`);
}

/**
 * What has happened to it, in a sentence: its stage, with the planned meeting day for an
 * accepted one.
 */
export function stageText(
  t: TFunction,
  topic: Pick<ResidentTopic, 'status' | 'plannedFor'>,
  language: Language,
): string {
  const stage = t(`matters.stage.${topic.status}`);
  if (topic.status === 'accepted' && topic.plannedFor)
    return `${stage} · ${t('matters.plannedFor', { date: formatDay(topic.plannedFor, language) })}`;
  return stage;
}

/**
 * A building as the community numbers it ("3") is sent as it is, so one matter reads right in
 * both languages; it is worded on the screen ("Building 3", "3号楼"). Anything else is a place as
 * someone typed it, shown as written.
 */
export function isBuildingNumber(place: string): boolean {
  return /^\d{1,3}[A-Za-z]?$/.test(place.trim());
}

export function buildingText(t: TFunction, building: string): string {
  return t('matters.building', { building });
}
