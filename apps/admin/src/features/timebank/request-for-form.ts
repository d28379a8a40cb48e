import {
  EXCHANGE_MINUTES_MAX,
  type HelpKind,
  type HelpRequestForInput,
} from '@tally/domain/timebank';
import { localDateTime } from '../../ui/dates';
import { readDay, readTime } from '../../ui/typed-dates';

// A request for help as the office types it for a resident, checked by the rules the service
// applies (so a mistake is said beside its field), and turned into what timebank.requestFor takes.

export type RequestForValues = {
  residentId: string;
  kind: HelpKind;
  description: string;
  /** Both empty: any time. */
  whenDate: string;
  whenTime: string;
  place: string;
  /** As typed. */
  minutes: string;
  helpers: number;
  reason: string;
  showOnBoard: boolean;
};

export type RequestForErrors = Partial<Record<'resident' | 'when' | 'estimate' | 'reason', true>>;

export const emptyRequestFor: RequestForValues = {
  residentId: '',
  kind: 'hospital',
  description: '',
  whenDate: '',
  whenTime: '',
  place: '',
  minutes: '60',
  helpers: 1,
  reason: '',
  showOnBoard: false,
};

/** Whole minutes from 5 to a day, as the domain's `ExchangeMinutes`; null otherwise. */
export function readMinutes(text: string): number | null {
  if (!/^\s*\d+\s*$/.test(text)) return null;
  const minutes = Number(text);
  return minutes >= 5 && minutes <= EXCHANGE_MINUTES_MAX ? minutes : null;
}

/** The moment typed, null when both fields are empty, undefined when it cannot be read. */
function whenOf(values: RequestForValues): string | null | undefined {
  if (!values.whenDate.trim() && !values.whenTime.trim()) return null;
  const day = readDay(values.whenDate);
  const time = readTime(values.whenTime);
  return day && time ? localDateTime(day, time) : undefined;
}

export function validateRequestFor(values: RequestForValues): RequestForErrors {
  const errors: RequestForErrors = {};
  if (!values.residentId) errors.resident = true;
  if (whenOf(values) === undefined) errors.when = true;
  if (readMinutes(values.minutes) === null) errors.estimate = true;
  if (!values.reason.trim()) errors.reason = true;
  return errors;
}

/** What timebank.requestFor takes (without the key), from a form that passed its checks. */
export function requestForInput(
  values: RequestForValues,
): Omit<HelpRequestForInput, 'idempotencyKey'> {
  const minutes = readMinutes(values.minutes);
  const when = whenOf(values);
  if (minutes === null || when === undefined)
    throw new Error('requestForInput: the form has not passed its checks');
  const place = values.place.trim();
  return {
    residentId: values.residentId,
    kind: values.kind,
    description: values.description.trim(),
    ...(when ? { when } : {}),
    ...(place ? { place } : {}),
    minutesEstimate: minutes,
    helpersNeeded: values.helpers,
    showOnBoard: values.showOnBoard,
    reason: values.reason.trim(),
  };
}
