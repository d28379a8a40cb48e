import { useTranslation } from 'react-i18next';
import { ActivitiesScreen } from './activities/activities-screen';
import { ActivityScreen } from './activities/activity-screen';
import type { MeApi } from './api/me-client';
import type { MeSession } from './api/me-types';
import { CertificatesScreen } from './certificates/certificates-screen';
import { FiguresScreen } from './figures/figures-screen';
import { GoalsScreen } from './goals/goals-screen';
import { HistoryScreen } from './history/history-screen';
import { HomeScreen } from './home/home-screen';
import { MattersScreen } from './matters/matters-screen';
import { RaiseMatterScreen } from './matters/raise-matter-screen';
import { NoticesScreen } from './notices/notices-screen';
import { Link } from './router/location';
import { pathOf, type Route } from './router/routes';
import { CorrectionsScreen } from './service/corrections-screen';
import { NewCorrectionScreen } from './service/new-correction-screen';
import { RecordsScreen } from './service/records-screen';
import { SettingsScreen } from './settings/settings-screen';
import { AskHelpScreen } from './timebank/ask-help-screen';
import { GiveCreditScreen } from './timebank/give-credit-screen';
import { HelpRequestsScreen } from './timebank/help-requests-screen';
import { OffersScreen } from './timebank/offers-screen';
import { TimeBankScreen } from './timebank/timebank-screen';
import { VotesScreen } from './votes/votes-screen';

export type ScreenProps = { api: MeApi; session: MeSession };

/** The page an address names, for the resident (or proxy) signed in. */
export function RoutedScreen({
  route,
  api,
  session,
  onSession,
  onSignOut,
}: ScreenProps & { route: Route; onSession: (session: MeSession) => void; onSignOut: () => void }) {
  const props = { api, session };
  switch (route.name) {
    case 'home':
      return <HomeScreen {...props} />;
    case 'history':
      return <HistoryScreen {...props} />;
    case 'records':
      return <RecordsScreen {...props} />;
    case 'corrections':
      return <CorrectionsScreen {...props} />;
    case 'newCorrection':
      return <NewCorrectionScreen {...props} recordId={route.recordId} />;
    case 'certificates':
      return <CertificatesScreen {...props} />;
    case 'notices':
      return <NoticesScreen {...props} />;
    case 'goals':
      return <GoalsScreen {...props} />;
    case 'figures':
      return <FiguresScreen {...props} />;
    case 'activities':
      return <ActivitiesScreen {...props} mine={false} />;
    case 'mySignUps':
      return <ActivitiesScreen {...props} mine />;
    case 'activity':
      return <ActivityScreen {...props} activityId={route.id} />;
    case 'matters':
      return <MattersScreen {...props} view="open" />;
    case 'myMatters':
      return <MattersScreen {...props} view="mine" />;
    case 'decisions':
      return <MattersScreen {...props} view="decided" />;
    case 'raiseMatter':
      return <RaiseMatterScreen {...props} />;
    case 'votes':
      return <VotesScreen {...props} />;
    case 'timeBank':
      return <TimeBankScreen {...props} />;
    case 'helpRequests':
      return <HelpRequestsScreen {...props} view="open" />;
    case 'myHelpRequests':
      return <HelpRequestsScreen {...props} view="mine" />;
    case 'helping':
      return <HelpRequestsScreen {...props} view="helping" />;
    case 'askHelp':
      return <AskHelpScreen {...props} />;
    case 'helpOffers':
      return <OffersScreen {...props} />;
    case 'giveCredit':
      return <GiveCreditScreen {...props} />;
    case 'settings':
      return <SettingsScreen {...props} onSession={onSession} onSignOut={onSignOut} />;
    default:
      return <NotFound />;
  }
}

function NotFound() {
  const { t } = useTranslation();
  return (
    <section className="stack">
      <h1>{t('notFound.title')}</h1>
      <Link to={pathOf({ name: 'home' })} className="button button-primary">
        {t('notFound.home')}
      </Link>
    </section>
  );
}
