import type { AttendanceEntry, CloseActivityResult, StaffActivity } from '@tally/domain/activities';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'wouter';
import { useApi } from '../../api/api-context';
import { useApiMutation } from '../../api/queries';
import { useFormat } from '../../i18n/format';
import { useLocalizedName } from '../../i18n/localized-name';
import { mayOpen } from '../../session/permissions';
import { useUser } from '../../session/session-context';
import { ConfirmActions, Dialog } from '../../ui/dialog';
import { PageHeader } from '../../ui/page-header';
import { Empty, ErrorNotice, Loading } from '../../ui/states';
import { hasStarted, useActivityWhen } from './activity-labels';
import { AdjustMinutesDialog } from './adjust-minutes-dialog';
import { AttendanceList } from './attendance-list';
import { attendanceState } from './attendance-words';
import { type Adjustments, adjustmentList, sheetTotals } from './close-sheet';
import { ACTIVITY_QUERIES, useActivity, useAttendance } from './use-activity';
import './activities.css';

/**
 * Closing an activity: each attendee's minutes as closing counts them, one person's adjusted
 * with a reason where the door got it wrong, then one sign-in sheet of pending records for the
 * office to review (never by whoever closes it) and the no-shows recorded.
 */
export function CloseActivityPage() {
  const { id = '' } = useParams<{ id: string }>();
  const { t } = useTranslation();
  const inLanguage = useLocalizedName();
  const when = useActivityWhen();
  const activity = useActivity(id);
  const [closed, setClosed] = useState<CloseActivityResult | null>(null);

  if (activity.isPending) return <Loading />;
  if (!activity.data) return <ErrorNotice error={activity.error} />;
  const current = activity.data;
  return (
    <>
      <PageHeader
        breadcrumb={
          <Link href={`/activities/${id}`}>
            ← <span translate="no">{inLanguage(current.title)}</span>
          </Link>
        }
        title={t('activities.closing.title')}
        description={when(current)}
      />
      {closed ? (
        <ClosedOutcome activity={current} result={closed} />
      ) : current.status !== 'published' ? (
        <p className="notice notice-warning">{t(`activities.door.closed.${current.status}`)}</p>
      ) : !hasStarted(current) ? (
        <p className="notice notice-warning">{t('activities.closing.notStarted')}</p>
      ) : (
        <CloseSheet activity={current} onClosed={setClosed} />
      )}
    </>
  );
}

function CloseSheet({
  activity,
  onClosed,
}: {
  activity: StaffActivity;
  onClosed: (result: CloseActivityResult) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const api = useApi();
  const attendance = useAttendance(activity.id);
  const [adjustments, setAdjustments] = useState<Adjustments>({});
  const [adjusting, setAdjusting] = useState<AttendanceEntry | null>(null);
  const [confirming, setConfirming] = useState(false);
  const close = useApiMutation(api.activities.close.mutate, {
    invalidates: [...ACTIVITY_QUERIES, 'service.list'],
    onSuccess: (result) => {
      setConfirming(false);
      onClosed(result);
    },
  });

  if (attendance.isPending) return <Loading />;
  const entries = attendance.data?.entries ?? [];
  const came = entries.filter((entry) => entry.checkedInAt !== null);
  const absent = entries.filter((entry) => attendanceState(entry) === 'signedUp');
  const totals = sheetTotals(came, adjustments);

  return (
    <>
      <ErrorNotice error={attendance.error} />
      <section className="card stack" aria-labelledby="close-came">
        <h2 id="close-came">{t('activities.closing.came', { count: came.length })}</h2>
        <p className="muted">{t('activities.closing.minutesRule')}</p>
        {came.length === 0 ? (
          <Empty>{t('activities.closing.nobodyCame')}</Empty>
        ) : (
          <AttendanceList
            entries={came}
            label={t('activities.closing.came', { count: came.length })}
            detail={(entry) => {
              const adjusted = adjustments[entry.resident.id];
              const counted = t('activities.minutesValue', { count: entry.minutes ?? 0 });
              return (
                <>
                  <span>
                    {format.time(entry.checkedInAt ?? '')}
                    {entry.checkedOutAt ? `–${format.time(entry.checkedOutAt)}` : ''}
                  </span>
                  {adjusted ? (
                    <>
                      <del>{counted}</del>
                      <strong>{t('activities.minutesValue', { count: adjusted.minutes })}</strong>
                      <span className="muted" translate="no">
                        {adjusted.reason}
                      </span>
                    </>
                  ) : (
                    <strong>{counted}</strong>
                  )}
                </>
              );
            }}
            action={(entry) =>
              adjustments[entry.resident.id] ? (
                <button
                  type="button"
                  className="button button-small"
                  onClick={() => {
                    const { [entry.resident.id]: _undone, ...rest } = adjustments;
                    setAdjustments(rest);
                  }}
                >
                  {t('activities.closing.undo')}
                </button>
              ) : (
                <button
                  type="button"
                  className="button button-small"
                  aria-label={t('activities.closing.adjustName', { name: entry.resident.name })}
                  onClick={() => setAdjusting(entry)}
                >
                  {t('activities.closing.adjust')}
                </button>
              )
            }
          />
        )}
      </section>
      {absent.length > 0 ? (
        <section className="card stack-small" aria-labelledby="close-absent">
          <h2 id="close-absent">{t('activities.closing.absent', { count: absent.length })}</h2>
          <p className="muted">{t('activities.closing.absentExplain')}</p>
          <AttendanceList
            entries={absent}
            label={t('activities.closing.absent', { count: absent.length })}
          />
        </section>
      ) : null}
      <section className="card stack-small close-summary">
        <p>
          {t('activities.closing.summary', {
            records: t('activities.closing.records', { count: came.length }),
            hours: format.hours(totals.minutes),
          })}
        </p>
        <p className="muted">{t('activities.closing.makerChecker')}</p>
        <div className="form-actions">
          <button
            type="button"
            className="button button-primary"
            onClick={() => setConfirming(true)}
          >
            {t('activities.closing.submit')}
          </button>
        </div>
      </section>
      {adjusting ? (
        <AdjustMinutesDialog
          entry={adjusting}
          onClose={() => setAdjusting(null)}
          onAdjust={(adjustment) => {
            setAdjustments({ ...adjustments, [adjusting.resident.id]: adjustment });
            setAdjusting(null);
          }}
        />
      ) : null}
      {confirming ? (
        <Dialog
          open
          onClose={() => setConfirming(false)}
          title={t('activities.closing.confirmTitle')}
          footer={
            <ConfirmActions
              onCancel={() => setConfirming(false)}
              onConfirm={() =>
                close.mutate({ id: activity.id, adjustments: adjustmentList(adjustments) })
              }
              pending={close.isPending}
              label={t('activities.closing.submit')}
            />
          }
        >
          <p>
            {t('activities.closing.confirmExplain', {
              records: t('activities.closing.records', { count: came.length }),
              absent: absent.length,
            })}
          </p>
          <ErrorNotice error={close.error} />
        </Dialog>
      ) : null}
    </>
  );
}

/** What closing wrote, and where the records go next. */
function ClosedOutcome({
  activity,
  result,
}: {
  activity: StaffActivity;
  result: CloseActivityResult;
}) {
  const { t } = useTranslation();
  const user = useUser();
  return (
    <section className="card stack" aria-live="polite">
      <h2>{t('activities.closing.doneTitle')}</h2>
      <p className="notice notice-success" data-testid="close-outcome">
        {t('activities.closing.recordsWaiting', { count: result.records.length })}{' '}
        {t('activities.closing.noShows', { count: result.noShows.length })}
      </p>
      <div className="row">
        {mayOpen(user.role, 'approvals') ? (
          <Link href="/approvals" className="button button-primary">
            {t('activities.toApprovals')}
          </Link>
        ) : (
          <Link
            href={`/records?organization=${activity.organization.id}`}
            className="button button-primary"
          >
            {t('activities.toRecords')}
          </Link>
        )}
        <Link href={`/activities/${activity.id}`} className="button">
          {t('activities.backToActivity')}
        </Link>
      </div>
    </section>
  );
}
