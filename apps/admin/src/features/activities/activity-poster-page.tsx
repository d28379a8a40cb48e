import { phoneActivityLink } from '@tally/client/phone-app-links';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useRouter } from 'wouter';
import { useLocalizedName } from '../../i18n/localized-name';
import { PageHeader } from '../../ui/page-header';
import { ErrorNotice, Loading } from '../../ui/states';
import { usePrintedPage } from '../../ui/use-printed-page';
import { useCommunity } from '../community/use-community';
import { type ActivityLinks, ActivityPosterSheet } from './activity-poster-sheet';
import { SignInSheet } from './sign-in-sheet';
import { useActivity, useAttendance } from './use-activity';
import './activity-poster.css';

type Sheet = 'poster' | 'signIn';

/**
 * Where a phone opens an activity: residents' own app (`/me/`) to sign up, and this
 * app's door page for whoever runs it. Addresses are this server's, as the office reaches it.
 */
export function activityLinks(
  id: string,
  { origin, base }: { origin: string; base: string },
): ActivityLinks {
  return {
    signUp: phoneActivityLink(origin, id),
    door: new URL(`${base}/activities/${id}/door`, origin).toString(),
  };
}

/** The activity's A4 poster for the noticeboard, or its paper sign-in sheet for the door. */
export function ActivityPosterPage() {
  const { id = '' } = useParams<{ id: string }>();
  const { t } = useTranslation();
  const inLanguage = useLocalizedName();
  const { base } = useRouter();
  const activity = useActivity(id);
  const attendance = useAttendance(id);
  const community = useCommunity();
  const [sheet, setSheet] = useState<Sheet>('poster');
  usePrintedPage('A4 portrait');

  if (activity.isPending) return <Loading />;
  if (!activity.data) return <ErrorNotice error={activity.error} />;
  const current = activity.data;
  const links = activityLinks(id, { origin: window.location.origin, base });
  return (
    <>
      <div className="no-print stack">
        <PageHeader
          breadcrumb={
            <Link href={`/activities/${id}`}>
              ← <span translate="no">{inLanguage(current.title)}</span>
            </Link>
          }
          title={t('activities.posterPage.title')}
          description={t('activities.posterPage.description')}
        />
        <div className="card poster-controls">
          <fieldset className="plain-fieldset">
            <legend className="field-label">{t('activities.posterPage.sheet')}</legend>
            <div className="segmented">
              {(['poster', 'signIn'] as const).map((option) => (
                <label key={option}>
                  <input
                    type="radio"
                    name="activity-sheet"
                    checked={sheet === option}
                    onChange={() => setSheet(option)}
                  />
                  {t(`activities.posterPage.${option}`)}
                </label>
              ))}
            </div>
          </fieldset>
          <div className="poster-print">
            <button type="button" className="button button-primary" onClick={() => window.print()}>
              {t('activities.posterPage.print')}
            </button>
            <span className="muted">{t('activities.posterPage.printHint')}</span>
          </div>
        </div>
        <ErrorNotice error={community.error ?? attendance.error} />
      </div>
      <div className="activity-desk">
        {sheet === 'poster' ? (
          <ActivityPosterSheet
            activity={current}
            community={community.data?.name ?? null}
            links={links}
          />
        ) : (
          <SignInSheet activity={current} entries={attendance.data?.entries ?? []} links={links} />
        )}
      </div>
    </>
  );
}
