import {
  CancelSignUpResult,
  KioskActivity,
  KioskSignUpInput,
  SignUpResult,
} from '@tally/domain/activities';
import {
  MyCorrection,
  MyCorrectionsInput,
  MyServiceRecord,
  RecentActivities,
  RequestCorrectionInput,
} from '@tally/domain/corrections';
import { DomainError } from '@tally/domain/errors';
import { GoalProgress } from '@tally/domain/goals';
import {
  CommunityFigures,
  DonateInput,
  DonateOutput,
  HistoryEntry,
  HistoryInput,
  SignedOut,
} from '@tally/domain/kiosk';
import {
  ActForInput,
  ChangePinInput,
  MeActivityInput,
  MeAddProxyInput,
  MeCertificate,
  MeCertificateInput,
  MeCertificatePage,
  MeCommunity,
  MeFamilySignInInput,
  MeFamilySignInOutput,
  MeProxies,
  MeSession,
  MeSignInInput,
  MeSignInOutput,
  MeSummary,
  PhoneSessionEntry,
  PinChanged,
  ProxyLink,
  ProxyRemoved,
  RemoveProxyInput,
  Revoked,
  RevokeSessionInput,
} from '@tally/domain/me';
import { NoticeBoard, NoticeListInput } from '@tally/domain/notices';
import { pageOf } from '@tally/domain/pagination';
import { z } from 'zod';
import { kioskActivities, mySignUps, oneActivity } from '../activities/kiosk-activities';
import { cancelSignUpAtKiosk, signUpAtKiosk } from '../activities/sign-up';
import { accountPinLimits, phoneDevice, phonePinLimits } from '../auth/guess-limits';
import { certificateHtml } from '../certificates/certificate-html';
import { getCertificate, listCertificates, withVerifyUrl } from '../certificates/read-certificates';
import type { Context } from '../context';
import { myCorrections } from '../corrections/list-corrections';
import { myServiceRecords } from '../corrections/my-service-records';
import { recentActivities } from '../corrections/recent-activities';
import { requestCorrection } from '../corrections/request-correction';
import { meDeliberationProcedures } from '../deliberation/resident-procedures';
import { donateToGoal } from '../goals/donate-to-goal';
import { listGoals } from '../goals/list-goals';
import { communityFigures } from '../kiosk/community-figures';
import { residentHistory } from '../kiosk/resident-history';
import { noticeBoard } from '../notices/notice-board';
import {
  limitRequests,
  phoneProcedure,
  phoneResidentProcedure,
  phoneSelfProcedure,
  publicProcedure,
  router,
} from '../trpc';
import {
  actFor,
  addMyProxy,
  changePin,
  describeSession,
  listPhoneSessions,
  meSummary,
  proxiesOf,
  removeMyProxy,
  revokeMySession,
} from './me-account';
import { proxiesActingFor } from './proxies';
import {
  listCommunities,
  type PhoneDevice,
  signInAsFamily,
  signInWithCard,
  signOutPhone,
} from './sign-in';

/** Where a phone calls from, for its PIN tries and its list of sessions. */
function deviceOf(ctx: Context): PhoneDevice {
  return { origin: ctx.origin, device: phoneDevice(ctx), label: ctx.device.label };
}

/** The community a sign-in's PIN tries are limited in: the one chosen, else the only one. */
const communityKey = (input: { communityId?: string | undefined }) => input.communityId ?? '-';

/**
 * The resident app on the phone (issue 14). A resident signs in with card and PIN; a family
 * member with their phone number and PIN, then acts for a resident who linked them. Every
 * procedure acts on the account of `actingFor`; what a proxy does is audited as theirs, with
 * the resident they acted for. Redeeming rewards stays at the kiosk (the goods are there).
 */
export const meRouter = router({
  communities: publicProcedure
    .meta({
      summary:
        'The communities a phone may sign in to (names only): a street holds several, and card numbers are unique within one.',
    })
    .output(z.array(MeCommunity))
    .query(({ ctx }) => listCommunities(ctx.db)),

  signIn: publicProcedure
    .meta({
      summary:
        'A resident signs in with card number and PIN (the kiosk’s lockout rules, tries counted per card on this phone — `x-device-id` — and per card everywhere). `remember` keeps the session 30 days; otherwise it lasts until the browser closes (a day at most). Send the token as `authorization: Bearer <token>`.',
      errors: ['WRONG_PIN', 'PIN_LOCKED', 'TOO_MANY_REQUESTS', 'CHOOSE_COMMUNITY'],
    })
    .input(MeSignInInput)
    .use(
      limitRequests((ctx, input: MeSignInInput) =>
        phonePinLimits(ctx, { communityId: communityKey(input), who: input.cardNumber }),
      ),
    )
    .output(MeSignInOutput)
    .mutation(({ ctx, input }) => signInWithCard(ctx.db, { at: deviceOf(ctx), input })),

  signInFamily: publicProcedure
    .meta({
      summary:
        'A family member the office registered signs in with their phone number and own PIN (same lockout); acting for the one resident they are linked to, or choosing with `me.actFor`.',
      errors: ['WRONG_PIN', 'PIN_LOCKED', 'TOO_MANY_REQUESTS', 'CHOOSE_COMMUNITY'],
    })
    .input(MeFamilySignInInput)
    .use(
      limitRequests((ctx, input: { communityId?: string; phone: string }) =>
        phonePinLimits(ctx, { communityId: communityKey(input), who: `tel:${input.phone}` }),
      ),
    )
    .output(MeFamilySignInOutput)
    .mutation(({ ctx, input }) => signInAsFamily(ctx.db, { at: deviceOf(ctx), input })),

  session: phoneProcedure
    .meta({
      summary:
        'Who is signed in on this phone, whom they act for (null until a family member picks) and whom they may act for.',
    })
    .output(MeSession)
    .query(({ ctx }) => describeSession(ctx.db, ctx.phone)),

  actFor: phoneProcedure
    .meta({
      summary:
        'Acts for a resident the signed-in person is a live proxy for, or for themself again.',
      errors: ['NOT_A_PROXY'],
    })
    .input(ActForInput)
    .output(MeSession)
    .mutation(({ ctx, input }) =>
      actFor(ctx.db, { phone: ctx.phone, origin: ctx.origin, residentId: input.residentId }),
    ),

  signOut: phoneProcedure
    .meta({ summary: "Ends this phone's session: its token works no more." })
    .output(SignedOut)
    .mutation(({ ctx }) => signOutPhone(ctx.db, { phone: ctx.phone, origin: ctx.origin })),

  summary: phoneResidentProcedure
    .meta({
      summary:
        'Points and service minutes, the card number, minutes approved this month, sign-ups ahead and open correction requests.',
      errors: ['NOT_A_PROXY'],
    })
    .output(MeSummary)
    .query(({ ctx }) => meSummary(ctx.db, ctx.resident)),

  history: phoneResidentProcedure
    .meta({
      summary:
        'The account’s ledger entries, newest first, in plain words with service dates; `actedBy` names a proxy who made one.',
      errors: ['NOT_A_PROXY', 'VALIDATION_FAILED'],
    })
    .input(HistoryInput)
    .output(pageOf(HistoryEntry))
    .query(({ ctx, input }) => residentHistory(ctx.db, ctx.resident, input)),

  records: phoneResidentProcedure
    .meta({
      summary: 'The account’s service records and their review status, latest first.',
      errors: ['NOT_A_PROXY', 'VALIDATION_FAILED'],
    })
    .input(MyCorrectionsInput)
    .output(pageOf(MyServiceRecord))
    .query(({ ctx, input }) => myServiceRecords(ctx.db, { session: ctx.resident, ...input })),

  corrections: phoneResidentProcedure
    .meta({
      summary: 'The account’s correction requests with their status and the office’s answer.',
      errors: ['NOT_A_PROXY', 'VALIDATION_FAILED'],
    })
    .input(MyCorrectionsInput)
    .output(pageOf(MyCorrection))
    .query(({ ctx, input }) => myCorrections(ctx.db, { session: ctx.resident, ...input })),

  recentActivities: phoneResidentProcedure
    .meta({
      summary:
        "The community's sign-in sheets of the last 60 days, the resident's organizations first: to name a missing record by taps.",
      errors: ['NOT_A_PROXY'],
    })
    .output(RecentActivities)
    .query(({ ctx }) => recentActivities(ctx.db, { session: ctx.resident })),

  requestCorrection: phoneResidentProcedure
    .meta({
      summary:
        'Asks the office to correct the hours of an approved record, or to add a missing one (as at the kiosk).',
      errors: [
        'NOT_A_PROXY',
        'NOT_FOUND',
        'NOT_CORRECTABLE',
        'DUPLICATE',
        'VALIDATION_FAILED',
        'IDEMPOTENCY_CONFLICT',
      ],
    })
    .input(RequestCorrectionInput)
    .output(MyCorrection)
    .mutation(({ ctx, input }) =>
      requestCorrection(ctx.db, { session: ctx.resident, origin: ctx.origin, input }),
    ),

  certificates: phoneResidentProcedure
    .meta({
      summary: 'The certificates issued to the account, newest first.',
      errors: ['NOT_A_PROXY'],
    })
    .output(z.array(MeCertificate))
    .query(async ({ ctx }) => {
      const { communityId, residentId } = ctx.resident;
      const page = await listCertificates(ctx.db, {
        communityId,
        filter: { residentId, limit: 100 },
      });
      return page.items.map((certificate) => ({
        number: certificate.number,
        issuedAt: certificate.issuedAt,
        period: certificate.content.period,
        totalMinutes: certificate.content.totalMinutes,
      }));
    }),

  certificate: phoneResidentProcedure
    .meta({
      summary: 'One of the account’s certificates as its printable page (the office’s A4 page).',
      errors: ['NOT_A_PROXY', 'NOT_FOUND'],
    })
    .input(MeCertificateInput)
    .output(MeCertificatePage)
    .query(async ({ ctx, input }) => {
      const { communityId, residentId } = ctx.resident;
      const stored = await getCertificate(ctx.db, { communityId, number: input.number });
      if (!stored || stored.residentId !== residentId) {
        throw new DomainError('NOT_FOUND', 'No certificate of yours has that number.');
      }
      const certificate = withVerifyUrl(stored, ctx.publicUrl);
      return {
        number: certificate.number,
        html: certificateHtml(certificate.content, certificate.verifyUrl),
      };
    }),

  notices: phoneProcedure
    .meta({
      summary: 'The public notice board of the community, as at the kiosk.',
      errors: ['VALIDATION_FAILED'],
    })
    .input(NoticeListInput)
    .output(NoticeBoard)
    .query(({ ctx, input }) =>
      noticeBoard(ctx.db, { communityId: ctx.phone.communityId, ...input }),
    ),

  goals: phoneProcedure
    .meta({ summary: 'Open community goals with the points raised and the target.' })
    .output(z.array(GoalProgress))
    .query(({ ctx }) => listGoals(ctx.db, { communityId: ctx.phone.communityId, status: 'open' })),

  figures: phoneProcedure
    .meta({
      summary:
        "The community's figures of this month (of the last 30 days early in a month): approved hours, participants, goals, thanks.",
    })
    .output(CommunityFigures)
    .query(({ ctx }) => communityFigures(ctx.db, { communityId: ctx.phone.communityId })),

  activities: phoneResidentProcedure
    .meta({
      summary:
        'Upcoming activities, soonest first, each with canSignUp and, if not, why not (as at the kiosk).',
      errors: ['NOT_A_PROXY'],
    })
    .output(z.array(KioskActivity))
    .query(({ ctx }) => kioskActivities(ctx.db, ctx.resident)),

  activity: phoneResidentProcedure
    .meta({
      summary:
        'One activity as the account sees it: what the QR code on a poster or the kiosk opens.',
      errors: ['NOT_A_PROXY', 'NOT_FOUND'],
    })
    .input(MeActivityInput)
    .output(KioskActivity)
    .query(({ ctx, input }) => oneActivity(ctx.db, ctx.resident, input.activityId)),

  mySignUps: phoneResidentProcedure
    .meta({
      summary:
        "The account's sign-ups for activities not long over, cancelled ones with the reason.",
      errors: ['NOT_A_PROXY'],
    })
    .output(z.array(KioskActivity))
    .query(({ ctx }) => mySignUps(ctx.db, ctx.resident)),

  signUp: phoneResidentProcedure
    .meta({
      summary: 'Signs the account up for an activity: a place, or one on its waiting list.',
      errors: [
        'NOT_A_PROXY',
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

  cancelSignUp: phoneResidentProcedure
    .meta({
      summary: 'Gives up a place (or a wait) until the activity starts.',
      errors: ['NOT_A_PROXY', 'NOT_FOUND', 'ACTIVITY_NOT_OPEN', 'IDEMPOTENCY_CONFLICT'],
    })
    .input(KioskSignUpInput)
    .output(CancelSignUpResult)
    .mutation(({ ctx, input }) =>
      cancelSignUpAtKiosk(ctx.db, { session: ctx.resident, origin: ctx.origin, input }),
    ),

  donate: phoneResidentProcedure
    .meta({
      summary: 'Gives points of the account to an open community goal.',
      errors: [
        'NOT_A_PROXY',
        'NOT_FOUND',
        'GOAL_CLOSED',
        'INSUFFICIENT_POINTS',
        'IDEMPOTENCY_CONFLICT',
      ],
    })
    .input(DonateInput)
    .output(DonateOutput)
    .mutation(({ ctx, input }) =>
      donateToGoal(ctx.db, { session: ctx.resident, origin: ctx.origin, ...input }),
    ),

  changePin: phoneSelfProcedure
    .meta({
      summary:
        'The resident changes their PIN: the old one (a wrong one counts toward the lockout), then a new one that is not easy to guess. Never a proxy.',
      errors: ['PROXY_NOT_ALLOWED', 'WRONG_PIN', 'PIN_LOCKED', 'WEAK_PIN', 'VALIDATION_FAILED'],
    })
    .input(ChangePinInput)
    .use(limitRequests(accountPinLimits))
    .output(PinChanged)
    .mutation(({ ctx, input }) =>
      changePin(ctx.db, {
        session: ctx.resident,
        origin: ctx.origin,
        device: phoneDevice(ctx),
        ...input,
      }),
    ),

  sessions: phoneResidentProcedure
    .meta({
      summary:
        "The account's live phone sessions: the resident's own and those of proxies acting for them.",
      errors: ['NOT_A_PROXY'],
    })
    .output(z.array(PhoneSessionEntry))
    .query(({ ctx }) =>
      listPhoneSessions(ctx.db, { ...ctx.resident, currentSessionId: ctx.phone.sessionId }),
    ),

  revokeSession: phoneResidentProcedure
    .meta({
      summary: 'Ends one of those sessions; it is refused from its next request.',
      errors: ['NOT_A_PROXY'],
    })
    .input(RevokeSessionInput)
    .output(Revoked)
    .mutation(({ ctx, input }) =>
      revokeMySession(ctx.db, {
        phone: ctx.phone,
        session: ctx.resident,
        origin: ctx.origin,
        sessionId: input.sessionId,
      }),
    ),

  proxies: phoneProcedure
    .meta({
      summary: 'Who may act for the account (proxies), and whom the signed-in person may act for.',
    })
    .output(MeProxies)
    .query(async ({ ctx }) => {
      const { communityId, actingFor, signedInAs } = ctx.phone;
      const [proxies, actsFor] = await Promise.all([
        actingFor
          ? proxiesOf(ctx.db, { communityId, residentId: actingFor.residentId })
          : Promise.resolve([]),
        proxiesActingFor(ctx.db, { communityId, principal: signedInAs }),
      ]);
      return { proxies, actsFor };
    }),

  addProxy: phoneSelfProcedure
    .meta({
      summary:
        'The resident links another resident (by card number) to act for them, confirming with their own PIN. Never a proxy.',
      errors: [
        'PROXY_NOT_ALLOWED',
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
        device: phoneDevice(ctx),
        input,
      }),
    ),

  removeProxy: phoneSelfProcedure
    .meta({
      summary: 'The resident removes a proxy at any time; their sessions act for them no more.',
      errors: ['PROXY_NOT_ALLOWED', 'IDEMPOTENCY_CONFLICT'],
    })
    .input(RemoveProxyInput)
    .output(ProxyRemoved)
    .mutation(({ ctx, input }) =>
      removeMyProxy(ctx.db, { session: ctx.resident, origin: ctx.origin, input }),
    ),

  // Deliberation: raising topics, polls and votes, decisions on the board (issue 15).
  ...meDeliberationProcedures,
});
