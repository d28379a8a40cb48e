import type { AppRouter } from '@tally/ledger/router';
import { createTRPCClient, httpBatchLink, type TRPCClient, type TRPCLink } from '@trpc/client';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';

type Client = TRPCClient<AppRouter>;

/**
 * Everything the kiosk asks of the service: the `kiosk` branch of the router's own client, so
 * every procedure, input and answer is the router's, listed nowhere by hand. Screens call
 * `api.catalog.query()`; tests hand them a client over a fake service (test/fake-api).
 * Resident procedures that live outside the branch, shared by the kiosk and the phone:
 * `topics.support`, here as `api.supportTopic` (the branch has a `topics` of its own), and the
 * time bank's router, `api.timebank` (its calls carry the same device and resident tokens; its
 * notice board, `timebank.board`, needs the device token alone).
 */
export type KioskApi = Client['kiosk'] & {
  supportTopic: Client['topics']['support'];
  timebank: Client['timebank'];
};

/** What the kiosk's procedures take and answer, by name: the router's, as the client sees them. */
export type KioskInputs = inferRouterInputs<AppRouter>['kiosk'];
export type KioskOutputs = inferRouterOutputs<AppRouter>['kiosk'];
type Inputs = KioskInputs;
type Outputs = KioskOutputs;
/** The time bank's procedures the kiosk calls, as the client sees them. */
export type TimeBankInputs = inferRouterInputs<AppRouter>['timebank'];
export type TimeBankOutputs = inferRouterOutputs<AppRouter>['timebank'];

// Names the screens use for the router's shapes (aliases only: nothing is re-declared).

export type CommunityFigures = Outputs['community'];
export type GoalProgress = Outputs['goals'][number];
export type Identified = Outputs['identify'];
export type Resident = Outputs['me'];
export type HistoryPage = Outputs['history'];
export type HistoryEntry = HistoryPage['items'][number];
export type CatalogItem = Outputs['catalog'][number];
export type Redeemed = Outputs['redeem'];
export type Donated = Outputs['donate'];
export type NoticeBoard = Outputs['notices'];
export type Notice = NoticeBoard['items'][number];
export type MyRecordsPage = Outputs['myRecords'];
export type MyRecord = MyRecordsPage['items'][number];
export type MyCorrectionsPage = Outputs['myCorrections'];
export type MyCorrection = MyCorrectionsPage['items'][number];
export type RecentActivities = Outputs['recentActivities'];
export type RecentActivity = RecentActivities['activities'][number];
export type Invitation = Outputs['invitations'][number];
export type InvitationAnswered = Outputs['answerInvitation'];
export type KioskActivity = Outputs['activities'][number];
export type SignedUp = Outputs['signUp'];
export type SignUpCancelled = Outputs['cancelSignUp'];
export type KioskMode = Outputs['mode'];
export type DoorActivity = NonNullable<KioskMode['activity']>;
export type CheckedIn = Outputs['checkIn'];
export type ResidentTopic = Outputs['topics']['items'][number];
export type TopicView = NonNullable<Inputs['topics']['view']>;
export type TopicRaised = Outputs['raiseTopic'];
export type TopicSupported = Awaited<ReturnType<KioskApi['supportTopic']['mutate']>>;
export type ResidentPoll = Outputs['polls']['items'][number];
export type Voted = Outputs['vote'];
export type Governance = Outputs['governance'];

export type TimeCreditBalance = TimeBankOutputs['balance'];
export type HelpRequest = TimeBankOutputs['get'];
export type HelpClaim = HelpRequest['claims'][number];
export type HelpKind = HelpRequest['kind'];
export type HelpView = NonNullable<TimeBankInputs['list']['view']>;
export type HelpAsked = TimeBankOutputs['request'];
export type HelpClaimed = TimeBankOutputs['claim'];
export type HelpConfirmed = TimeBankOutputs['confirm'];
export type ClaimChanged = TimeBankOutputs['propose'];
export type TimeBankBoard = TimeBankOutputs['board'];
export type BoardExchange = TimeBankBoard['exchanges'][number];

export type RedeemRequest = Inputs['redeem'];
export type DonateRequest = Inputs['donate'];
export type CorrectionRequest = Inputs['requestCorrection'];
export type InvitationAnswer = Inputs['answerInvitation'];
export type SignUpRequest = Inputs['signUp'];
export type CheckInRequest = Inputs['checkIn'];
export type RaiseTopicRequest = Inputs['raiseTopic'];
export type VoteRequest = Inputs['vote'];
export type SupportTopicRequest = Parameters<KioskApi['supportTopic']['mutate']>[0];
export type AskHelpRequest = TimeBankInputs['request'];
export type ClaimHelpRequest = TimeBankInputs['claim'];
export type ConfirmHelpRequest = TimeBankInputs['confirm'];
export type ProposeMinutesRequest = TimeBankInputs['propose'];

/** The links in front of the transport: the resident's session link, when a resident is in. */
export type KioskLinks = TRPCLink<AppRouter>[];

/** An identified resident's session token (kept in memory only) and the links that watch it. */
export type ResidentSession = { token: string; links: KioskLinks };

/** Makes the service client; with the resident's session for their own calls. */
export type ApiFactory = (resident?: ResidentSession) => KioskApi;

function createTrpc({
  url,
  deviceToken,
  residentToken = () => null,
  links = [],
}: {
  url: string;
  /** The kiosk device's bearer token, kept in local storage. */
  deviceToken: () => string | null;
  /** The identified resident's session token, kept in memory only. */
  residentToken?: () => string | null;
  links?: KioskLinks;
}) {
  return createTRPCClient<AppRouter>({
    links: [
      ...links,
      httpBatchLink({
        url,
        // Tokens are read on every request, so identifying or signing out takes effect at once.
        headers() {
          const headers: Record<string, string> = {};
          const device = deviceToken();
          const resident = residentToken();
          if (device) headers.Authorization = `Bearer ${device}`;
          if (resident) headers['x-resident-token'] = resident;
          return headers;
        },
      }),
    ],
  });
}

export function createKioskApi({
  url = '/trpc',
  deviceToken,
  resident,
}: {
  url?: string;
  deviceToken: () => string | null;
  resident?: ResidentSession;
}): KioskApi {
  const trpc = createTrpc({
    url,
    deviceToken,
    residentToken: () => resident?.token ?? null,
    links: resident?.links,
  });
  return withSharedProcedures(trpc);
}

/**
 * The `kiosk` branch with `topics.support` beside it as `supportTopic` and the time bank as
 * `timebank`: same transport, same tokens and links. The client is a proxy that makes each path
 * as it is read, so this one is too.
 */
export function withSharedProcedures(trpc: Client): KioskApi {
  const support = trpc.topics.support;
  const timebank = trpc.timebank;
  return new Proxy(trpc.kiosk, {
    get: (branch, name, receiver) => {
      if (name === 'supportTopic') return support;
      if (name === 'timebank') return timebank;
      return Reflect.get(branch, name, receiver);
    },
  }) as KioskApi;
}

/**
 * The office registers this device from the set-up screen: one staff log-in,
 * one registration, one log-out. The staff token never leaves this function.
 */
export async function registerKiosk({
  url = '/trpc',
  username,
  password,
  kioskName,
  idempotencyKey,
}: {
  url?: string;
  username: string;
  password: string;
  kioskName: string;
  idempotencyKey: string;
}): Promise<string | null> {
  let staffToken: string | null = null;
  const trpc = createTrpc({ url, deviceToken: () => staffToken });
  const { token } = await trpc.auth.login.mutate({ username, password });
  staffToken = token;
  try {
    const registered = await trpc.kiosks.register.mutate({ idempotencyKey, name: kioskName });
    return registered.deviceToken;
  } finally {
    await trpc.auth.logout.mutate().catch(() => undefined);
  }
}
