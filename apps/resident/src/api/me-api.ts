import type { KioskSignUpInput } from '@tally/domain/activities';
import type { RequestCorrectionInput } from '@tally/domain/corrections';
import type { DonateInput } from '@tally/domain/kiosk';
import type {
  ChangePinInput,
  MeAddProxyInput,
  MeCertificate,
  MeCertificatePage,
  MeFamilySignInInput,
  MeFamilySignInOutput,
  MeProxies,
  MeSignInInput,
  MeSignInOutput,
  RemoveProxyInput,
} from '@tally/domain/me';
import type { z } from 'zod';
import type {
  CancelSignUpResult,
  CommunityFigures,
  DonateOutput,
  GoalProgress,
  KioskActivity,
  MeCommunity,
  MeHistoryEntry,
  MeSession,
  MeSummary,
  MyCorrection,
  MyServiceRecord,
  NoticeBoard,
  Page,
  PhoneSessionEntry,
  RecentActivities,
  ResidentProxy,
  SignUpResult,
} from './me-types';

// Stand-in for `TRPCClient<AppRouter>['me']` while the `me` router is not on main: the same
// procedures, taking and answering the domain's schemas. Replaced by the router's type as soon
// as it lands.

type In<T extends z.ZodType> = z.input<T>;
type Query<O> = { query: () => Promise<O> };
type QueryWith<I, O> = { query: (input: I) => Promise<O> };
type Mutation<I, O> = { mutate: (input: I) => Promise<O> };
type PageInput = { cursor?: string; limit?: number };

export type MeApi = {
  communities: Query<MeCommunity[]>;
  signIn: Mutation<In<typeof MeSignInInput>, z.infer<typeof MeSignInOutput>>;
  signInFamily: Mutation<In<typeof MeFamilySignInInput>, z.infer<typeof MeFamilySignInOutput>>;
  session: Query<MeSession>;
  actFor: Mutation<{ residentId: string }, MeSession>;
  signOut: { mutate: () => Promise<{ ok: true }> };
  summary: Query<MeSummary>;
  history: QueryWith<PageInput, Page<MeHistoryEntry>>;
  records: QueryWith<PageInput, Page<MyServiceRecord>>;
  corrections: QueryWith<PageInput, Page<MyCorrection>>;
  recentActivities: Query<RecentActivities>;
  requestCorrection: Mutation<In<typeof RequestCorrectionInput>, MyCorrection>;
  certificates: Query<z.infer<typeof MeCertificate>[]>;
  certificate: QueryWith<{ number: string }, z.infer<typeof MeCertificatePage>>;
  notices: QueryWith<PageInput, NoticeBoard>;
  goals: Query<GoalProgress[]>;
  figures: Query<CommunityFigures>;
  activities: Query<KioskActivity[]>;
  activity: QueryWith<{ activityId: string }, KioskActivity>;
  mySignUps: Query<KioskActivity[]>;
  signUp: Mutation<In<typeof KioskSignUpInput>, SignUpResult>;
  cancelSignUp: Mutation<In<typeof KioskSignUpInput>, CancelSignUpResult>;
  donate: Mutation<In<typeof DonateInput>, DonateOutput>;
  changePin: Mutation<In<typeof ChangePinInput>, { ok: true }>;
  sessions: Query<PhoneSessionEntry[]>;
  revokeSession: Mutation<{ sessionId: string }, { revoked: boolean }>;
  proxies: Query<z.infer<typeof MeProxies>>;
  addProxy: Mutation<In<typeof MeAddProxyInput>, ResidentProxy>;
  removeProxy: Mutation<In<typeof RemoveProxyInput>, { removed: boolean }>;
};
