import type { AppRouter } from '@tally/ledger/router';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';

/** What the `me` procedures take and answer, by name: the router's, as the client sees them. */
export type MeInputs = inferRouterInputs<AppRouter>['me'];
export type MeOutputs = inferRouterOutputs<AppRouter>['me'];
type Outputs = MeOutputs;

// Names the screens use for the router's shapes (aliases only: nothing is re-declared).

export type MeSession = Outputs['session'];
export type ActsFor = MeSession['canActFor'][number];
export type MeCommunity = Outputs['communities'][number];
export type MeSummary = Outputs['summary'];
export type Page<T> = { items: T[]; nextCursor: string | null };
/** A history entry, with the proxy who made it (`actedBy`) when one acted for the resident. */
export type MeHistoryEntry = Outputs['history']['items'][number];
export type MyServiceRecord = Outputs['records']['items'][number];
export type MyCorrection = Outputs['corrections']['items'][number];
export type CorrectionKind = MyCorrection['kind'];
export type RecentActivities = Outputs['recentActivities'];
export type RecentActivity = RecentActivities['activities'][number];
export type NoticeBoard = Outputs['notices'];
export type GoalProgress = Outputs['goals'][number];
export type CommunityFigures = Outputs['figures'];
export type KioskActivity = Outputs['activity'];
export type SignUpResult = Outputs['signUp'];
export type CancelSignUpResult = Outputs['cancelSignUp'];
export type DonateOutput = Outputs['donate'];
export type PhoneSessionEntry = Outputs['sessions'][number];
export type ResidentProxy = Outputs['addProxy'];
export type CorrectionRequest = MeInputs['requestCorrection'];
export type ResidentTopic = Outputs['topics']['items'][number];
export type TopicsView = NonNullable<MeInputs['topics']['view']>;
export type RaiseTopicInput = MeInputs['raiseTopic'];
export type RaisedTopic = Outputs['raiseTopic'];
export type ResidentPoll = Outputs['polls']['items'][number];
export type VoteOutput = Outputs['vote'];
export type GovernanceBoard = Outputs['governance'];
export type GovernanceDecision = GovernanceBoard['decisions'][number];
export type PollResult = GovernanceBoard['polls'][number];
export type SupportTopicOutput = inferRouterOutputs<AppRouter>['topics']['support'];

// The time bank: the `timebank` branch's shapes, as the phone reads them.
type TimebankOutputs = inferRouterOutputs<AppRouter>['timebank'];
export type HelpRequest = TimebankOutputs['get'];
export type HelpClaim = HelpRequest['claims'][number];
export type HelpRequestsView = NonNullable<
  inferRouterInputs<AppRouter>['timebank']['list']['view']
>;
export type HelpOffer = TimebankOutputs['offers']['items'][number];
export type TimeCreditBalance = TimebankOutputs['balance'];
export type CreditRecipient = TimeCreditBalance['recipients'][number];
export type CarePool = TimebankOutputs['pool'];
export type TimeBankBoard = TimebankOutputs['board'];
export type BoardExchange = TimeBankBoard['exchanges'][number];
export type ClaimHelpOutput = TimebankOutputs['claim'];
export type ConfirmHelpOutput = TimebankOutputs['confirm'];
export type ClaimChangeOutput = TimebankOutputs['withdraw'];
export type HelpRequestOutput = TimebankOutputs['request'];
export type GiveCreditOutput = TimebankOutputs['give'];
export type ClaimStatus = HelpClaim['status'];
