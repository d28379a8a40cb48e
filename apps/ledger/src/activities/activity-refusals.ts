import type { SignUpRefusal } from '@tally/domain/activities';
import { DomainError } from '@tally/domain/errors';
import type { ActivityRow } from './activity-rows';

/** A sign-up refused, with the reason said as precisely as the activity allows. */
export function signUpRefused(
  refusal: SignUpRefusal,
  activity: ActivityRow & { now: Date },
): DomainError {
  switch (refusal) {
    case 'ACTIVITY_NOT_OPEN':
      return notOpen(activity, 'sign-up');
    case 'ACTIVITY_FULL':
      return new DomainError('ACTIVITY_FULL', undefined, { slots: activity.slots });
    case 'ALREADY_SIGNED_UP':
      return new DomainError('ALREADY_SIGNED_UP');
    case 'NOT_INVITED':
      return new DomainError('NOT_INVITED', undefined, {
        ageBands: activity.invite?.ageBands ?? [],
        buildings: activity.invite?.buildings ?? [],
      });
  }
}

/**
 * ACTIVITY_NOT_OPEN, saying why: not published yet, cancelled, closed, or (for `what`) not
 * the time for it.
 */
export function notOpen(
  activity: ActivityRow & { now: Date },
  what: 'sign-up' | 'check-in' | 'cancelling a sign-up' | 'closing' | 'changing',
): DomainError {
  const { status } = activity;
  if (status === 'draft')
    return new DomainError('ACTIVITY_NOT_OPEN', 'This activity is not published yet.');
  if (status === 'cancelled')
    return new DomainError('ACTIVITY_NOT_OPEN', 'This activity was cancelled.', {
      reason: activity.cancel_reason,
    });
  if (status === 'closed') return new DomainError('ACTIVITY_NOT_OPEN', 'This activity is closed.');
  if (what === 'sign-up' && activity.sign_up_opens_at && activity.now < activity.sign_up_opens_at)
    return new DomainError('ACTIVITY_NOT_OPEN', 'Sign-up for this activity has not opened yet.', {
      signUpOpensAt: activity.sign_up_opens_at.toISOString(),
    });
  if (what === 'sign-up' || what === 'cancelling a sign-up')
    return new DomainError(
      'ACTIVITY_NOT_OPEN',
      'This activity has already started: sign-ups can no longer change.',
    );
  if (what === 'check-in')
    return new DomainError('ACTIVITY_NOT_OPEN', 'Check-in opens an hour before the activity.');
  if (what === 'closing')
    return new DomainError('ACTIVITY_NOT_OPEN', 'This activity has not started yet.');
  return new DomainError('ACTIVITY_NOT_OPEN');
}
