import {
  CancelSignUpResult,
  CheckInResult,
  KioskActivity,
  KioskCheckInInput,
  KioskMode,
  KioskSignUpInput,
  SignUpResult,
  UpcomingActivity,
} from '@tally/domain/activities';
import { z } from 'zod';
import { pinLimits } from '../auth/guess-limits';
import { kioskProcedure, limitRequests, residentProcedure } from '../trpc';
import { checkInAtKiosk } from './check-in';
import { kioskActivities, mySignUps, upcomingActivities } from './kiosk-activities';
import { kioskMode } from './kiosk-mode';
import { cancelSignUpAtKiosk, signUpAtKiosk } from './sign-up';

/** Activities at the kiosk, merged into the `kiosk` router (issue 13). */
export const kioskActivityProcedures = {
  activities: residentProcedure
    .meta({
      summary:
        'Upcoming activities, soonest first, each with canSignUp and, if not, why not (the ' +
        'error a sign-up would answer) and whether signing up joins the waiting list.',
    })
    .output(z.array(KioskActivity))
    .query(({ ctx }) => kioskActivities(ctx.db, ctx.resident)),

  upcomingActivities: kioskProcedure
    .meta({
      summary:
        "Upcoming activities for the kiosk's idle screen, soonest first: what anyone passing may " +
        'read (no resident is identified, and nothing is noted as seen).',
    })
    .output(z.array(UpcomingActivity))
    .query(({ ctx }) => upcomingActivities(ctx.db, ctx.kiosk)),

  mySignUps: residentProcedure
    .meta({
      summary:
        "The resident's sign-ups (places, waits with their position, no-shows) for activities " +
        'not long over; a cancelled activity shows with its reason.',
    })
    .output(z.array(KioskActivity))
    .query(({ ctx }) => mySignUps(ctx.db, ctx.resident)),

  signUp: residentProcedure
    .meta({
      summary: 'Signs the identified resident up: a place, or a place on the waiting list.',
      errors: [
        'NOT_FOUND',
        'ACTIVITY_NOT_OPEN',
        'ACTIVITY_FULL',
        'ALREADY_SIGNED_UP',
        'NOT_INVITED',
        'IDEMPOTENCY_CONFLICT',
      ],
    })
    .input(KioskSignUpInput)
    .output(SignUpResult)
    .mutation(({ ctx, input }) =>
      signUpAtKiosk(ctx.db, { session: ctx.resident, origin: ctx.origin, input }),
    ),

  cancelSignUp: residentProcedure
    .meta({
      summary:
        "Gives up the resident's place (or wait) until the activity starts; the first on the " +
        'waiting list moves up.',
      errors: ['NOT_FOUND', 'ACTIVITY_NOT_OPEN', 'IDEMPOTENCY_CONFLICT'],
    })
    .input(KioskSignUpInput)
    .output(CancelSignUpResult)
    .mutation(({ ctx, input }) =>
      cancelSignUpAtKiosk(ctx.db, { session: ctx.resident, origin: ctx.origin, input }),
    ),

  mode: kioskProcedure
    .meta({
      summary:
        "The kiosk's mode: the activity whose door it keeps (activity mode, set by the office) " +
        'with how many are checked in, or null for its usual screens.',
    })
    .output(KioskMode)
    .query(({ ctx }) => kioskMode(ctx.db, ctx.kiosk)),

  checkIn: kioskProcedure
    .meta({
      summary:
        'At a kiosk in activity mode for this activity: checks a resident in by card tapped ' +
        '(number alone) or typed with the PIN (checked, with the same lockout as identifying); ' +
        'answers their display name and the time. Checking in again changes nothing.',
      errors: [
        'FORBIDDEN',
        'NOT_FOUND',
        'ACTIVITY_NOT_OPEN',
        'WRONG_PIN',
        'PIN_LOCKED',
        'TOO_MANY_REQUESTS',
        'IDEMPOTENCY_CONFLICT',
      ],
    })
    .input(KioskCheckInInput)
    .use(limitRequests(pinLimits))
    .output(CheckInResult)
    .mutation(({ ctx, input }) =>
      checkInAtKiosk(ctx.db, { kiosk: ctx.kiosk, origin: ctx.origin, input }),
    ),
};
