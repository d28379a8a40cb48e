import type { TFunction } from 'i18next';
import type { HelpClaim, HelpKind, HelpRequest } from '../api/kiosk-client';

// The time bank in plain words: what help is asked for, and time as people say it ("1 h 30 min",
// "1小时30分钟"). The kinds and their names are the domain's (`helpKinds`, `helpKindLabels`),
// kept in the kiosk's translations so that no zod comes into the bundle with them;
// timebank-words.test.ts holds the two the same.

/** What help can be asked for, in the order the tiles show them. */
export const helpKinds = [
  'hospital',
  'shopping',
  'repairs',
  'visit',
  'tech',
  'other',
] as const satisfies readonly HelpKind[];

export function helpKindText(t: TFunction, kind: HelpKind): string {
  return t(`helpKinds.${kind}`);
}

/** How long help is asked for, by tap: no keyboard, and round times a resident says aloud. */
export const estimateChoices = [30, 60, 90, 120, 180] as const;

/** The step of − and + when a resident says how long it took. */
export const MINUTES_STEP = 15;
/** The shortest and longest an exchange may count (the domain's `ExchangeMinutes`). */
export const MINUTES_MIN = 5;
export const MINUTES_MAX = 1440;

/** Minutes of time as people say them: "1 h 30 min", "45 min", "2 h"; 时长 in Chinese alike. */
export function durationText(t: TFunction, minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return t('timebank.duration.minutes', { minutes: rest });
  if (rest === 0) return t('timebank.duration.hours', { hours });
  return t('timebank.duration.hoursMinutes', { hours, minutes: rest });
}

/** Keeps a chosen time on the − and + steps' grid and within what an exchange may count. */
export function clampMinutes(minutes: number): number {
  return Math.min(MINUTES_MAX, Math.max(MINUTES_MIN, minutes));
}

/** A helper's part that still waits on the requester: confirm it, or say they did not come. */
export const isOpenClaim = (claim: Pick<HelpClaim, 'status'>) =>
  claim.status === 'claimed' || claim.status === 'proposed';

/** Where a helper's part stands, with the time when there is one to say. */
export function claimStatusText(
  t: TFunction,
  claim: Pick<HelpClaim, 'status' | 'proposedMinutes' | 'minutes'>,
): string {
  if (claim.status === 'proposed' && claim.proposedMinutes !== null)
    return t('timebank.claimStatus.proposed', { time: durationText(t, claim.proposedMinutes) });
  if (claim.status === 'confirmed' && claim.minutes !== null)
    return t('timebank.claimStatus.confirmed', { time: durationText(t, claim.minutes) });
  if (claim.status === 'proposed') return t('timebank.claimStatus.claimed');
  if (claim.status === 'confirmed') return t('timebank.status.done');
  return t(`timebank.claimStatus.${claim.status}`);
}

/** What the minutes picker starts at: the helper's word if they gave it, else the estimate. */
export function startingMinutes(
  request: Pick<HelpRequest, 'minutesEstimate'>,
  claim?: Pick<HelpClaim, 'proposedMinutes'>,
): number {
  return clampMinutes(claim?.proposedMinutes ?? request.minutesEstimate);
}
