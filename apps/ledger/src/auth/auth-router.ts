import { LoginInput, LoginOutput, StaffUser } from '@tally/domain/staff';
import { z } from 'zod';
import { limitRequests, publicProcedure, router, staffProcedure } from '../trpc';
import { signInLimits } from './guess-limits';
import { logIn, logOut } from './log-in';

export const authRouter = router({
  login: publicProcedure
    .meta({
      summary:
        'Signs a member of staff in: a bearer token (and an HttpOnly cookie). Five failures lock the account for 15 minutes.',
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
    .meta({ summary: 'Who is signed in.' })
    .output(StaffUser)
    .query(({ ctx: { staff } }) => ({
      id: staff.id,
      username: staff.username,
      displayName: staff.displayName,
      role: staff.role,
      communityId: staff.communityId,
      organizationIds: staff.organizationIds,
    })),

  logout: staffProcedure
    .meta({ summary: 'Ends this session; the token stops working.' })
    .output(z.object({ ok: z.literal(true) }))
    .mutation(async ({ ctx }) => {
      await logOut(ctx.db, {
        communityId: ctx.staff.communityId,
        staffId: ctx.staff.id,
        tokenHash: ctx.staff.sessionTokenHash,
        origin: ctx.origin,
      });
      ctx.sessionCookie?.clear();
      return { ok: true as const };
    }),
});
