import { TOPIC_MINUTES_MAX, TOPIC_NOTE_MAX, type Topic } from '@tally/domain/deliberation';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useApi } from '../../api/api-context';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { useLocalizedName } from '../../i18n/localized-name';
import { DateInput } from '../../ui/date-input';
import { FormDialog } from '../../ui/dialog';
import { Field } from '../../ui/field';
import { useToast } from '../../ui/toast';
import { readDay } from '../../ui/typed-dates';
import { useActivityWhen } from '../activities/activity-labels';
import type { topicsEn } from './strings';
import { TOPIC_QUERIES } from './use-topic';

type DialogProps = { topic: Topic; onClose: () => void };

/**
 * Links a consultation meeting: one of the community's activities of category community affairs
 * (not cancelled, not linked already). A new one is made in Activities, its category chosen.
 */
export function LinkMeetingDialog({ topic, onClose }: DialogProps) {
  const { t } = useTranslation();
  const api = useApi();
  const toast = useToast();
  const inLanguage = useLocalizedName();
  const when = useActivityWhen();
  const [activityId, setActivityId] = useState('');
  const [tried, setTried] = useState(false);
  const activities = useApiQuery('activities.list', { limit: 200 }, api.activities.list.query);
  const linked = new Set(topic.meetings.map((meeting) => meeting.activityId));
  const meetings = (activities.data?.items ?? []).filter(
    (activity) =>
      activity.category === 'community_affairs' &&
      activity.status !== 'cancelled' &&
      !linked.has(activity.id),
  );
  const link = useApiMutation(api.topics.linkMeeting.mutate, {
    invalidates: TOPIC_QUERIES,
    onSuccess: () => {
      toast(t('topics.meeting.linked'));
      onClose();
    },
  });

  return (
    <FormDialog
      id="link-meeting-form"
      open
      onClose={onClose}
      title={t('topics.meeting.title')}
      submitLabel={t('topics.meeting.submit')}
      pending={link.isPending}
      error={link.error ?? activities.error}
      onSubmit={() => {
        setTried(true);
        if (activityId) link.mutate({ id: topic.id, activityId });
      }}
    >
      <p className="muted">{t('topics.meeting.hint')}</p>
      {activities.data && meetings.length === 0 ? (
        <p className="notice notice-warning">{t('topics.meeting.none')}</p>
      ) : (
        <Field
          label={t('topics.meeting.activity')}
          error={tried && !activityId ? t('topics.meeting.required') : undefined}
        >
          {(control) => (
            <select
              {...control}
              className="select"
              value={activityId}
              onChange={(event) => setActivityId(event.target.value)}
            >
              <option value="">{t('topics.meeting.choose')}</option>
              {meetings.map((activity) => (
                <option key={activity.id} value={activity.id}>
                  {inLanguage(activity.title)}
                  {t('topics.separator')}
                  {when(activity)}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <p>
        <Link href="/activities?new=community_affairs">{t('topics.meeting.create')}</Link>
      </p>
    </FormDialog>
  );
}

/** Records what was decided, who carries it out and by when, and the meeting's minutes. */
export function DecisionDialog({ topic, onClose }: DialogProps) {
  const { t } = useTranslation();
  const api = useApi();
  const toast = useToast();
  const [decision, setDecision] = useState('');
  const [responsible, setResponsible] = useState('');
  const [dueBy, setDueBy] = useState('');
  const [minutes, setMinutes] = useState('');
  const [tried, setTried] = useState(false);
  const record = useApiMutation(api.topics.recordDecision.mutate, {
    invalidates: TOPIC_QUERIES,
    onSuccess: () => {
      toast(t('topics.decision.recorded'));
      onClose();
    },
  });
  const due = readDay(dueBy);
  type Problem = keyof typeof topicsEn.decision;
  const shown = (problem: boolean, key: Problem) =>
    tried && problem ? t(`topics.decision.${key}`) : undefined;

  return (
    <FormDialog
      id="decision-form"
      open
      onClose={onClose}
      title={t('topics.decision.title')}
      submitLabel={t('topics.decision.submit')}
      pending={record.isPending}
      error={record.error}
      wide
      onSubmit={() => {
        setTried(true);
        if (!decision.trim() || !responsible.trim() || !due) return;
        record.mutate({
          id: topic.id,
          decision: decision.trim(),
          responsible: responsible.trim(),
          dueBy: due,
          ...(minutes.trim() ? { minutes: minutes.trim() } : {}),
        });
      }}
    >
      <Field
        label={t('topics.decision.decision')}
        error={shown(!decision.trim(), 'decisionRequired')}
      >
        {(control) => (
          <textarea
            {...control}
            className="textarea"
            maxLength={TOPIC_NOTE_MAX}
            value={decision}
            onChange={(event) => setDecision(event.target.value)}
          />
        )}
      </Field>
      <div className="form-grid">
        <Field
          label={t('topics.decision.responsible')}
          error={shown(!responsible.trim(), 'responsibleRequired')}
        >
          {(control) => (
            <input
              {...control}
              className="input"
              maxLength={100}
              value={responsible}
              onChange={(event) => setResponsible(event.target.value)}
            />
          )}
        </Field>
        <Field label={t('topics.decision.dueBy')} error={shown(!due, 'dueByError')}>
          {(control) => <DateInput control={control} value={dueBy} onChange={setDueBy} />}
        </Field>
      </div>
      <Field label={t('topics.decision.minutes')} hint={t('topics.decision.minutesHint')}>
        {(control) => (
          <textarea
            {...control}
            className="textarea topic-minutes-input"
            maxLength={TOPIC_MINUTES_MAX}
            value={minutes}
            onChange={(event) => setMinutes(event.target.value)}
          />
        )}
      </Field>
    </FormDialog>
  );
}

/** Reports progress on a decided topic, in public; "carried out" closes it. */
export function ProgressDialog({ topic, onClose }: DialogProps) {
  const { t } = useTranslation();
  const api = useApi();
  const toast = useToast();
  const [note, setNote] = useState('');
  const [done, setDone] = useState(false);
  const [tried, setTried] = useState(false);
  const report = useApiMutation(api.topics.reportProgress.mutate, {
    invalidates: TOPIC_QUERIES,
    onSuccess: (result) => {
      toast(
        t(
          result.status === 'carried_out'
            ? 'topics.progress.carriedOut'
            : 'topics.progress.reported',
        ),
      );
      onClose();
    },
  });

  return (
    <FormDialog
      id="progress-form"
      open
      onClose={onClose}
      title={t('topics.progress.title')}
      submitLabel={t('topics.progress.submit')}
      pending={report.isPending}
      error={report.error}
      onSubmit={() => {
        setTried(true);
        if (note.trim()) report.mutate({ id: topic.id, note: note.trim(), done });
      }}
    >
      <Field
        label={t('topics.progress.note')}
        hint={t('topics.progress.noteHint')}
        error={tried && !note.trim() ? t('topics.progress.noteRequired') : undefined}
      >
        {(control) => (
          <textarea
            {...control}
            className="textarea"
            maxLength={TOPIC_NOTE_MAX}
            value={note}
            onChange={(event) => setNote(event.target.value)}
          />
        )}
      </Field>
      <label className="check-label">
        <input
          type="checkbox"
          className="checkbox"
          checked={done}
          onChange={(event) => setDone(event.target.checked)}
        />
        {t('topics.progress.done')}
      </label>
    </FormDialog>
  );
}
