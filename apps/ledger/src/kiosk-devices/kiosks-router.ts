import { SetActivityModeInput } from '@tally/domain/activities';
import { Kiosk, RegisteredKiosk, RegisterKioskInput, RevokeKioskInput } from '@tally/domain/kiosks';
import { z } from 'zod';
import { officeProcedure, router } from '../trpc';
import { listKiosks } from './list-kiosks';
import { registerKiosk } from './register-kiosk';
import { revokeKiosk } from './revoke-kiosk';
import { setActivityMode } from './set-activity-mode';

export const kiosksRouter = router({
  register: officeProcedure
    .meta({
      summary:
        'Registers a kiosk device and shows its token once (a replay answers deviceToken: null).',
      errors: ['IDEMPOTENCY_CONFLICT'],
    })
    .input(RegisterKioskInput)
    .output(RegisteredKiosk)
    .mutation(async ({ ctx, input }) => {
      const kiosk = await registerKiosk(ctx.db, { ...input, staff: ctx.staff, origin: ctx.origin });
      return { ...kiosk, setupUrl: kioskSetupUrl(kiosk.deviceToken, ctx.publicUrl) };
    }),

  list: officeProcedure
    .meta({ summary: "The community's kiosks, newest first, with when each was revoked." })
    .output(z.array(Kiosk))
    .query(({ ctx }) => listKiosks(ctx.db, { communityId: ctx.staff.communityId })),

  revoke: officeProcedure
    .meta({
      summary: "Revokes a kiosk: its token stops working at once and its residents' sessions end.",
      errors: ['NOT_FOUND', 'IDEMPOTENCY_CONFLICT'],
    })
    .input(RevokeKioskInput)
    .output(Kiosk)
    .mutation(({ ctx, input }) =>
      revokeKiosk(ctx.db, { ...input, staff: ctx.staff, origin: ctx.origin }),
    ),

  setActivityMode: officeProcedure
    .meta({
      summary:
        'Switches a kiosk into activity mode for one published activity (it checks residents in ' +
        'at that door, by card tap or card and PIN) or, with activityId null, back to its usual ' +
        'screens; closing or cancelling the activity switches it back too.',
      errors: ['NOT_FOUND', 'ACTIVITY_NOT_OPEN', 'IDEMPOTENCY_CONFLICT'],
    })
    .input(SetActivityModeInput)
    .output(Kiosk)
    .mutation(({ ctx, input }) =>
      setActivityMode(ctx.db, { staff: ctx.staff, origin: ctx.origin, input }),
    ),
});

/** Where a kiosk opens Tally once to keep its token: on PUBLIC_URL, never this request's host. */
function kioskSetupUrl(token: string | null, publicUrl: URL): string | null {
  return token ? new URL(`/kiosk/?token=${encodeURIComponent(token)}`, publicUrl).toString() : null;
}
