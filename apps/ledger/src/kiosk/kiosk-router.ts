import { GoalProgress } from '@tally/domain/goals';
import {
  CatalogItem,
  CommunityFigures,
  DonateInput,
  DonateOutput,
  HistoryEntry,
  HistoryInput,
  IdentifyInput,
  IdentifyOutput,
  KioskResident,
  RedeemInput,
  RedeemOutput,
  SignedOut,
} from '@tally/domain/kiosk';
import {
  ChangePinInput,
  MeAddProxyInput,
  MeProxies,
  PinChanged,
  ProxyLink,
  ProxyRemoved,
  RemoveProxyInput,
} from '@tally/domain/me';
import { pageOf } from '@tally/domain/pagination';
import { z } from 'zod';
import { kioskActivityProcedures } from '../activities/kiosk-activity-procedures';
import { accountPinLimits, pinLimits } from '../auth/guess-limits';
import { kioskTrustProcedures } from '../corrections/kiosk-trust-procedures';
import { kioskDeliberationProcedures } from '../deliberation/resident-procedures';
import { donateToGoal } from '../goals/donate-to-goal';
import { listGoals } from '../goals/list-goals';
import { kioskInvitationProcedures } from '../invitations/invitation-procedures';
import { addMyProxy, changePin, proxiesOf, removeMyProxy } from '../me/me-account';
import { proxiesActingFor } from '../me/proxies';
import { redeemReward } from '../redemptions/redeem-reward';
import { kioskProcedure, limitRequests, residentProcedure, router } from '../trpc';
import { communityFigures } from './community-figures';
import { identifyResident, signOutResident } from './identify-resident';
import { kioskCatalog } from './kiosk-catalog';
import { kioskResident } from './kiosk-resident';
import { residentHistory } from './resident-history';

export const kioskRouter = router({
  identify: kioskProcedure
    .meta({
      summary:
        'A resident identifies with card number (its digits alone will do when exactly one card is letters and those digits) and PIN; five wrong tries at one kiosk lock the card there for 15 minutes (fifteen anywhere lock it everywhere).',
      errors: ['WRONG_PIN', 'PIN_LOCKED', 'TOO_MANY_REQUESTS'],
    })
    .input(IdentifyInput)
    .use(limitRequests(pinLimits))
    .output(IdentifyOutput)
    .mutation(({ ctx, input }) =>
      identifyResident(ctx.db, { kiosk: ctx.kiosk, origin: ctx.origin, ...input }),
    ),

  me: residentProcedure
    .meta({ summary: "The identified resident's display name and fresh balances." })
    .output(KioskResident)
    .query(({ ctx }) => kioskResident(ctx.db, ctx.resident)),

  catalog: residentProcedure
    .meta({
      summary:
        'Active rewards (sold-out ones last, with stock 0), with what the resident can afford and may still redeem.',
    })
    .output(z.array(CatalogItem))
    .query(({ ctx }) => kioskCatalog(ctx.db, ctx.resident)),

  goals: kioskProcedure
    .meta({ summary: 'Open community goals with the points raised and the target.' })
    .output(z.array(GoalProgress))
    .query(({ ctx }) => listGoals(ctx.db, { communityId: ctx.kiosk.communityId, status: 'open' })),

  history: residentProcedure
    .meta({
      summary: "The resident's own ledger entries, newest first, in plain words.",
      errors: ['VALIDATION_FAILED'],
    })
    .input(HistoryInput)
    .output(pageOf(HistoryEntry))
    .query(({ ctx, input }) => residentHistory(ctx.db, ctx.resident, input)),

  redeem: residentProcedure
    .meta({
      summary:
        'Redeems points for a reward: checks stock, limit and points and changes them together.',
      errors: [
        'NOT_FOUND',
        'OUT_OF_STOCK',
        'LIMIT_REACHED',
        'INSUFFICIENT_POINTS',
        'IDEMPOTENCY_CONFLICT',
      ],
    })
    .input(RedeemInput)
    .output(RedeemOutput)
    .mutation(({ ctx, input }) =>
      redeemReward(ctx.db, { session: ctx.resident, origin: ctx.origin, ...input }),
    ),

  donate: residentProcedure
    .meta({
      summary: 'Gives points to an open community goal.',
      errors: ['NOT_FOUND', 'GOAL_CLOSED', 'INSUFFICIENT_POINTS', 'IDEMPOTENCY_CONFLICT'],
    })
    .input(DonateInput)
    .output(DonateOutput)
    .mutation(({ ctx, input }) =>
      donateToGoal(ctx.db, { session: ctx.resident, origin: ctx.origin, ...input }),
    ),

  signOut: residentProcedure
    .meta({ summary: "Ends the resident's kiosk session." })
    .output(SignedOut)
    .mutation(({ ctx }) =>
      signOutResident(ctx.db, { kiosk: ctx.kiosk, session: ctx.resident, origin: ctx.origin }),
    ),

  changePin: residentProcedure
    .meta({
      summary:
        'The identified resident changes their PIN: the old one (a wrong one counts toward the lockout), then a new one that is not easy to guess.',
      errors: ['WRONG_PIN', 'PIN_LOCKED', 'WEAK_PIN', 'VALIDATION_FAILED'],
    })
    .input(ChangePinInput)
    .use(limitRequests(accountPinLimits))
    .output(PinChanged)
    .mutation(({ ctx, input }) =>
      changePin(ctx.db, {
        session: ctx.resident,
        origin: ctx.origin,
        device: ctx.kiosk.kioskId,
        ...input,
      }),
    ),

  proxies: residentProcedure
    .meta({
      summary:
        'Who may act for the identified resident on the phone app, and whom they may act for.',
    })
    .output(MeProxies)
    .query(async ({ ctx }) => {
      const { communityId, residentId } = ctx.resident;
      const [proxies, actsFor] = await Promise.all([
        proxiesOf(ctx.db, { communityId, residentId }),
        proxiesActingFor(ctx.db, { communityId, principal: { kind: 'resident', id: residentId } }),
      ]);
      return { proxies, actsFor };
    }),

  addProxy: residentProcedure
    .meta({
      summary:
        'The identified resident links another resident (by card number) to act for them on the phone app, confirming with their PIN.',
      errors: [
        'WRONG_PIN',
        'PIN_LOCKED',
        'NOT_FOUND',
        'ALREADY_A_PROXY',
        'VALIDATION_FAILED',
        'IDEMPOTENCY_CONFLICT',
      ],
    })
    .input(MeAddProxyInput)
    .use(limitRequests(accountPinLimits))
    .output(ProxyLink)
    .mutation(({ ctx, input }) =>
      addMyProxy(ctx.db, {
        session: ctx.resident,
        origin: ctx.origin,
        device: ctx.kiosk.kioskId,
        input,
      }),
    ),

  removeProxy: residentProcedure
    .meta({
      summary: 'The identified resident removes a proxy.',
      errors: ['IDEMPOTENCY_CONFLICT'],
    })
    .input(RemoveProxyInput)
    .output(ProxyRemoved)
    .mutation(({ ctx, input }) =>
      removeMyProxy(ctx.db, { session: ctx.resident, origin: ctx.origin, input }),
    ),

  community: kioskProcedure
    .meta({
      summary:
        "The idle screen's public figures: approved hours and participants of this month (of the last 30 days early in a month, or while the month has none), goals, thanks.",
    })
    .output(CommunityFigures)
    .query(({ ctx }) => communityFigures(ctx.db, ctx.kiosk)),

  // Public notice and correction requests (issue 6).
  ...kioskTrustProcedures,
  // Invitations to join organizations, answered by the resident (issue 10, F10).
  ...kioskInvitationProcedures,
  // Activities: finding, signing up, and the door of a kiosk in activity mode (issue 13).
  ...kioskActivityProcedures,
  // Deliberation: raising topics, polls and votes, decisions on the board (issue 15).
  ...kioskDeliberationProcedures,
});
