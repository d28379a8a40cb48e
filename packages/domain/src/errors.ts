/**
 * The catalogue of errors a person can cause. Each code is stable (clients may
 * switch on it), carries a message a person understands, and names the kind of
 * failure so the service can map it to a transport status in exactly one place.
 */
export const errorCatalogue = {
  VALIDATION_FAILED: {
    kind: 'BAD_REQUEST',
    message: 'Some of the information given is not valid.',
  },
  UNBALANCED_TRANSACTION: {
    kind: 'BAD_REQUEST',
    message: 'The postings of a transaction must add up to zero for each unit.',
  },
  UNIT_MISMATCH: {
    kind: 'BAD_REQUEST',
    message: 'A posting was made in a unit its account does not hold.',
  },
  INSUFFICIENT_POINTS: {
    kind: 'PRECONDITION_FAILED',
    message: 'There are not enough points in the account for this.',
  },
  INSUFFICIENT_MINUTES: {
    kind: 'PRECONDITION_FAILED',
    message: 'There are not enough service minutes in the account for this.',
  },
  OUT_OF_STOCK: { kind: 'PRECONDITION_FAILED', message: 'This reward is out of stock.' },
  LIMIT_REACHED: {
    kind: 'PRECONDITION_FAILED',
    message: 'The limit for this reward per resident has been reached.',
  },
  IDEMPOTENCY_CONFLICT: {
    kind: 'CONFLICT',
    message: 'This request key was already used for a different request.',
  },
  ALREADY_REVERSED: { kind: 'CONFLICT', message: 'This transaction has already been reversed.' },
  REVERSAL_NOT_REVERSIBLE: {
    kind: 'PRECONDITION_FAILED',
    message: 'A reversal cannot be reversed; post a new correction instead.',
  },
  CHECKPOINT_INVALID: {
    kind: 'BAD_REQUEST',
    message:
      'This checkpoint was not signed by this Tally, or was changed since: it cannot vouch for the ledger.',
  },
  LEDGER_BROKEN: {
    kind: 'PRECONDITION_FAILED',
    message:
      'The ledger does not verify, so no checkpoint was made. Verify the ledger to see where it breaks.',
  },
  APPEND_ONLY: {
    kind: 'FORBIDDEN',
    message: 'Recorded ledger entries cannot be changed or deleted; post a reversal instead.',
  },
  PHOTO_TOO_LARGE: { kind: 'BAD_REQUEST', message: 'A photo can be at most 5 MB.' },
  PHOTO_NOT_ACCEPTED: {
    kind: 'BAD_REQUEST',
    message: 'Only JPEG, PNG and WebP photos can be used, and this one could not be read as one.',
  },
  NOT_FOUND: { kind: 'NOT_FOUND', message: 'That record could not be found.' },
  FORBIDDEN: { kind: 'FORBIDDEN', message: 'You are not allowed to do this.' },
  UNAUTHORIZED: { kind: 'UNAUTHORIZED', message: 'Please sign in first.' },
  SESSION_EXPIRED: {
    kind: 'UNAUTHORIZED',
    message: 'Your session has ended. Please sign in again.',
  },
  ACCOUNT_LOCKED: {
    kind: 'TOO_MANY_REQUESTS',
    message: 'This account is locked after too many failed log-ins. Please try again later.',
  },
  INVALID_CREDENTIALS: {
    kind: 'UNAUTHORIZED',
    message: 'The user name or password is not right.',
  },
  WRONG_PIN: { kind: 'UNAUTHORIZED', message: 'The card number or PIN is not right.' },
  PIN_LOCKED: {
    kind: 'TOO_MANY_REQUESTS',
    message: 'This card is locked after too many wrong PINs. Please try again later.',
  },
  TOO_MANY_REQUESTS: {
    kind: 'TOO_MANY_REQUESTS',
    message: 'Too many attempts. Please wait a while and try again.',
  },
  SELF_APPROVAL: {
    kind: 'FORBIDDEN',
    message: 'Whoever logged a service record cannot also approve it.',
  },
  ALREADY_REVIEWED: { kind: 'CONFLICT', message: 'This service record was already reviewed.' },
  NOT_A_MEMBER: {
    kind: 'FORBIDDEN',
    message: 'Service can only be logged for members of the organization.',
  },
  GOAL_CLOSED: { kind: 'PRECONDITION_FAILED', message: 'This community goal is closed.' },
  REDEMPTION_CLOSED: {
    kind: 'CONFLICT',
    message: 'This redemption was already handed out or cancelled.',
  },
  DUPLICATE: { kind: 'CONFLICT', message: 'A record with these details already exists.' },
  NOT_CORRECTABLE: {
    kind: 'PRECONDITION_FAILED',
    message: 'This service record cannot be corrected: it is not approved or no longer counts.',
  },
  CORRECTION_CLOSED: {
    kind: 'CONFLICT',
    message: 'This correction request was already resolved.',
  },
  SERVICE_UNAVAILABLE: {
    kind: 'SERVICE_UNAVAILABLE',
    message: 'Tally cannot reach its database just now. Please try again in a moment.',
  },
  INVITATION_CLOSED: {
    kind: 'CONFLICT',
    message: 'This invitation was already answered or withdrawn.',
  },
  // Activities: sign-up and check-in at the door.
  ACTIVITY_FULL: {
    kind: 'PRECONDITION_FAILED',
    message: 'This activity is full: every place is taken.',
  },
  ACTIVITY_NOT_OPEN: {
    kind: 'PRECONDITION_FAILED',
    message:
      'This activity is not open for this now: it is a draft, cancelled or closed, its sign-up has not opened yet, or it has already started.',
  },
  ALREADY_SIGNED_UP: {
    kind: 'CONFLICT',
    message: 'This resident is already signed up for this activity, or on its waiting list.',
  },
  NOT_INVITED: {
    kind: 'FORBIDDEN',
    message:
      'This activity is for a particular group of residents (by age or building), and this resident is not in it.',
  },
  NOT_CHECKED_IN: {
    kind: 'PRECONDITION_FAILED',
    message: 'This resident has not been checked in at this activity.',
  },
  // Staff accounts' life cycle and maker–checker.
  PASSWORD_CHANGE_REQUIRED: {
    kind: 'FORBIDDEN',
    message: 'Your password was reset. Please choose a new password before going on.',
  },
  WEAK_PASSWORD: { kind: 'BAD_REQUEST', message: 'That password is too easy to guess.' },
  PASSWORD_REUSED: {
    kind: 'BAD_REQUEST',
    message: 'Choose a password you have not used before: not your current one nor your last 5.',
  },
  WRONG_CURRENT_PASSWORD: { kind: 'FORBIDDEN', message: 'Your current password is not right.' },
  OWN_ACCOUNT: {
    kind: 'FORBIDDEN',
    message:
      'You cannot deactivate your own account or take away its office role; another office member must.',
  },
  RESET_ALREADY_SHOWN: {
    kind: 'PRECONDITION_FAILED',
    message:
      'This password reset was already done and its temporary password shown once. Reset the password again for a new one.',
  },
  SECOND_REVIEWER_NEEDED: {
    kind: 'FORBIDDEN',
    message:
      'These records were logged by an account linked to yours (one of you opened or reset the other, and no second office member has confirmed it). A second office member must review them.',
  },
  CONFIRMER_NOT_INDEPENDENT: {
    kind: 'FORBIDDEN',
    message:
      'You opened or reset this account, or your accounts are linked: a second office member must confirm it.',
  },
  ALREADY_CONFIRMED: {
    kind: 'PRECONDITION_FAILED',
    // A staff account that needs no confirming, or time-bank help confirmed before.
    message: 'This has already been confirmed.',
  },
  // The resident app on the phone and family proxies.
  WEAK_PIN: {
    kind: 'BAD_REQUEST',
    message:
      'That PIN is too easy to guess (one digit repeated, a run like 1234, or your birth year). Choose another.',
  },
  NOT_A_PROXY: {
    kind: 'FORBIDDEN',
    message: 'You are not, or no longer, linked to act for this resident.',
  },
  PROXY_NOT_ALLOWED: {
    kind: 'FORBIDDEN',
    message: 'Only the resident themself can do this, not someone acting for them.',
  },
  ALREADY_A_PROXY: {
    kind: 'CONFLICT',
    message: 'This person is already linked to act for this resident.',
  },
  CHOOSE_COMMUNITY: {
    kind: 'BAD_REQUEST',
    message: 'Choose your community first.',
  },
  // Community deliberation: topics and polls.
  ALREADY_VOTED: {
    kind: 'CONFLICT',
    message: 'You have already voted in this poll.',
  },
  POLL_CLOSED: {
    kind: 'PRECONDITION_FAILED',
    message: 'This poll is not open for voting.',
  },
  NOT_ELIGIBLE: {
    kind: 'FORBIDDEN',
    message: 'This poll is for other residents (an age group or building); you cannot vote in it.',
  },
  TOPIC_NOT_OPEN: {
    kind: 'PRECONDITION_FAILED',
    message: 'This topic is not at a stage where that can be done.',
  },
  // The mutual-aid time bank.
  INSUFFICIENT_CREDIT: {
    kind: 'PRECONDITION_FAILED',
    message: 'There is not enough time credit for this.',
  },
  ALREADY_CLAIMED: {
    kind: 'CONFLICT',
    message: 'Someone has already taken this request, or you already have.',
  },
  NOT_YOUR_REQUEST: {
    kind: 'FORBIDDEN',
    message: 'Only the person who asked for help, their family member or the office can do this.',
  },
  OWN_REQUEST: {
    kind: 'BAD_REQUEST',
    message: 'You cannot take your own request for help.',
  },
  REQUEST_CLOSED: {
    kind: 'PRECONDITION_FAILED',
    message: 'This request for help is no longer open: it was cancelled or is done.',
  },
  CLAIM_SETTLED: {
    kind: 'PRECONDITION_FAILED',
    message: 'This help is already settled (confirmed, withdrawn or decided by the office).',
  },
  NOT_IN_DISPUTE: {
    kind: 'PRECONDITION_FAILED',
    message: 'This help is not in dispute: there is nothing for the office to decide.',
  },
  NOT_FAMILY: {
    kind: 'FORBIDDEN',
    message: 'You can give time credit only to a family member linked to you, or to the care pool.',
  },
  // Street level: communities of a street, and residents moving house between them.
  NOT_IN_STREET: {
    kind: 'NOT_FOUND',
    message: "That community is not one of your street's communities.",
  },
  COMMUNITY_CLOSED: {
    kind: 'PRECONDITION_FAILED',
    message: 'This community has been closed by the street office.',
  },
  RESIDENT_MOVED: {
    kind: 'PRECONDITION_FAILED',
    message: 'This resident has moved to another community; their record here is kept for reading.',
  },
  MOVE_PENDING: {
    kind: 'CONFLICT',
    message: 'This resident is already moving to another community.',
  },
  MOVE_SETTLED: {
    kind: 'PRECONDITION_FAILED',
    message: 'This move has already been settled (accepted, declined or cancelled).',
  },
  INTERNAL: { kind: 'INTERNAL_SERVER_ERROR', message: 'Something went wrong on our side.' },
} as const satisfies Record<string, { kind: ErrorKind; message: string }>;

export type ErrorKind =
  | 'BAD_REQUEST'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'PRECONDITION_FAILED'
  | 'TOO_MANY_REQUESTS'
  | 'SERVICE_UNAVAILABLE'
  | 'INTERNAL_SERVER_ERROR';

export type ErrorCode = keyof typeof errorCatalogue;

export const errorCodes = Object.keys(errorCatalogue) as ErrorCode[];

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(errorCatalogue, value);
}

/** A failure the user caused (or can act on), thrown by any layer and mapped once at the edge. */
export class DomainError extends Error {
  override readonly name = 'DomainError';
  readonly code: ErrorCode;
  readonly kind: ErrorKind;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message?: string, details?: Record<string, unknown>) {
    super(message ?? errorCatalogue[code].message);
    this.code = code;
    this.kind = errorCatalogue[code].kind;
    this.details = details;
  }
}

export function isDomainError(error: unknown, code?: ErrorCode): error is DomainError {
  return error instanceof DomainError && (code === undefined || error.code === code);
}
