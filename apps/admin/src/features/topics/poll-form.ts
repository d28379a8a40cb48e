import type { AgeBand } from '@tally/domain/age-bands';
import {
  POLL_MAX_OPTIONS,
  POLL_MIN_OPTIONS,
  type PollEligibility,
} from '@tally/domain/deliberation';
import { type LocalizedText, noText } from '@tally/domain/localized-text';
import { localDateTime, todayLocal } from '../../ui/dates';
import { hasText, trimmedText } from '../../ui/localized-fields';
import { readDay, readTime } from '../../ui/typed-dates';

// A poll as typed into the "open a poll" dialog, checked by the rules the service applies (so a
// mistake is said beside its field), and turned into what polls.open takes.

export type PollFormValues = {
  question: LocalizedText;
  options: LocalizedText[];
  everyone: boolean;
  ageBands: AgeBand[];
  /** As typed: buildings separated by commas. */
  buildings: string;
  opensDate: string;
  opensTime: string;
  closesDate: string;
  closesTime: string;
  secret: boolean;
  /** Only for an open ballot: a secret one keeps nothing to change a vote by. */
  changeable: boolean;
};

export type PollFormError =
  | 'question'
  | 'options'
  | 'tooFew'
  | 'group'
  | 'opens'
  | 'closes'
  | 'order';
export type PollFormErrors = Partial<
  Record<'question' | 'options' | 'group' | 'opens' | 'closes', PollFormError>
>;

/** A new poll: open now, for a week, to every resident, secret. */
export function emptyPollForm(now = new Date()): PollFormValues {
  const week = new Date(now);
  week.setDate(now.getDate() + 7);
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    question: noText,
    options: [noText, noText],
    everyone: true,
    ageBands: [],
    buildings: '',
    opensDate: todayLocal(now),
    opensTime: `${pad(now.getHours())}:${pad(now.getMinutes())}`,
    closesDate: todayLocal(week),
    closesTime: '18:00',
    secret: true,
    changeable: false,
  };
}

export const canAddOption = (values: PollFormValues) => values.options.length < POLL_MAX_OPTIONS;
export const canRemoveOption = (values: PollFormValues) => values.options.length > POLL_MIN_OPTIONS;

function splitBuildings(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[,，、;；\s]+/)
        .map((building) => building.trim())
        .filter(Boolean),
    ),
  ];
}

function moment(date: string, time: string): string | null {
  const day = readDay(date);
  const clock = readTime(time);
  return day && clock ? localDateTime(day, clock) : null;
}

export function validatePollForm(values: PollFormValues): PollFormErrors {
  const errors: PollFormErrors = {};
  if (!hasText(values.question)) errors.question = 'question';
  if (values.options.length < POLL_MIN_OPTIONS) errors.options = 'tooFew';
  else if (!values.options.every(hasText)) errors.options = 'options';
  if (!values.everyone && values.ageBands.length === 0 && !splitBuildings(values.buildings).length)
    errors.group = 'group';
  const opens = moment(values.opensDate, values.opensTime);
  const closes = moment(values.closesDate, values.closesTime);
  if (!opens) errors.opens = 'opens';
  if (!closes) errors.closes = 'closes';
  else if (opens && Date.parse(closes) <= Date.parse(opens)) errors.closes = 'order';
  return errors;
}

/** What polls.open takes (without the topic and key), from a form that passed its checks. */
export function pollInput(values: PollFormValues): {
  question: LocalizedText;
  options: LocalizedText[];
  eligibility?: PollEligibility;
  opensAt: string;
  closesAt: string;
  secret: boolean;
  changeable: boolean;
} {
  const opensAt = moment(values.opensDate, values.opensTime);
  const closesAt = moment(values.closesDate, values.closesTime);
  if (!opensAt || !closesAt) throw new Error('pollInput: the form has not passed its checks');
  return {
    question: trimmedText(values.question),
    options: values.options.map(trimmedText),
    ...(values.everyone
      ? {}
      : {
          eligibility: { ageBands: values.ageBands, buildings: splitBuildings(values.buildings) },
        }),
    opensAt,
    closesAt,
    secret: values.secret,
    changeable: !values.secret && values.changeable,
  };
}
