import type { StaffActivity } from '@tally/domain/activities';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'wouter';
import { useFormat } from '../../i18n/format';
import { useLocalizedName } from '../../i18n/localized-name';
import { mayOpen, mayRunActivities } from '../../session/permissions';
import { useUser } from '../../session/session-context';
import { PageHeader } from '../../ui/page-header';
import { ErrorNotice, Loading } from '../../ui/states';
import { CancelActivityDialog, PublishActivityDialog } from './activity-decisions';
import { ActivityDialog } from './activity-dialog';
import { ActivityPhaseBadge, activityPhase, hasStarted } from './activity-labels';
import { ActivityTerms } from './activity-terms';
import { SignUps } from './sign-ups';
import type { activitiesEn } from './strings';
import { useActivity } from './use-activity';
import './activities.css';

type Deciding = 'edit' | 'publish' | 'cancel' | null;

/** One activity: its terms and counts, who signed up and came, and what can be done next. */
export function ActivityPage() {
  const { id = '' } = useParams<{ id: string }>();
  const { t } = useTranslation();
  const inLanguage = useLocalizedName();
  const user = useUser();
  const activity = useActivity(id);
  const [deciding, setDeciding] = useState<Deciding>(null);
  const runs = mayRunActivities(user.role);

  if (activity.isPending) return <Loading />;
  if (!activity.data) return <ErrorNotice error={activity.error} />;
  const current = activity.data;
  const close = () => setDeciding(null);

  return (
    <>
      <PageHeader
        breadcrumb={<Link href="/activities">← {t('activities.title')}</Link>}
        title={<span translate="no">{inLanguage(current.title)}</span>}
        description={
          <span className="row">
            <ActivityPhaseBadge activity={current} />
            <span>{inLanguage(current.organization.name)}</span>
          </span>
        }
        actions={<ActivityActions activity={current} runs={runs} onDecide={setDeciding} />}
      />
      <ActivityNotice activity={current} runs={runs} />
      <ActivityCounts activity={current} />
      <ActivityTerms activity={current} />
      {current.status === 'draft' ? null : <SignUps activity={current} runs={runs} />}
      {deciding === 'edit' ? <ActivityDialog activity={current} onClose={close} /> : null}
      {deciding === 'publish' ? <PublishActivityDialog activity={current} onClose={close} /> : null}
      {deciding === 'cancel' ? <CancelActivityDialog activity={current} onClose={close} /> : null}
    </>
  );
}

/** What can be done now: edit and publish a draft, run the door, close it, print its poster. */
function ActivityActions({
  activity,
  runs,
  onDecide,
}: {
  activity: StaffActivity;
  runs: boolean;
  onDecide: (deciding: Deciding) => void;
}) {
  const { t } = useTranslation();
  const { id, status } = activity;
  const live = status === 'draft' || status === 'published';
  const started = hasStarted(activity);
  return (
    <>
      {runs && status === 'published' ? (
        <Link href={`/activities/${id}/door`} className="button button-primary">
          {t('activities.openDoor')}
        </Link>
      ) : null}
      {runs && status === 'published' && started ? (
        <Link href={`/activities/${id}/close`} className="button button-primary">
          {t('activities.close')}
        </Link>
      ) : null}
      {runs && status === 'draft' ? (
        <button type="button" className="button button-primary" onClick={() => onDecide('publish')}>
          {t('activities.publish')}
        </button>
      ) : null}
      {runs && live ? (
        <button type="button" className="button" onClick={() => onDecide('edit')}>
          {t('common.edit')}
        </button>
      ) : null}
      {live ? (
        <Link href={`/activities/${id}/poster`} className="button">
          {t('activities.printPoster')}
        </Link>
      ) : null}
      {runs && live ? (
        <button type="button" className="button" onClick={() => onDecide('cancel')}>
          {t('activities.cancel')}
        </button>
      ) : null}
    </>
  );
}

/** A line on where the activity stands when there is something to know or do. */
function ActivityNotice({ activity, runs }: { activity: StaffActivity; runs: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const user = useUser();
  const phase = activityPhase(activity);
  if (phase === 'draft') return <p className="notice">{t('activities.draftNotice')}</p>;
  if (phase === 'cancelled') {
    return (
      <p className="notice notice-danger">
        {t('activities.cancelledNotice', {
          date: activity.cancelledAt ? format.dateTime(activity.cancelledAt) : '',
        })}{' '}
        <span translate="no">{activity.cancelReason}</span>
      </p>
    );
  }
  if (phase === 'closed') {
    return (
      <p className="notice notice-success">
        {t('activities.closedNotice', {
          date: activity.closedAt ? format.dateTime(activity.closedAt) : '',
        })}{' '}
        {mayOpen(user.role, 'approvals') ? (
          <Link href="/approvals">{t('activities.toApprovals')}</Link>
        ) : (
          <Link href={`/records?organization=${activity.organization.id}`}>
            {t('activities.toRecords')}
          </Link>
        )}
      </p>
    );
  }
  if (phase === 'toClose' && runs)
    return <p className="notice notice-warning">{t('activities.toCloseNotice')}</p>;
  return null;
}

function ActivityCounts({ activity }: { activity: StaffActivity }) {
  const { t } = useTranslation();
  const format = useFormat();
  type Figure = { key: keyof typeof activitiesEn.counts; value: string };
  const figures: Figure[] = [
    {
      key: 'signedUp',
      value:
        activity.slots === null
          ? format.number(activity.signedUp)
          : t('activities.ofSlots', {
              taken: format.number(activity.signedUp),
              slots: format.number(activity.slots),
            }),
    },
    ...(activity.waitingList || activity.waitlisted > 0
      ? [{ key: 'waitlisted', value: format.number(activity.waitlisted) } satisfies Figure]
      : []),
    { key: 'checkedIn', value: format.number(activity.checkedIn) },
    ...(activity.status === 'closed'
      ? [{ key: 'noShows', value: format.number(activity.noShows) } satisfies Figure]
      : []),
  ];
  return (
    <section className="card stat-grid activity-counts" aria-label={t('activities.countsLabel')}>
      {figures.map((figure) => (
        <div key={figure.key} className="stat">
          <span className="stat-label">{t(`activities.counts.${figure.key}`)}</span>
          <span className="stat-value" data-testid={`activity-${figure.key}`}>
            {figure.value}
          </span>
        </div>
      ))}
    </section>
  );
}
