import type { AttendanceEntry, StaffActivity } from '@tally/domain/activities';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context';
import { useApiMutation } from '../../api/queries';
import { useFormat } from '../../i18n/format';
import { Badge, type Tone } from '../../ui/badge';
import { ConfirmActions, Dialog } from '../../ui/dialog';
import { Empty, ErrorNotice, Loading } from '../../ui/states';
import { useToast } from '../../ui/toast';
import { hasStarted } from './activity-labels';
import { AttendanceList } from './attendance-list';
import { type AttendanceState, attendanceState, splitAttendance } from './attendance-words';
import { SignUpMemberDialog } from './sign-up-member-dialog';
import { ACTIVITY_QUERIES, useAttendance } from './use-activity';

const stateTones: Record<AttendanceState, Tone> = {
  came: 'success',
  walkIn: 'info',
  signedUp: 'neutral',
  waiting: 'warning',
  noShow: 'danger',
  gaveUp: 'neutral',
};

export function AttendanceBadge({ entry }: { entry: AttendanceEntry }) {
  const { t } = useTranslation();
  const state = attendanceState(entry);
  return <Badge tone={stateTones[state]}>{t(`activities.attendance.${state}`)}</Badge>;
}

/**
 * Who signed up and who came, and the waiting list in the order it moves up. Before the start,
 * whoever runs the activity signs a member up (someone who phoned) or gives up a place for them.
 */
export function SignUps({ activity, runs }: { activity: StaffActivity; runs: boolean }) {
  const { t } = useTranslation();
  const attendance = useAttendance(activity.id);
  const [signingUp, setSigningUp] = useState(false);
  const [givingUp, setGivingUp] = useState<AttendanceEntry | null>(null);
  const open = activity.status === 'published' && !hasStarted(activity);
  const { people, waiting } = splitAttendance(attendance.data?.entries ?? []);
  const mayChange = runs && open;

  return (
    <section className="card stack" aria-labelledby="activity-people">
      <div className="row-between">
        <h2 id="activity-people">{t('activities.people')}</h2>
        {mayChange ? (
          <button
            type="button"
            className="button button-primary"
            onClick={() => setSigningUp(true)}
          >
            {t('activities.signUpMember')}
          </button>
        ) : null}
      </div>
      <ErrorNotice error={attendance.error} />
      {attendance.isPending ? (
        <Loading />
      ) : people.length === 0 ? (
        <Empty>{t('activities.nobodyYet')}</Empty>
      ) : (
        <PeopleList entries={people} onGiveUp={mayChange ? setGivingUp : undefined} />
      )}
      {waiting.length > 0 ? (
        <>
          <h3>{t('activities.waitingList')}</h3>
          <AttendanceList
            entries={waiting}
            label={t('activities.waitingList')}
            badge={(entry) => (
              <Badge tone="warning">
                {t('activities.waitingPosition', { position: entry.waitingPosition })}
              </Badge>
            )}
            action={(entry) =>
              mayChange ? (
                <button
                  type="button"
                  className="button button-small"
                  onClick={() => setGivingUp(entry)}
                >
                  {t('activities.giveUp')}
                </button>
              ) : null
            }
          />
        </>
      ) : null}
      {signingUp ? (
        <SignUpMemberDialog
          activity={activity}
          taken={(attendance.data?.entries ?? [])
            .filter((entry) => ['signedUp', 'waiting'].includes(attendanceState(entry)))
            .map((entry) => entry.resident.id)}
          onClose={() => setSigningUp(false)}
        />
      ) : null}
      {givingUp ? (
        <GiveUpDialog activity={activity} entry={givingUp} onClose={() => setGivingUp(null)} />
      ) : null}
    </section>
  );
}

/** Who holds a place or came: their state, times at the door and the minutes closing counts. */
function PeopleList({
  entries,
  onGiveUp,
}: {
  entries: AttendanceEntry[];
  onGiveUp: ((entry: AttendanceEntry) => void) | undefined;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <AttendanceList
      entries={entries}
      label={t('activities.people')}
      badge={(entry) => <AttendanceBadge entry={entry} />}
      detail={(entry) =>
        entry.checkedInAt ? (
          <>
            <span>{t('activities.door.inAt', { time: format.time(entry.checkedInAt) })}</span>
            {entry.checkedOutAt ? (
              <span>{t('activities.door.outAt', { time: format.time(entry.checkedOutAt) })}</span>
            ) : null}
            {entry.minutes === null ? null : (
              <strong>{t('activities.minutesValue', { count: entry.minutes })}</strong>
            )}
            {entry.adjustment ? (
              <span className="muted" translate="no">
                {entry.adjustment.reason}
              </span>
            ) : null}
          </>
        ) : null
      }
      action={(entry) =>
        onGiveUp && attendanceState(entry) === 'signedUp' ? (
          <button type="button" className="button button-small" onClick={() => onGiveUp(entry)}>
            {t('activities.giveUp')}
          </button>
        ) : null
      }
    />
  );
}

/** Gives up a resident's place (or wait) for them; the first waiting moves up. */
function GiveUpDialog({
  activity,
  entry,
  onClose,
}: {
  activity: StaffActivity;
  entry: AttendanceEntry;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const toast = useToast();
  const name = entry.resident.name;
  const giveUp = useApiMutation(api.activities.cancelMemberSignUp.mutate, {
    invalidates: ACTIVITY_QUERIES,
    onSuccess: () => {
      toast(t('activities.gaveUp', { name }));
      onClose();
    },
  });
  return (
    <Dialog
      open
      onClose={onClose}
      title={t('activities.giveUpTitle', { name })}
      footer={
        <ConfirmActions
          onCancel={onClose}
          onConfirm={() =>
            giveUp.mutate({ activityId: activity.id, residentId: entry.resident.id })
          }
          pending={giveUp.isPending}
          label={t('activities.giveUp')}
          danger
        />
      }
    >
      <p>{t('activities.giveUpExplain')}</p>
      <ErrorNotice error={giveUp.error} />
    </Dialog>
  );
}
