import type { AppRouter } from '@tally/ledger/router';
import { createTRPCClient, httpBatchLink } from '@trpc/client';

type Tokens = {
  /** The kiosk device's bearer token, kept in local storage. */
  deviceToken: () => string | null;
  /** The identified resident's session token, kept in memory only. */
  residentToken: () => string | null;
};

function createTrpc({ url, deviceToken, residentToken }: Tokens & { url: string }) {
  return createTRPCClient<AppRouter>({
    links: [
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

type Trpc = ReturnType<typeof createTrpc>;
type Output<F extends (...args: never[]) => unknown> = Awaited<ReturnType<F>>;

export type CommunityFigures = Output<Trpc['kiosk']['community']['query']>;
export type GoalProgress = Output<Trpc['kiosk']['goals']['query']>[number];
export type Identified = Output<Trpc['kiosk']['identify']['mutate']>;
export type Resident = Identified['resident'];
export type HistoryPage = Output<Trpc['kiosk']['history']['query']>;
export type HistoryEntry = HistoryPage['items'][number];
export type CatalogItem = Output<Trpc['kiosk']['catalog']['query']>[number];
export type Redeemed = Output<Trpc['kiosk']['redeem']['mutate']>;
export type Donated = Output<Trpc['kiosk']['donate']['mutate']>;
export type NoticeBoard = Output<Trpc['kiosk']['notices']['query']>;
export type Notice = NoticeBoard['items'][number];
export type MyRecordsPage = Output<Trpc['kiosk']['myRecords']['query']>;
export type MyRecord = MyRecordsPage['items'][number];
export type MyCorrectionsPage = Output<Trpc['kiosk']['myCorrections']['query']>;
export type MyCorrection = MyCorrectionsPage['items'][number];
export type Invitation = Output<Trpc['kiosk']['invitations']['query']>[number];
export type InvitationAnswered = Output<Trpc['kiosk']['answerInvitation']['mutate']>;

export type RedeemRequest = { idempotencyKey: string; rewardId: string; quantity: number };
export type DonateRequest = { idempotencyKey: string; goalId: string; points: number };
export type CorrectionRequest = {
  idempotencyKey: string;
  kind: 'wrong_hours' | 'missing_record';
  serviceRecordId?: string;
  reason: string;
  proposedMinutes?: number;
};
export type InvitationAnswer = {
  idempotencyKey: string;
  invitationId: string;
  answer: 'join' | 'decline';
};
type CallOptions = { signal?: AbortSignal };

/**
 * Everything the kiosk asks of the service, as plain functions: the screens
 * depend on this shape only, so tests can hand them a fake.
 */
export type KioskApi = {
  community(): Promise<CommunityFigures>;
  goals(): Promise<GoalProgress[]>;
  identify(input: { cardNumber: string; pin: string }): Promise<Identified>;
  me(): Promise<Resident>;
  history(input: { cursor?: string; limit: number }): Promise<HistoryPage>;
  catalog(): Promise<CatalogItem[]>;
  redeem(input: RedeemRequest, options?: CallOptions): Promise<Redeemed>;
  donate(input: DonateRequest, options?: CallOptions): Promise<Donated>;
  signOut(): Promise<unknown>;
  notices(input: { limit: number }): Promise<NoticeBoard>;
  myRecords(input: { cursor?: string; limit: number }): Promise<MyRecordsPage>;
  myCorrections(input: { cursor?: string; limit: number }): Promise<MyCorrectionsPage>;
  requestCorrection(input: CorrectionRequest, options?: CallOptions): Promise<MyCorrection>;
  invitations(): Promise<Invitation[]>;
  answerInvitation(input: InvitationAnswer, options?: CallOptions): Promise<InvitationAnswered>;
};

export function createKioskApi({ url = '/trpc', ...tokens }: Tokens & { url?: string }): KioskApi {
  const { kiosk } = createTrpc({ url, ...tokens });
  return {
    community: () => kiosk.community.query(),
    goals: () => kiosk.goals.query(),
    identify: (input) => kiosk.identify.mutate(input),
    me: () => kiosk.me.query(),
    history: (input) => kiosk.history.query(input),
    catalog: () => kiosk.catalog.query(),
    redeem: (input, options) => kiosk.redeem.mutate(input, options),
    donate: (input, options) => kiosk.donate.mutate(input, options),
    signOut: () => kiosk.signOut.mutate(),
    notices: (input) => kiosk.notices.query(input),
    myRecords: (input) => kiosk.myRecords.query(input),
    myCorrections: (input) => kiosk.myCorrections.query(input),
    requestCorrection: (input, options) => kiosk.requestCorrection.mutate(input, options),
    invitations: () => kiosk.invitations.query(),
    answerInvitation: (input, options) => kiosk.answerInvitation.mutate(input, options),
  };
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
  const trpc = createTrpc({ url, deviceToken: () => staffToken, residentToken: () => null });
  const { token } = await trpc.auth.login.mutate({ username, password });
  staffToken = token;
  try {
    const registered = await trpc.kiosks.register.mutate({ idempotencyKey, name: kioskName });
    return registered.deviceToken;
  } finally {
    await trpc.auth.logout.mutate().catch(() => undefined);
  }
}
