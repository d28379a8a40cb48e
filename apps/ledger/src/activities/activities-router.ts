import {
  ActivityActionInput,
  Attendance,
  AttendanceInput,
  CancelActivityInput,
  CancelSignUpResult,
  CheckInInput,
  CheckInResult,
  CheckOutResult,
  CloseActivityInput,
  CloseActivityResult,
  CreateActivityInput,
  GetActivityInput,
  ListActivitiesInput,
  SignUpMemberInput,
  SignUpResult,
  StaffActivity,
  UpdateActivityInput,
} from '@tally/domain/activities';
import { pageOf } from '@tally/domain/pagination';
import { leaderOrOfficeProcedure, router, staffProcedure } from '../trpc';
import { activityAttendance } from './attendance';
import { cancelActivity } from './cancel-activity';
import { checkIn, checkOut } from './check-in';
import { closeActivity } from './close-activity';
import { createActivity } from './create-activity';
import { getActivity, listActivities } from './list-activities';
import { publishActivity } from './publish-activity';
import { cancelMemberSignUp, signUpMember } from './sign-up';
import { updateActivity } from './update-activity';

export const activitiesRouter = router({
  create: leaderOrOfficeProcedure
    .meta({
      summary:
        'Drafts an activity of an organization (leaders: one they lead): title in each language, ' +
        'category, place, times, optional places (and waiting list), sign-up opening time and ' +
        'invited group (age bands, buildings, or the running campaign).',
      errors: ['FORBIDDEN', 'NOT_FOUND', 'VALIDATION_FAILED', 'IDEMPOTENCY_CONFLICT'],
    })
    .input(CreateActivityInput)
    .output(StaffActivity)
    .mutation(({ ctx, input }) =>
      createActivity(ctx.db, { staff: ctx.staff, origin: ctx.origin, input }),
    ),

  update: leaderOrOfficeProcedure
    .meta({
      summary:
        "Replaces a draft's or published activity's terms (what is left out is cleared); places " +
        'never below those taken, and new places move the waiting list up.',
      errors: [
        'FORBIDDEN',
        'NOT_FOUND',
        'ACTIVITY_NOT_OPEN',
        'VALIDATION_FAILED',
        'IDEMPOTENCY_CONFLICT',
      ],
    })
    .input(UpdateActivityInput)
    .output(StaffActivity)
    .mutation(({ ctx, input }) =>
      updateActivity(ctx.db, { staff: ctx.staff, origin: ctx.origin, input }),
    ),

  publish: leaderOrOfficeProcedure
    .meta({
      summary:
        'Publishes a draft: residents see it at the kiosk (publishing it again changes nothing).',
      errors: ['FORBIDDEN', 'NOT_FOUND', 'ACTIVITY_NOT_OPEN', 'IDEMPOTENCY_CONFLICT'],
    })
    .input(ActivityActionInput)
    .output(StaffActivity)
    .mutation(({ ctx, input }) =>
      publishActivity(ctx.db, { staff: ctx.staff, origin: ctx.origin, input }),
    ),

  cancel: leaderOrOfficeProcedure
    .meta({
      summary:
        'Cancels an activity that has not closed, with a reason residents who signed up see at ' +
        'the kiosk; sign-up and check-in stop, and kiosks at its door leave activity mode.',
      errors: [
        'FORBIDDEN',
        'NOT_FOUND',
        'ACTIVITY_NOT_OPEN',
        'VALIDATION_FAILED',
        'IDEMPOTENCY_CONFLICT',
      ],
    })
    .input(CancelActivityInput)
    .output(StaffActivity)
    .mutation(({ ctx, input }) =>
      cancelActivity(ctx.db, { staff: ctx.staff, origin: ctx.origin, input }),
    ),

  list: staffProcedure
    .meta({
      summary:
        'Activities, latest start first, with places taken, waiting and checked in (leaders: ' +
        'their organizations only).',
      errors: ['FORBIDDEN', 'VALIDATION_FAILED'],
    })
    .input(ListActivitiesInput)
    .output(pageOf(StaffActivity))
    .query(({ ctx, input }) => listActivities(ctx.db, { staff: ctx.staff, filter: input })),

  get: staffProcedure
    .meta({
      summary: 'One activity with its counts: signed up, waiting, checked in, slots, no-shows.',
      errors: ['FORBIDDEN', 'NOT_FOUND'],
    })
    .input(GetActivityInput)
    .output(StaffActivity)
    .query(({ ctx, input }) => getActivity(ctx.db, { staff: ctx.staff, id: input.id })),

  signUpMember: leaderOrOfficeProcedure
    .meta({
      summary:
        'Signs a resident up (leaders: a member of the organization, who asked by phone or in ' +
        'person; the office: anyone): a place, or a place on the waiting list.',
      errors: [
        'FORBIDDEN',
        'NOT_FOUND',
        'NOT_A_MEMBER',
        'ACTIVITY_NOT_OPEN',
        'ACTIVITY_FULL',
        'ALREADY_SIGNED_UP',
        'NOT_INVITED',
        'IDEMPOTENCY_CONFLICT',
      ],
    })
    .input(SignUpMemberInput)
    .output(SignUpResult)
    .mutation(({ ctx, input }) =>
      signUpMember(ctx.db, { staff: ctx.staff, origin: ctx.origin, input }),
    ),

  cancelMemberSignUp: leaderOrOfficeProcedure
    .meta({
      summary:
        "Gives up a resident's place for them until the activity starts; the first on the " +
        'waiting list moves up (not signed up: nothing changes).',
      errors: [
        'FORBIDDEN',
        'NOT_FOUND',
        'NOT_A_MEMBER',
        'ACTIVITY_NOT_OPEN',
        'IDEMPOTENCY_CONFLICT',
      ],
    })
    .input(SignUpMemberInput)
    .output(CancelSignUpResult)
    .mutation(({ ctx, input }) =>
      cancelMemberSignUp(ctx.db, { staff: ctx.staff, origin: ctx.origin, input }),
    ),

  checkIn: leaderOrOfficeProcedure
    .meta({
      summary:
        "Checks a resident in at the door by card number (typed, or read from the member card's " +
        'QR code), from an hour before the start until closing; walk-ins too. Checking in again ' +
        'changes nothing. Nothing is credited here.',
      errors: ['FORBIDDEN', 'NOT_FOUND', 'ACTIVITY_NOT_OPEN', 'IDEMPOTENCY_CONFLICT'],
    })
    .input(CheckInInput)
    .output(CheckInResult)
    .mutation(({ ctx, input }) => checkIn(ctx.db, { staff: ctx.staff, origin: ctx.origin, input })),

  checkOut: leaderOrOfficeProcedure
    .meta({
      summary:
        'Checks a resident out (optional): their minutes run from check-in to check-out, capped ' +
        'by the activity’s length. The first check-out stands.',
      errors: [
        'FORBIDDEN',
        'NOT_FOUND',
        'NOT_CHECKED_IN',
        'ACTIVITY_NOT_OPEN',
        'IDEMPOTENCY_CONFLICT',
      ],
    })
    .input(CheckInInput)
    .output(CheckOutResult)
    .mutation(({ ctx, input }) =>
      checkOut(ctx.db, { staff: ctx.staff, origin: ctx.origin, input }),
    ),

  attendance: staffProcedure
    .meta({
      summary:
        'Who signed up, waits and came (walk-ins too), with check-in and check-out times and ' +
        'the minutes closing counts.',
      errors: ['FORBIDDEN', 'NOT_FOUND'],
    })
    .input(AttendanceInput)
    .output(Attendance)
    .query(({ ctx, input }) =>
      activityAttendance(ctx.db, { staff: ctx.staff, activityId: input.activityId }),
    ),

  close: leaderOrOfficeProcedure
    .meta({
      summary:
        'Closes a started activity: its attendance becomes one sign-in sheet of pending service ' +
        'records (minutes adjusted with a reason where given) for the office to review — never ' +
        'by whoever closed it — and no-shows are recorded.',
      errors: [
        'FORBIDDEN',
        'NOT_FOUND',
        'ACTIVITY_NOT_OPEN',
        'NOT_CHECKED_IN',
        'VALIDATION_FAILED',
        'IDEMPOTENCY_CONFLICT',
      ],
    })
    .input(CloseActivityInput)
    .output(CloseActivityResult)
    .mutation(({ ctx, input }) =>
      closeActivity(ctx.db, { staff: ctx.staff, origin: ctx.origin, input }),
    ),
});
