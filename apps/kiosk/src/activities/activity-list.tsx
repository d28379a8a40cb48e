import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskActivity } from '../api/kiosk-client';
import type { Loaded } from '../api/use-load';
import { LoadedList } from '../ui/loaded-list';

/** Four fill the screen in either orientation (2×2 landscape, 1×4 portrait) without scrolling. */
export const ACTIVITIES_PER_PAGE = 4;

/** Activities a page at a time (or why there are none to show). */
export function ActivityList({
  loaded,
  empty,
  children,
}: {
  loaded: Loaded<KioskActivity[]>;
  empty: string;
  children: (activity: KioskActivity) => ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <LoadedList
      loaded={loaded}
      perPage={ACTIVITIES_PER_PAGE}
      empty={empty}
      className="activity-grid"
      words={{
        previous: t('activities.previousPage'),
        next: t('activities.nextPage'),
        page: (page, pages) => t('activities.page', { page, pages }),
      }}
    >
      {children}
    </LoadedList>
  );
}
