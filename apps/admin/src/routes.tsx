import { type ComponentType, lazy, Suspense } from 'react';
import { Route, Switch } from 'wouter';
import { HomePage } from './pages/home-page';
import { NotAllowedPage } from './pages/not-allowed-page';
import { NotFoundPage } from './pages/not-found-page';
import { type Area, mayOpen } from './session/permissions';
import { useUser } from './session/session-context';
import { Loading } from './ui/states';

// Pages load when first opened, so a leader's browser never downloads the office's screens.
const page = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) =>
  lazy(() => load().then((module) => ({ default: module[name] })));

const OrganizationsPage = page(
  () => import('./features/organizations/organizations-page'),
  'OrganizationsPage',
);
const OrganizationPage = page(
  () => import('./features/organizations/organization-page'),
  'OrganizationPage',
);
const LogHoursPage = page(() => import('./features/service/log-hours-page'), 'LogHoursPage');
const ActivitiesPage = page(
  () => import('./features/activities/activities-page'),
  'ActivitiesPage',
);
const ActivityPage = page(() => import('./features/activities/activity-page'), 'ActivityPage');
const DoorPage = page(() => import('./features/activities/door-page'), 'DoorPage');
const CloseActivityPage = page(
  () => import('./features/activities/close-activity-page'),
  'CloseActivityPage',
);
const ActivityPosterPage = page(
  () => import('./features/activities/activity-poster-page'),
  'ActivityPosterPage',
);
const RecordsPage = page(() => import('./features/service/records-page'), 'RecordsPage');
const ApprovalsPage = page(() => import('./features/service/approvals-page'), 'ApprovalsPage');
const ResidentsPage = page(() => import('./features/residents/residents-page'), 'ResidentsPage');
const ResidentPage = page(() => import('./features/residents/resident-page'), 'ResidentPage');
const ImportResidentsPage = page(
  () => import('./features/residents/import-residents-page'),
  'ImportResidentsPage',
);
const MemberCardPage = page(
  () => import('./features/residents/member-card-page'),
  'MemberCardPage',
);
const JournalPage = page(() => import('./features/ledger/journal-page'), 'JournalPage');
const VerifyPage = page(() => import('./features/ledger/verify-page'), 'VerifyPage');
const TransactionPage = page(() => import('./features/ledger/transaction-page'), 'TransactionPage');
const AuditLogPage = page(() => import('./features/audit/audit-log-page'), 'AuditLogPage');
const RewardsPage = page(() => import('./features/rewards/rewards-page'), 'RewardsPage');
const RedemptionsPage = page(
  () => import('./features/rewards/redemptions-page'),
  'RedemptionsPage',
);
const GoalsPage = page(() => import('./features/goals/goals-page'), 'GoalsPage');
const RulesPage = page(() => import('./features/rules/rules-page'), 'RulesPage');
const StaffPage = page(() => import('./features/staff/staff-page'), 'StaffPage');
const KiosksPage = page(() => import('./features/kiosks/kiosks-page'), 'KiosksPage');
const ReportsPage = page(() => import('./features/reports/reports-page'), 'ReportsPage');
const PosterPage = page(() => import('./features/poster/poster-page'), 'PosterPage');
const NoticesPage = page(() => import('./features/notices/notices-page'), 'NoticesPage');
const TopicsPage = page(() => import('./features/topics/topics-page'), 'TopicsPage');
const TopicPage = page(() => import('./features/topics/topic-page'), 'TopicPage');
const HelpRequestsPage = page(
  () => import('./features/timebank/help-requests-page'),
  'HelpRequestsPage',
);
const HelpRequestPage = page(
  () => import('./features/timebank/help-request-page'),
  'HelpRequestPage',
);
const CarePoolPage = page(() => import('./features/timebank/care-pool-page'), 'CarePoolPage');
const HelpOffersPage = page(() => import('./features/timebank/help-offers-page'), 'HelpOffersPage');
const CorrectionsPage = page(
  () => import('./features/corrections/corrections-page'),
  'CorrectionsPage',
);
const CommunityPage = page(() => import('./features/community/community-page'), 'CommunityPage');
const MovesPage = page(() => import('./features/moves/moves-page'), 'MovesPage');
const StreetInsightsPage = page(
  () => import('./features/street/street-insights-page'),
  'StreetInsightsPage',
);
const StreetVerifyPage = page(
  () => import('./features/street/street-verify-page'),
  'StreetVerifyPage',
);
const StreetMovesPage = page(
  () => import('./features/street/street-moves-page'),
  'StreetMovesPage',
);
const AccountPage = page(() => import('./features/account/account-page'), 'AccountPage');
const CertificatesPage = page(
  () => import('./features/certificates/certificates-page'),
  'CertificatesPage',
);

type PageRoute = { path: string; area: Area; page: ComponentType };

const routes: PageRoute[] = [
  { path: '/', area: 'home', page: HomePage },
  { path: '/organizations', area: 'organizations', page: OrganizationsPage },
  { path: '/organizations/:id', area: 'organizations', page: OrganizationPage },
  { path: '/log-hours', area: 'logHours', page: LogHoursPage },
  { path: '/records', area: 'records', page: RecordsPage },
  { path: '/activities', area: 'activities', page: ActivitiesPage },
  { path: '/activities/:id', area: 'activities', page: ActivityPage },
  { path: '/activities/:id/door', area: 'activityDoor', page: DoorPage },
  { path: '/activities/:id/close', area: 'activityDoor', page: CloseActivityPage },
  { path: '/activities/:id/poster', area: 'activities', page: ActivityPosterPage },
  { path: '/approvals', area: 'approvals', page: ApprovalsPage },
  { path: '/residents', area: 'residents', page: ResidentsPage },
  // Before "/residents/:id", which would otherwise take "import" for an id.
  { path: '/residents/import', area: 'importResidents', page: ImportResidentsPage },
  { path: '/residents/:id', area: 'residents', page: ResidentPage },
  { path: '/residents/:id/card', area: 'residents', page: MemberCardPage },
  { path: '/ledger', area: 'ledger', page: JournalPage },
  { path: '/ledger/verify', area: 'ledger', page: VerifyPage },
  { path: '/ledger/transactions/:id', area: 'ledger', page: TransactionPage },
  { path: '/audit', area: 'audit', page: AuditLogPage },
  { path: '/rewards', area: 'rewards', page: RewardsPage },
  { path: '/redemptions', area: 'redemptions', page: RedemptionsPage },
  { path: '/goals', area: 'goals', page: GoalsPage },
  { path: '/rules', area: 'rules', page: RulesPage },
  { path: '/staff', area: 'staff', page: StaffPage },
  { path: '/kiosks', area: 'kiosks', page: KiosksPage },
  { path: '/reports', area: 'reports', page: ReportsPage },
  { path: '/reports/:report', area: 'reports', page: ReportsPage },
  { path: '/poster', area: 'poster', page: PosterPage },
  { path: '/notices', area: 'notices', page: NoticesPage },
  { path: '/topics', area: 'topics', page: TopicsPage },
  { path: '/topics/:id', area: 'topics', page: TopicPage },
  { path: '/timebank', area: 'timebank', page: HelpRequestsPage },
  // Before "/timebank/:id", which would otherwise take "pool" for an id.
  { path: '/timebank/pool', area: 'timebank', page: CarePoolPage },
  { path: '/timebank/offers', area: 'timebank', page: HelpOffersPage },
  { path: '/timebank/:id', area: 'timebank', page: HelpRequestPage },
  { path: '/corrections', area: 'corrections', page: CorrectionsPage },
  { path: '/corrections/:id', area: 'corrections', page: CorrectionsPage },
  { path: '/certificates', area: 'certificates', page: CertificatesPage },
  { path: '/community', area: 'community', page: CommunityPage },
  { path: '/account', area: 'account', page: AccountPage },
  { path: '/moves', area: 'moves', page: MovesPage },
  { path: '/street/insights', area: 'street', page: StreetInsightsPage },
  { path: '/street/verify', area: 'street', page: StreetVerifyPage },
  { path: '/street/moves', area: 'street', page: StreetMovesPage },
];

/** Each page names its area; a role that may not open it gets "not allowed", not the page. */
export function AppRoutes() {
  const user = useUser();
  return (
    <Suspense fallback={<Loading />}>
      <Switch>
        {routes.map(({ path, area, page: Page }) => (
          <Route key={path} path={path}>
            {mayOpen(user.role, area) ? <Page /> : <NotAllowedPage />}
          </Route>
        ))}
        <Route>
          <NotFoundPage />
        </Route>
      </Switch>
    </Suspense>
  );
}
