import {
  CreateStaffInput,
  ResetPasswordOutput,
  RevokeStaffSessionInput,
  StaffAccountInput,
  StaffMember,
  StaffSession,
  StaffSessionsInput,
  StaffUser,
  UpdateStaffInput,
} from '@tally/domain/staff';
import { z } from 'zod';
import { revokeStaffSession } from '../auth/revoke-session';
import { officeProcedure, router } from '../trpc';
import { confirmStaffUser } from './confirm-staff-user';
import { listStaff } from './list-staff';
import { registerStaffUser } from './register-staff-user';
import { resetStaffPassword } from './reset-staff-password';
import { staffSessions } from './staff-sessions';
import { updateStaffUser } from './update-staff-user';

export const staffRouter = router({
  create: officeProcedure
    .meta({
      summary:
        'Opens a staff account (office, leader or auditor); a leader names what they lead. The ' +
        'account awaits confirmation by a second office member (see staff.confirm).',
      errors: ['DUPLICATE', 'NOT_FOUND', 'IDEMPOTENCY_CONFLICT'],
    })
    .input(CreateStaffInput)
    .output(StaffUser)
    .mutation(({ ctx, input }) =>
      registerStaffUser(ctx.db, { ...input, staff: ctx.staff, origin: ctx.origin }),
    ),

  list: officeProcedure
    .meta({
      summary:
        "The community's staff accounts, by user name, with which await confirmation and " +
        'whether the caller may confirm them (never password hashes).',
    })
    .output(z.array(StaffMember))
    .query(({ ctx }) => listStaff(ctx.db, { viewer: ctx.staff })),

  update: officeProcedure
    .meta({
      summary:
        "Changes an account's name, role, the organizations a leader leads, or whether it is " +
        'active; deactivating ends all its sessions at once. Nobody deactivates or demotes themselves.',
      errors: ['NOT_FOUND', 'OWN_ACCOUNT', 'VALIDATION_FAILED', 'IDEMPOTENCY_CONFLICT'],
    })
    .input(UpdateStaffInput)
    .output(StaffMember)
    .mutation(({ ctx, input }) =>
      updateStaffUser(ctx.db, { staff: ctx.staff, origin: ctx.origin, input }),
    ),

  resetPassword: officeProcedure
    .meta({
      summary:
        'Gives another account a random temporary password, shown once (a replay of the key ' +
        'answers RESET_ALREADY_SHOWN); it must be changed at the next sign-in, all sessions end, ' +
        'and the account awaits confirmation again.',
      errors: ['NOT_FOUND', 'OWN_ACCOUNT', 'RESET_ALREADY_SHOWN', 'IDEMPOTENCY_CONFLICT'],
    })
    .input(StaffAccountInput)
    .output(ResetPasswordOutput)
    .mutation(({ ctx, input }) =>
      resetStaffPassword(ctx.db, { ...input, staff: ctx.staff, origin: ctx.origin }),
    ),

  confirm: officeProcedure
    .meta({
      summary:
        'A second office member confirms an account someone else opened or reset, so the two ' +
        "may check each other's work (never the one who opened or reset it, nor accounts linked to it).",
      errors: [
        'NOT_FOUND',
        'ALREADY_CONFIRMED',
        'CONFIRMER_NOT_INDEPENDENT',
        'IDEMPOTENCY_CONFLICT',
      ],
    })
    .input(StaffAccountInput)
    .output(StaffMember)
    .mutation(({ ctx, input }) =>
      confirmStaffUser(ctx.db, { ...input, staff: ctx.staff, origin: ctx.origin }),
    ),

  sessions: officeProcedure
    .meta({
      summary:
        "An account's live sessions: when each started and was last used, from where, and which is the caller's.",
      errors: ['NOT_FOUND'],
    })
    .input(StaffSessionsInput)
    .output(z.array(StaffSession))
    .query(({ ctx, input }) => staffSessions(ctx.db, { staff: ctx.staff, staffId: input.staffId })),

  revokeSession: officeProcedure
    .meta({
      summary: "Ends one of an account's sessions; its token stops working at once.",
      errors: ['NOT_FOUND'],
    })
    .input(RevokeStaffSessionInput)
    .output(z.object({ ok: z.literal(true), current: z.boolean() }))
    .mutation(({ ctx, input }) =>
      revokeStaffSession(ctx.db, { ...input, staff: ctx.staff, origin: ctx.origin }),
    ),
});
