import type { HelpKind } from '@tally/domain/timebank';
import type { TFunction } from 'i18next';
import type { ClaimStatus, HelpRequest } from '../api/me-types';
import { buildingText, isBuildingNumber } from '../matters/matter-words';

// The time bank in plain words: kinds of help, lengths of time, when help is wanted.

/**
 * The kinds a resident chooses from, in the domain's order. Written out here (their labels in
 * the i18n files, tested equal to the domain's `helpKindLabels`) because importing the domain's
 * time-bank module at run time brings zod into the phone's bundle.
 */
export const helpKinds = [
  'hospital',
  'shopping',
  'repairs',
  'visit',
  'tech',
  'other',
] as const satisfies readonly HelpKind[];

export function helpKindLabel(t: TFunction, kind: HelpKind): string {
  return t(`timebank.kinds.${kind}`);
}

/**
 * Time credit in hours and minutes, as people say it: "2 hours 30 minutes", "1 hour",
 * "45 minutes", "2小时30分钟". Never a decimal: "1.5" of credit reads as points.
 */
export function durationText(t: TFunction, minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const hoursText = t('timebank.duration.hours', { count: hours });
  const minutesText = t('timebank.duration.minutes', { count: rest });
  if (hours === 0) return minutesText;
  if (rest === 0) return hoursText;
  return t('timebank.duration.both', { hours: hoursText, minutes: minutesText });
}

/** How long a request may say it needs, by a tap. */
export const estimateChoices = [30, 60, 90, 120, 180, 240] as const;

/** The − and + buttons move a length by a quarter of an hour, within what an exchange may be. */
export const MINUTES_STEP = 15;
export const EXCHANGE_MINUTES_MIN = 5;
export const EXCHANGE_MINUTES_MAX = 1440;

export function stepMinutes(minutes: number, direction: 1 | -1): number {
  const next = minutes + direction * MINUTES_STEP;
  return Math.min(EXCHANGE_MINUTES_MAX, Math.max(EXCHANGE_MINUTES_MIN, next));
}

/** "When": no set time, or a day (today and the next two) and a part of it, by taps. */
export const whenDays = [0, 1, 2] as const;
export type WhenDay = (typeof whenDays)[number];
export const dayParts = { morning: 9, afternoon: 14, evening: 19 } as const;
export type DayPart = keyof typeof dayParts;

/** The moment a day and part of it name, in the phone's own time zone, with its offset. */
export function momentOf(day: WhenDay, part: DayPart, now = new Date()): Date {
  const moment = new Date(now);
  moment.setDate(now.getDate() + day);
  moment.setHours(dayParts[part], 0, 0, 0);
  return moment;
}

/** A part of today already over is not offered. */
export function isOver(day: WhenDay, part: DayPart, now = new Date()): boolean {
  return momentOf(day, part, now).getTime() <= now.getTime();
}

/** Roughly where, as every resident may see it: "Near building 3". */
export function nearText(t: TFunction, building: string): string {
  const place = isBuildingNumber(building) ? buildingText(t, building) : building;
  return t('timebank.near', { place });
}

export function requestStatusText(t: TFunction, request: Pick<HelpRequest, 'status'>): string {
  return t(`timebank.status.${request.status}`);
}

export function claimStatusText(t: TFunction, status: ClaimStatus): string {
  return t(`timebank.claimStatus.${status}`);
}

/** Claims a requester may still act on: confirm, mark a no-show, or dispute. */
export function isOpenClaim(status: ClaimStatus): boolean {
  return status === 'claimed' || status === 'proposed';
}

/** What the requester is asked to confirm: the helper's proposal, else the estimate. */
export function minutesToConfirm(
  claim: { proposedMinutes: number | null },
  request: { minutesEstimate: number },
): number {
  return claim.proposedMinutes ?? request.minutesEstimate;
}

/** The most helpers one request may ask for (the domain's `HELPERS_MAX`). */
export const HELPERS_MAX = 5;

/** A gift moves by half an hour a tap, from one minute up to all the giver holds. */
export const GIFT_STEP = 30;

export function stepGift(minutes: number, direction: 1 | -1, balance: number): number {
  return Math.min(balance, Math.max(1, minutes + direction * GIFT_STEP));
}

/** Quick gifts offered by taps, as far as the giver's credit goes. */
export function giftChoices(balance: number): number[] {
  return [30, 60, 120].filter((minutes) => minutes <= balance);
}
