import { DomainError } from '@tally/domain/errors';
import {
  CancelHelpRequestInput,
  CareListChangeInput,
  CareListEntry,
  CarePool,
  ClaimChangeOutput,
  ClaimHelpInput,
  ClaimHelpOutput,
  ConfirmHelpInput,
  ConfirmHelpOutput,
  DisputeHelpInput,
  GiveCreditInput,
  GiveCreditOutput,
  GrantPoolInput,
  GrantPoolOutput,
  HelpOfferInput,
  HelpOfferPage,
  HelpRequest,
  HelpRequestForInput,
  HelpRequestIdInput,
  HelpRequestInput,
  HelpRequestOutput,
  HelpRequestPage,
  ListHelpOffersInput,
  ListHelpRequestsInput,
  NoShowInput,
  PoolRule,
  ProposeMinutesInput,
  ResolveDisputeInput,
  ResolveDisputeOutput,
  ReverseExchangeInput,
  ReverseExchangeOutput,
  SetPoolRuleInput,
  TimeBankBoard,
  TimeCreditBalance,
  WithdrawClaimInput,
  WithdrawOfferInput,
} from '@tally/domain/timebank';
import { z } from 'zod';
import {
  anyResidentProcedure,
  officeProcedure,
  publicProcedure,
  residentOrOfficeProcedure,
  router,
} from '../trpc';
import { claimHelp, disputeHelp, markNoShow, proposeMinutes, withdrawClaim } from './claims';
import {
  careList,
  carePool,
  changeCareList,
  giveCredit,
  grantPool,
  setPoolRule,
  timeCreditBalance,
} from './credit';
import { confirmHelp, resolveDispute, reverseExchange } from './exchange';
import { communityOf } from './help-rows';
import { getRequest, listOffers, listRequests, timeBankBoard } from './read-requests';
import { cancelRequest, offerHelp, requestHelp, requestHelpFor, withdrawOffer } from './requests';

const residentErrors = ['NOT_A_PROXY', 'SESSION_EXPIRED', 'IDEMPOTENCY_CONFLICT'] as const;

/** The board is public to the community: a kiosk with nobody signed in, a phone, the staff. */
const boardProcedure = publicProcedure
  .use(async ({ ctx, next }) => {
    const staff = await ctx.caller.staff();
    const phone = staff ? null : await ctx.caller.phone();
    const kiosk = staff || phone ? null : await ctx.caller.kiosk();
    const communityId = staff?.communityId ?? phone?.communityId ?? kiosk?.communityId;
    if (!communityId) throw new DomainError('UNAUTHORIZED');
    return next({ ctx: { ...ctx, communityId } });
  })
  .meta({ access: 'a kiosk device, a signed-in phone, or staff of the community' });

/** The mutual-aid time bank (互助时间银行, issue 16). */
export const timebankRouter = router({
  request: anyResidentProcedure
    .meta({
      summary:
        'A resident (at a kiosk, on the phone, or a proxy for them) asks for help: its kind, a few words, when, exactly where (told only to a helper who takes it), the time it should take and how many helpers.',
      errors: ['VALIDATION_FAILED', ...residentErrors],
    })
    .input(HelpRequestInput)
    .output(HelpRequestOutput)
    .mutation(({ ctx, input }) =>
      requestHelp(ctx.db, { session: ctx.resident, origin: ctx.origin, input }),
    ),

  requestFor: officeProcedure
    .meta({
      summary:
        'The office asks for help for a resident who cannot (housebound, no phone), and says why.',
      errors: ['VALIDATION_FAILED', 'NOT_FOUND', 'IDEMPOTENCY_CONFLICT'],
    })
    .input(HelpRequestForInput)
    .output(HelpRequestOutput)
    .mutation(({ ctx, input }) =>
      requestHelpFor(ctx.db, { staff: ctx.staff, origin: ctx.origin, input }),
    ),

  cancel: residentOrOfficeProcedure
    .meta({
      summary:
        'The requester (or their proxy, or the office) calls a request off. Help already confirmed stands: such a request becomes done.',
      errors: ['NOT_FOUND', 'NOT_YOUR_REQUEST', 'REQUEST_CLOSED', ...residentErrors],
    })
    .input(CancelHelpRequestInput)
    .output(HelpRequestOutput)
    .mutation(({ ctx, input }) =>
      cancelRequest(ctx.db, { party: ctx.party, origin: ctx.origin, input }),
    ),

  offer: anyResidentProcedure
    .meta({
      summary: 'A resident offers help of a kind, and says when they can ("weekday evenings").',
      errors: ['VALIDATION_FAILED', ...residentErrors],
    })
    .input(HelpOfferInput)
    .output(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) =>
      offerHelp(ctx.db, { session: ctx.resident, origin: ctx.origin, input }),
    ),

  withdrawOffer: residentOrOfficeProcedure
    .meta({
      summary: 'The resident takes their offer back; the office can take any offer down.',
      errors: ['NOT_FOUND', 'FORBIDDEN', ...residentErrors],
    })
    .input(WithdrawOfferInput)
    .output(z.object({ id: z.string(), status: z.literal('withdrawn') }))
    .mutation(({ ctx, input }) =>
      withdrawOffer(ctx.db, { party: ctx.party, origin: ctx.origin, input }),
    ),

  offers: residentOrOfficeProcedure
    .meta({
      summary: 'Offers of help, newest first (residents see open ones; `mine` for their own).',
    })
    .input(ListHelpOffersInput)
    .output(HelpOfferPage)
    .query(({ ctx, input }) => listOffers(ctx.db, ctx.party, input)),

  list: residentOrOfficeProcedure
    .meta({
      summary:
        "Requests for help, newest first. The office sees all (filters `status`, `kind`, `disputed`). A resident sees `view: 'open'` (others' requests still wanting help: what, roughly where, when, how long — never who asked, exactly where or whom to call), `mine` or `helping`.",
    })
    .input(ListHelpRequestsInput)
    .output(HelpRequestPage)
    .query(({ ctx, input }) => listRequests(ctx.db, ctx.party, input)),

  get: residentOrOfficeProcedure
    .meta({
      summary:
        "One request as the reader may see it (`role`): the requester's side and the office see every claim; a helper sees who asked, where and whom to call, and their own claim.",
      errors: ['NOT_FOUND'],
    })
    .input(HelpRequestIdInput)
    .output(HelpRequest)
    .query(({ ctx, input }) => getRequest(ctx.db, ctx.party, input.id)),

  claim: anyResidentProcedure
    .meta({
      summary:
        'A neighbour takes a place on a request (as many as it needs, however many try at once).',
      errors: ['NOT_FOUND', 'OWN_REQUEST', 'REQUEST_CLOSED', 'ALREADY_CLAIMED', ...residentErrors],
    })
    .input(ClaimHelpInput)
    .output(ClaimHelpOutput)
    .mutation(({ ctx, input }) =>
      claimHelp(ctx.db, { session: ctx.resident, origin: ctx.origin, input }),
    ),

  propose: anyResidentProcedure
    .meta({
      summary: 'The helper says how long it took; the requester confirms it or changes it.',
      errors: [
        'NOT_FOUND',
        'REQUEST_CLOSED',
        'ALREADY_CONFIRMED',
        'CLAIM_SETTLED',
        ...residentErrors,
      ],
    })
    .input(ProposeMinutesInput)
    .output(ClaimChangeOutput)
    .mutation(({ ctx, input }) =>
      proposeMinutes(ctx.db, { session: ctx.resident, origin: ctx.origin, input }),
    ),

  withdraw: anyResidentProcedure
    .meta({
      summary: 'The helper gives their place back before the help is confirmed.',
      errors: ['NOT_FOUND', 'ALREADY_CONFIRMED', 'CLAIM_SETTLED', ...residentErrors],
    })
    .input(WithdrawClaimInput)
    .output(ClaimChangeOutput)
    .mutation(({ ctx, input }) =>
      withdrawClaim(ctx.db, { session: ctx.resident, origin: ctx.origin, input }),
    ),

  noShow: residentOrOfficeProcedure
    .meta({
      summary: 'The requester’s side or the office records that a helper did not come.',
      errors: [
        'NOT_FOUND',
        'NOT_YOUR_REQUEST',
        'ALREADY_CONFIRMED',
        'CLAIM_SETTLED',
        ...residentErrors,
      ],
    })
    .input(NoShowInput)
    .output(ClaimChangeOutput)
    .mutation(({ ctx, input }) =>
      markNoShow(ctx.db, { party: ctx.party, origin: ctx.origin, input }),
    ),

  confirm: residentOrOfficeProcedure
    .meta({
      summary:
        'The requester (or their proxy, or the office) confirms the help and the minutes it took: that much time credit moves from the requester (the care pool paying what their credit cannot, by the office’s rule) to the helper, once only. The helper cannot confirm their own help.',
      errors: [
        'NOT_FOUND',
        'NOT_YOUR_REQUEST',
        'REQUEST_CLOSED',
        'ALREADY_CONFIRMED',
        'CLAIM_SETTLED',
        'INSUFFICIENT_CREDIT',
        ...residentErrors,
      ],
    })
    .input(ConfirmHelpInput)
    .output(ConfirmHelpOutput)
    .mutation(({ ctx, input }) =>
      confirmHelp(ctx.db, { party: ctx.party, origin: ctx.origin, input }),
    ),

  dispute: anyResidentProcedure
    .meta({
      summary:
        'Either party says something is wrong: the requester’s side names the helper; a helper disputes their own claim. The office decides.',
      errors: [
        'NOT_FOUND',
        'NOT_YOUR_REQUEST',
        'ALREADY_CONFIRMED',
        'CLAIM_SETTLED',
        ...residentErrors,
      ],
    })
    .input(DisputeHelpInput)
    .output(ClaimChangeOutput)
    .mutation(({ ctx, input }) =>
      disputeHelp(ctx.db, { session: ctx.resident, origin: ctx.origin, input }),
    ),

  resolve: officeProcedure
    .meta({
      summary:
        'The office settles a dispute: `confirm` (with the minutes: the credit moves) or `dismiss` (nothing moves), with a note.',
      errors: [
        'NOT_FOUND',
        'NOT_IN_DISPUTE',
        'ALREADY_CONFIRMED',
        'INSUFFICIENT_CREDIT',
        'VALIDATION_FAILED',
        'IDEMPOTENCY_CONFLICT',
      ],
    })
    .input(ResolveDisputeInput)
    .output(ResolveDisputeOutput)
    .mutation(({ ctx, input }) =>
      resolveDispute(ctx.db, { staff: ctx.staff, origin: ctx.origin, input }),
    ),

  reverse: officeProcedure
    .meta({
      summary:
        'The office undoes a confirmed exchange that was wrong: a reversal transaction (never an edit). Refused if the helper already spent the credit.',
      errors: [
        'NOT_FOUND',
        'CLAIM_SETTLED',
        'ALREADY_REVERSED',
        'INSUFFICIENT_CREDIT',
        'IDEMPOTENCY_CONFLICT',
      ],
    })
    .input(ReverseExchangeInput)
    .output(ReverseExchangeOutput)
    .mutation(({ ctx, input }) =>
      reverseExchange(ctx.db, { staff: ctx.staff, origin: ctx.origin, input }),
    ),

  give: anyResidentProcedure
    .meta({
      summary:
        'A resident gives time credit to a family member who is a resident (linked as a proxy, either way) or to the care pool. Not through a proxy.',
      errors: [
        'NOT_FAMILY',
        'INSUFFICIENT_CREDIT',
        'PROXY_NOT_ALLOWED',
        'VALIDATION_FAILED',
        ...residentErrors,
      ],
    })
    .input(GiveCreditInput)
    .output(GiveCreditOutput)
    .mutation(({ ctx, input }) =>
      giveCredit(ctx.db, { session: ctx.resident, origin: ctx.origin, input }),
    ),

  balance: anyResidentProcedure
    .meta({
      summary:
        "The resident's own time credit (minutes; separate from points and from service hours, which never go down), what they helped and were helped, whether the care pool covers them, and whom they may give to.",
      errors: ['NOT_A_PROXY', 'SESSION_EXPIRED'],
    })
    .output(TimeCreditBalance)
    .query(({ ctx }) => timeCreditBalance(ctx.db, ctx.resident)),

  pool: residentOrOfficeProcedure
    .meta({
      summary: 'The community care pool: its balance, its rule, and what it paid and received.',
    })
    .output(CarePool)
    .query(({ ctx }) => carePool(ctx.db, communityOf(ctx.party))),

  grant: officeProcedure
    .meta({
      summary: 'The office grants time credit to the care pool.',
      errors: ['VALIDATION_FAILED', 'IDEMPOTENCY_CONFLICT'],
    })
    .input(GrantPoolInput)
    .output(GrantPoolOutput)
    .mutation(({ ctx, input }) =>
      grantPool(ctx.db, { staff: ctx.staff, origin: ctx.origin, input }),
    ),

  setPoolRule: officeProcedure
    .meta({
      summary:
        'Who the care pool pays for: residents of at least `minAge` (null: no age rule), beside the care list.',
      errors: ['VALIDATION_FAILED', 'IDEMPOTENCY_CONFLICT'],
    })
    .input(SetPoolRuleInput)
    .output(PoolRule)
    .mutation(({ ctx, input }) =>
      setPoolRule(ctx.db, { staff: ctx.staff, origin: ctx.origin, input }),
    ),

  careList: officeProcedure
    .meta({
      summary: "The office's care list: residents the care pool pays for whatever their age.",
    })
    .output(z.array(CareListEntry))
    .query(({ ctx }) => careList(ctx.db, ctx.staff.communityId)),

  addToCareList: officeProcedure
    .meta({
      summary: 'Puts a resident on the care list, with a note why.',
      errors: ['NOT_FOUND', 'IDEMPOTENCY_CONFLICT'],
    })
    .input(CareListChangeInput)
    .output(z.array(CareListEntry))
    .mutation(({ ctx, input }) =>
      changeCareList(ctx.db, { staff: ctx.staff, origin: ctx.origin, input, add: true }),
    ),

  removeFromCareList: officeProcedure
    .meta({
      summary: 'Takes a resident off the care list.',
      errors: ['NOT_FOUND', 'IDEMPOTENCY_CONFLICT'],
    })
    .input(CareListChangeInput)
    .output(z.array(CareListEntry))
    .mutation(({ ctx, input }) =>
      changeCareList(ctx.db, { staff: ctx.staff, origin: ctx.origin, input, add: false }),
    ),

  board: boardProcedure
    .meta({
      summary:
        "The notice board's time bank: exchanges both parties agreed to show, this month's exchanges and minutes, the care pool's balance.",
      errors: ['UNAUTHORIZED'],
    })
    .output(TimeBankBoard)
    .query(({ ctx }) => timeBankBoard(ctx.db, ctx.communityId)),
});
