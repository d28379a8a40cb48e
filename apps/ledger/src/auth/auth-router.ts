import {
  ChangePasswordInput,
  LoginInput,
  LoginOutput,
  RevokeSessionInput,
  SignedInStaff,
  StaffSession,
} from '@tally/domain/staff';
import { z } from 'zod';
import { limitRequests, publicProcedure, router, staffProcedure } from '../trpc';
import { ownAccount } from './actors';
import { changePassword } from './change-password';
import { signInLimits } from './guess-limits';
import { logIn, logOut } from './log-in';
import { revokeStaffSession } from './revoke-session';
import { listStaffSessions } from './staff-sessions';

const Ok = z.object({ ok: z.literal(true) });

export const authRouter = router({
  login: publicProcedure
    .meta({
      summary:
        'Signs a member of staff in: a bearer token (and an HttpOnly cookie), and whether the ' +
        'password must be changed first. Each try is counted before the password is checked: 5 ' +
        'from one address lock the account from that address, 25 from all addresses lock it ' +
        'everywhere, for 15 minutes.',
      errors: ['INVALID_CREDENTIALS', 'ACCOUNT_LOCKED', 'TOO_MANY_REQUESTS'],
    })
    .input(LoginInput)
    .use(limitRequests(signInLimits))
    .output(LoginOutput)
    .mutation(async ({ ctx, input }) => {
      const session = await logIn(ctx.db, { ...input, origin: ctx.origin });
      ctx.sessionCookie?.set(session.token, new Date(session.expiresAt));
      return session;
    }),

  me: staffProcedure
    .meta({ summary: 'Who is signed in, and whether they must choose a new password first.' })
    .output(SignedInStaff)
    .query(({ ctx: { staff } }) => ({
      id: staff.id,
      username: staff.username,
      displayName: staff.displayName,
      role: staff.role,
      communityId: staff.communityId,
      organizationIds: staff.organizationIds,
      mustChangePassword: staff.mustChangePassword,
    })),

  logout: staffProcedure
    .meta({ summary: 'Ends this session; the token stops working.' })
    .output(Ok)
    .mutation(async ({ ctx }) => {
      await logOut(ctx.db, {
        communityId: ownAccount(ctx.staff).communityId,
        staffId: ctx.staff.id,
        tokenHash: ctx.staff.sessionTokenHash,
        origin: ctx.origin,
      });
      ctx.sessionCookie?.clear();
      return { ok: true as const };
    }),

  changePassword: staffProcedure
    .meta({
      summary:
        'Chooses a new password: the current one is checked (counted like a sign-in), the new one ' +
        'must not be weak (the reason is in details.reason) nor one of the last 5. Every other ' +
        'session ends.',
      errors: ['WRONG_CURRENT_PASSWORD', 'WEAK_PASSWORD', 'PASSWORD_REUSED', 'ACCOUNT_LOCKED'],
    })
    .input(ChangePasswordInput)
    .output(Ok)
    .mutation(({ ctx, input }) =>
      changePassword(ctx.db, { ...input, staff: ownAccount(ctx.staff), origin: ctx.origin }),
    ),

  sessions: staffProcedure
    .meta({
      summary:
        'My live sessions: when each started and was last used, from where, and which is this one.',
    })
    .output(z.array(StaffSession))
    .query(({ ctx: { db, staff } }) =>
      listStaffSessions(db, {
        communityId: ownAccount(staff).communityId,
        staffId: staff.id,
        currentSessionId: staff.sessionId,
      }),
    ),

  revokeSession: staffProcedure
    .meta({
      summary: 'Ends one of my sessions (this one too, like signing out).',
      errors: ['NOT_FOUND'],
    })
    .input(RevokeSessionInput)
    .output(z.object({ ok: z.literal(true), current: z.boolean() }))
    .mutation(async ({ ctx, input }) => {
      const revoked = await revokeStaffSession(ctx.db, {
        staff: ownAccount(ctx.staff),
        origin: ctx.origin,
        staffId: ctx.staff.id,
        sessionId: input.sessionId,
      });
      if (revoked.current) ctx.sessionCookie?.clear();
      return revoked;
    }),
});
