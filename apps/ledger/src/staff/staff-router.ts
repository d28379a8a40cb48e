import { CreateStaffInput, StaffMember, StaffUser } from '@tally/domain/staff';
import { z } from 'zod';
import { officeProcedure, router } from '../trpc';
import { listStaff } from './list-staff';
import { registerStaffUser } from './register-staff-user';

export const staffRouter = router({
  create: officeProcedure
    .meta({
      summary: 'Opens a staff account (office, leader or auditor); a leader names what they lead.',
      errors: ['DUPLICATE', 'NOT_FOUND', 'IDEMPOTENCY_CONFLICT'],
    })
    .input(CreateStaffInput)
    .output(StaffUser)
    .mutation(({ ctx, input }) =>
      registerStaffUser(ctx.db, { ...input, staff: ctx.staff, origin: ctx.origin }),
    ),

  list: officeProcedure
    .meta({ summary: "The community's staff accounts, by user name (never password hashes)." })
    .output(z.array(StaffMember))
    .query(({ ctx }) => listStaff(ctx.db, { communityId: ctx.staff.communityId })),
});
