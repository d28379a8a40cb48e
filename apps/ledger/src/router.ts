import { activitiesRouter } from './activities/activities-router';
import { auditRouter } from './audit/audit-router';
import { authRouter } from './auth/auth-router';
import { certificatesRouter } from './certificates/certificates-router';
import { communityRouter } from './communities/community-router';
import { correctionsRouter } from './corrections/corrections-router';
import { pollsRouter } from './deliberation/polls-router';
import { topicsRouter } from './deliberation/topics-router';
import { goalsRouter } from './goals/goals-router';
import { insightsRouter } from './insights/insights-router';
import { ledgerRouter } from './journal/ledger-router';
import { kioskRouter } from './kiosk/kiosk-router';
import { kiosksRouter } from './kiosk-devices/kiosks-router';
import { meRouter } from './me/me-router';
import { movesRouter } from './moves/moves-router';
import { noticesRouter } from './notices/notices-router';
import { organizationsRouter } from './organizations/organizations-router';
import { redemptionsRouter } from './redemptions/redemptions-router';
import { residentsRouter } from './residents/residents-router';
import { rewardsRouter } from './rewards/rewards-router';
import { rulesRouter } from './rules/rules-router';
import { serviceRouter } from './service/service-router';
import { staffRouter } from './staff/staff-router';
import { streetRouter } from './street/street-router';
import { timebankRouter } from './timebank/timebank-router';
import { router } from './trpc';

export const appRouter = router({
  auth: authRouter,
  community: communityRouter,
  residents: residentsRouter,
  organizations: organizationsRouter,
  staff: staffRouter,
  kiosks: kiosksRouter,
  service: serviceRouter,
  rules: rulesRouter,
  rewards: rewardsRouter,
  goals: goalsRouter,
  kiosk: kioskRouter,
  redemptions: redemptionsRouter,
  ledger: ledgerRouter,
  audit: auditRouter,
  notices: noticesRouter,
  corrections: correctionsRouter,
  certificates: certificatesRouter,
  insights: insightsRouter,
  activities: activitiesRouter,
  me: meRouter,
  topics: topicsRouter,
  polls: pollsRouter,
  timebank: timebankRouter,
  street: streetRouter,
  moves: movesRouter,
});

/** The API's type: the apps import this type only, never the server code. */
export type AppRouter = typeof appRouter;
