import { AuditorHome } from '../features/dashboard/auditor-home';
import { DashboardPage } from '../features/dashboard/dashboard-page';
import { LeaderHome } from '../features/organizations/leader-home';
import { StreetPage } from '../features/street/street-page';
import { useUser } from '../session/session-context';

/** Each role starts where its work is. */
export function HomePage() {
  const user = useUser();
  if (user.role === 'leader') return <LeaderHome />;
  if (user.role === 'auditor') return <AuditorHome />;
  if (user.role === 'street') return <StreetPage />;
  return <DashboardPage />;
}
