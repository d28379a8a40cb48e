import { formatShortDate } from '@tally/client/format';
import type { TFunction } from 'i18next';
import type { RaiseTopicRequest, ResidentPoll, ResidentTopic } from '../api/kiosk-client';
import type { Language } from '../device/device-settings';

// Community matters in plain words: what a matter is about and where, how far it has got, and
// who a vote is for. The kinds and their names are the domain's (`topicKinds`,
// `topicKindLabels`), kept in the kiosk's translations so that no zod comes into the bundle with
// them; matter-words.test.ts holds the two the same.

type TopicKind = RaiseTopicRequest['kind'];

/** What a matter can be about, in the order the tiles show them. */
export const topicKinds = [
  'safety',
  'environment',
  'facilities',
  'neighbours',
  'services',
  'other',
] as const satisfies readonly TopicKind[];

export function kindLabel(t: TFunction, kind: TopicKind): string {
  return t(`topicKinds.${kind}`);
}

/** A matter's title: as written, or (raised by its kind alone, as at a kiosk) its kind's name. */
export function matterTitle(
  t: TFunction,
  topic: { title: string | null; kind: TopicKind },
): string {
  return topic.title ?? kindLabel(t, topic.kind);
}

/** A title someone wrote is shown as written; one named by its kind is in the reader's words. */
export const writtenTitle = (topic: { title: string | null }) => topic.title !== null;

/**
 * Where: a building as a resident says it ("Building 3", "3号楼"), since the kiosk raises a
 * matter at one of the community's buildings by their numbers; any other place as written.
 */
export function placeText(t: TFunction, place: string): string {
  return /^[0-9A-Za-z-]{1,6}$/.test(place) ? t('matters.building', { building: place }) : place;
}

/** A building's number is the reader's; a place someone wrote is shown as they wrote it. */
export const writtenPlace = (place: string) => !/^[0-9A-Za-z-]{1,6}$/.test(place);

/** A calendar day ("2026-12-20") as the reader says it. */
export const dayOf = (date: string, language: Language) =>
  formatShortDate(`${date}T12:00:00Z`, language);

/** How far a matter has got, in words. */
export function stageText(t: TFunction, topic: ResidentTopic, language: Language): string {
  if (topic.status === 'accepted' && topic.plannedFor)
    return t('matters.stage.acceptedFor', { date: dayOf(topic.plannedFor, language) });
  return t(`matters.stage.${topic.status}`);
}

type Eligibility = ResidentPoll['eligibility'];

/** Who a vote is for, said to a resident who is not in that group. */
export function notEligibleText(t: TFunction, { ageBands, buildings }: Eligibility): string {
  const separator = t('activities.listSeparator');
  const ages = ageBands.map((band) => t(`activities.ageBands.${band}`)).join(separator);
  const where = buildings.join(separator);
  if (ages && where) return t('polls.forAgesInBuildings', { ages, buildings: where });
  if (ages) return t('polls.forAges', { ages });
  if (where) return t('polls.forBuildings', { buildings: where });
  return t('polls.notEligible');
}
