import { ACTIVITY_MAX_SLOTS, type StaffActivity } from '@tally/domain/activities';
import type { AgeBand } from '@tally/domain/age-bands';
import type { ServiceCategory } from '@tally/domain/categories';
import { type LocalizedText, noText } from '@tally/domain/localized-text';
import { ACTIVITY_TITLE_MAX } from '@tally/domain/service';
import { todayLocal } from '../../ui/dates';
import { hasText, trimmedText } from '../../ui/localized-fields';
import { readDay, readTime } from '../../ui/typed-dates';

// An activity's terms as typed into the create and edit dialog, checked by the rules the
// service applies (so a mistake is said beside its field, not in a refusal), and turned into
// what activities.create and activities.update take.

export type ActivityFormValues = {
  organizationId: string;
  title: LocalizedText;
  description: LocalizedText;
  category: ServiceCategory | '';
  place: string;
  date: string;
  startTime: string;
  /** Earlier than (or the same as) the start: the next day. */
  endTime: string;
  /** Empty: no limit. */
  slots: string;
  waitingList: boolean;
  /** Both empty: sign-up opens when the activity is published. */
  opensDate: string;
  opensTime: string;
  inviteGroup: boolean;
  ageBands: AgeBand[];
  /** As typed: buildings separated by commas. */
  buildings: string;
  campaign: boolean;
};

export type ActivityFormField =
  | 'organizationId'
  | 'title'
  | 'category'
  | 'place'
  | 'date'
  | 'startTime'
  | 'endTime'
  | 'slots'
  | 'opens'
  | 'invite';

export type ActivityFormError =
  | 'organization'
  | 'title'
  | 'category'
  | 'place'
  | 'date'
  | 'time'
  | 'sameTime'
  | 'slots'
  | 'opens'
  | 'opensAfterStart'
  | 'invite'
  | 'building';

export type ActivityFormErrors = Partial<Record<ActivityFormField, ActivityFormError>>;

const pad = (n: number) => String(n).padStart(2, '0');
const timeOf = (date: Date) => `${pad(date.getHours())}:${pad(date.getMinutes())}`;

/** A new activity's draft: tomorrow morning, two hours, open to everyone. */
export function emptyActivityForm(organizationId: string, now = new Date()): ActivityFormValues {
  const tomorrow = new Date(now);
  tomorrow.setDate(now.getDate() + 1);
  return {
    organizationId,
    title: noText,
    description: noText,
    category: '',
    place: '',
    date: todayLocal(tomorrow),
    startTime: '09:00',
    endTime: '11:00',
    slots: '',
    waitingList: false,
    opensDate: '',
    opensTime: '',
    inviteGroup: false,
    ageBands: [],
    buildings: '',
    campaign: false,
  };
}

/** An activity's terms as the dialog shows them for a change, in the reader's local time. */
export function activityFormValues(activity: StaffActivity): ActivityFormValues {
  const starts = new Date(activity.startsAt);
  const opens = activity.signUpOpensAt ? new Date(activity.signUpOpensAt) : null;
  const invite = activity.invite;
  return {
    organizationId: activity.organization.id,
    title: activity.title,
    description: activity.description,
    category: activity.category,
    place: activity.place,
    date: todayLocal(starts),
    startTime: timeOf(starts),
    endTime: timeOf(new Date(activity.endsAt)),
    slots: activity.slots === null ? '' : String(activity.slots),
    waitingList: activity.waitingList,
    opensDate: opens ? todayLocal(opens) : '',
    opensTime: opens ? timeOf(opens) : '',
    inviteGroup: invite !== null,
    ageBands: invite?.ageBands ?? [],
    buildings: invite?.buildings.join(', ') ?? '',
    campaign: invite ? invite.campaign !== null : false,
  };
}

/** The buildings typed, each once, in the order typed ("3, 5，7号楼" → 3, 5, 7号楼). */
export function typedBuildings(text: string): string[] {
  const names = text
    .split(/[,，、;；]/)
    .map((name) => name.trim())
    .filter(Boolean);
  return [...new Set(names)];
}

export type ActivityTimes = {
  startsAt: string;
  endsAt: string;
  minutes: number;
  /** It ends on the day after it starts. */
  nextDay: boolean;
};

/** When it starts and ends, once the day and both times read; an end time not after the start is the next day's. */
export function activityTimes(
  values: Pick<ActivityFormValues, 'date' | 'startTime' | 'endTime'>,
): ActivityTimes | null {
  const day = readDay(values.date);
  const start = readTime(values.startTime);
  const end = readTime(values.endTime);
  if (!day || !start || !end || start === end) return null;
  const starts = new Date(`${day}T${start}`);
  const ends = new Date(`${day}T${end}`);
  const nextDay = end < start;
  if (nextDay) ends.setDate(ends.getDate() + 1);
  return {
    startsAt: starts.toISOString(),
    endsAt: ends.toISOString(),
    minutes: Math.round((ends.getTime() - starts.getTime()) / 60_000),
    nextDay,
  };
}

function signUpOpensAt(values: ActivityFormValues): string | null | undefined {
  if (!values.opensDate.trim() && !values.opensTime.trim()) return undefined;
  const day = readDay(values.opensDate);
  const time = readTime(values.opensTime);
  return day && time ? new Date(`${day}T${time}`).toISOString() : null;
}

function slotsError(slots: string): ActivityFormError | undefined {
  if (!slots.trim()) return undefined;
  const value = Number(slots.trim());
  return /^\d+$/.test(slots.trim()) && value >= 1 && value <= ACTIVITY_MAX_SLOTS
    ? undefined
    : 'slots';
}

/** Only fields with a problem are keys: an empty object means the terms can be sent. */
export function validateActivityForm(values: ActivityFormValues): ActivityFormErrors {
  const errors: ActivityFormErrors = {};
  if (!values.organizationId) errors.organizationId = 'organization';
  const title = trimmedText(values.title);
  if (
    !hasText(title) ||
    title.zh.length > ACTIVITY_TITLE_MAX ||
    title.en.length > ACTIVITY_TITLE_MAX
  )
    errors.title = 'title';
  if (!values.category) errors.category = 'category';
  if (!values.place.trim()) errors.place = 'place';
  if (!readDay(values.date)) errors.date = 'date';
  if (!readTime(values.startTime)) errors.startTime = 'time';
  if (!readTime(values.endTime)) errors.endTime = 'time';
  else if (readTime(values.endTime) === readTime(values.startTime)) errors.endTime = 'sameTime';
  const slots = slotsError(values.slots);
  if (slots) errors.slots = slots;
  const opens = signUpOpensAt(values);
  const times = activityTimes(values);
  if (opens === null) errors.opens = 'opens';
  else if (opens && times && Date.parse(opens) > Date.parse(times.startsAt))
    errors.opens = 'opensAfterStart';
  if (values.inviteGroup) {
    const buildings = typedBuildings(values.buildings);
    if (buildings.some((building) => building.length > 50)) errors.invite = 'building';
    else if (values.ageBands.length + buildings.length === 0 && !values.campaign)
      errors.invite = 'invite';
  }
  return errors;
}

/** The terms as activities.create and activities.update take them, for valid values. */
export function activityTerms(values: ActivityFormValues) {
  const times = activityTimes(values);
  if (!times) throw new Error('activityTerms needs valid values');
  const slots = values.slots.trim() ? Number(values.slots.trim()) : undefined;
  const opens = signUpOpensAt(values);
  return {
    title: trimmedText(values.title),
    description: trimmedText(values.description),
    category: values.category as ServiceCategory,
    place: values.place.trim(),
    startsAt: times.startsAt,
    endsAt: times.endsAt,
    ...(slots !== undefined ? { slots } : {}),
    waitingList: slots !== undefined && values.waitingList,
    ...(opens ? { signUpOpensAt: opens } : {}),
    ...(values.inviteGroup
      ? {
          invite: {
            ageBands: values.ageBands,
            buildings: typedBuildings(values.buildings),
            campaign: values.campaign,
          },
        }
      : {}),
  };
}
