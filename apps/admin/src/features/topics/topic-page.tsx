import type { Topic } from '@tally/domain/deliberation';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'wouter';
import { useBuildingLabel, useFormat } from '../../i18n/format';
import { useLocalizedName } from '../../i18n/localized-name';
import { mayManage } from '../../session/permissions';
import { useUser } from '../../session/session-context';
import { PageHeader } from '../../ui/page-header';
import { ErrorNotice, Loading } from '../../ui/states';
import { DecisionDialog, LinkMeetingDialog, ProgressDialog } from './follow-up-dialogs';
import { OpenPollDialog } from './open-poll-dialog';
import { PollCard } from './poll-results';
import {
  ActorName,
  OverdueBadge,
  TopicStatusBadge,
  TopicTitle,
  useKindLabel,
} from './topic-labels';
import { TriageDialog } from './triage-dialog';
import { useTopic } from './use-topic';
import './topics.css';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

type Doing = 'triage' | 'linkMeeting' | 'recordDecision' | 'reportProgress' | 'openPoll' | null;

/** What the office may do to a topic at each stage. */
function actionsFor(status: Topic['status']): Exclude<Doing, null>[] {
  switch (status) {
    case 'raised':
      return ['triage'];
    case 'accepted':
    case 'consulted':
      return ['linkMeeting', 'recordDecision', 'openPoll'];
    case 'decided':
      return ['reportProgress', 'openPoll'];
    default:
      return [];
  }
}

/** One topic: what and why, its whole history, meetings, decision and polls; the office acts on it. */
export function TopicPage() {
  const { id = '' } = useParams<{ id: string }>();
  const { t } = useTranslation();
  const format = useFormat();
  const user = useUser();
  const topic = useTopic(id);
  const [doing, setDoing] = useState<Doing>(null);
  const office = mayManage(user.role);

  if (topic.isPending) return <Loading />;
  if (!topic.data) return <ErrorNotice error={topic.error} />;
  const current = topic.data;
  const close = () => setDoing(null);
  const actions = office ? actionsFor(current.status) : [];

  return (
    <>
      <PageHeader
        breadcrumb={<Link href="/topics">← {t('topics.page.back')}</Link>}
        title={<TopicTitle topic={current} />}
        description={
          <span className="row">
            <TopicStatusBadge status={current.status} />
            {current.overdue ? <OverdueBadge /> : null}
            <span>
              {t('topics.columns.raisedBy')}
              {t('topics.colon')}
              <ActorName actor={current.raisedBy} />
            </span>
            <span>
              {t('topics.columns.raisedAt')}
              {t('topics.colon')}
              {format.date(current.raisedAt)}
            </span>
            <span data-testid="topic-supporters">
              {t('topics.page.supporters', {
                count: current.supporters,
                formatted: format.number(current.supporters),
              })}
            </span>
          </span>
        }
        actions={actions.map((action, index) => (
          <button
            key={action}
            type="button"
            className={index === 0 ? 'button button-primary' : 'button'}
            onClick={() => setDoing(action)}
          >
            {t(`topics.actions.${action}`)}
          </button>
        ))}
      />
      <TopicNotice topic={current} />
      {office ? null : <p className="muted">{t('topics.page.readOnly')}</p>}
      <div className="topic-layout">
        <div className="stack">
          <AboutCard topic={current} />
          {current.decision ? <DecisionCard topic={current} /> : null}
          <MeetingsCard topic={current} />
          <section className="stack" aria-labelledby="topic-polls">
            <h2 id="topic-polls">{t('topics.page.polls')}</h2>
            {current.polls.length === 0 ? (
              <p className="muted">{t('topics.page.noPolls')}</p>
            ) : (
              current.polls.map((poll) => (
                <PollCard key={poll.id} pollId={poll.id} office={office} />
              ))
            )}
          </section>
        </div>
        <HistoryCard topic={current} />
      </div>
      {doing === 'triage' ? <TriageDialog topic={current} onClose={close} /> : null}
      {doing === 'linkMeeting' ? <LinkMeetingDialog topic={current} onClose={close} /> : null}
      {doing === 'recordDecision' ? <DecisionDialog topic={current} onClose={close} /> : null}
      {doing === 'reportProgress' ? <ProgressDialog topic={current} onClose={close} /> : null}
      {doing === 'openPoll' ? <OpenPollDialog topicId={current.id} onClose={close} /> : null}
    </>
  );
}

function TopicNotice({ topic }: { topic: Topic }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (topic.overdue && topic.dueBy)
    return (
      <p className="notice notice-danger">
        {t('topics.page.overdueNotice', { date: format.longDay(topic.dueBy) })}
      </p>
    );
  if (topic.status === 'declined')
    return <p className="notice notice-warning">{t('topics.page.declinedNotice')}</p>;
  if (topic.status === 'merged') return <p className="notice">{t('topics.page.mergedNotice')}</p>;
  if (topic.status === 'carried_out' && topic.carriedOutAt)
    return (
      <p className="notice notice-success">
        {t('topics.page.carriedOutNotice', { date: format.date(topic.carriedOutAt) })}
      </p>
    );
  return null;
}

function AboutCard({ topic }: { topic: Topic }) {
  const { t } = useTranslation();
  const format = useFormat();
  const kindLabel = useKindLabel();
  const placeLabel = useBuildingLabel();
  return (
    <section className="card" aria-labelledby="topic-about">
      <h2 id="topic-about">{t('topics.page.what')}</h2>
      {topic.body ? (
        <p className="topic-text" translate="no">
          {topic.body}
        </p>
      ) : (
        <p className="muted">{t('topics.page.noBody')}</p>
      )}
      <dl className="details">
        <dt>{t('topics.page.kind')}</dt>
        <dd>{kindLabel(topic.kind)}</dd>
        {topic.place ? (
          <>
            <dt>{t('topics.page.place')}</dt>
            <dd translate="no">{placeLabel(topic.place)}</dd>
          </>
        ) : null}
        {topic.plannedFor ? (
          <>
            <dt>{t('topics.page.plannedFor')}</dt>
            <dd>{format.longDay(topic.plannedFor)}</dd>
          </>
        ) : null}
        {topic.declineReason ? (
          <>
            <dt>{t('topics.page.declineReason')}</dt>
            <dd translate="no">{topic.declineReason}</dd>
          </>
        ) : null}
        {topic.mergedInto ? (
          <>
            <dt>{t('topics.page.mergedInto')}</dt>
            <dd>
              <Link href={`/topics/${topic.mergedInto.id}`}>
                <TopicTitle topic={topic.mergedInto} />
              </Link>
            </dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}

function DecisionCard({ topic }: { topic: Topic }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <section className="card" aria-labelledby="topic-decision">
      <h2 id="topic-decision">{t('topics.page.decision')}</h2>
      <p className="topic-text" translate="no" data-testid="topic-decision">
        {topic.decision}
      </p>
      <dl className="details">
        <dt>{t('topics.page.responsible')}</dt>
        <dd translate="no">{topic.responsible}</dd>
        {topic.dueBy ? (
          <>
            <dt>{t('topics.page.dueBy')}</dt>
            <dd className="row">
              {format.longDay(topic.dueBy)}
              {topic.overdue ? <OverdueBadge /> : null}
            </dd>
          </>
        ) : null}
        {topic.decidedAt ? (
          <>
            <dt>{t('topics.page.decidedAt')}</dt>
            <dd>{format.date(topic.decidedAt)}</dd>
          </>
        ) : null}
        {topic.carriedOutAt ? (
          <>
            <dt>{t('topics.page.carriedOutAt')}</dt>
            <dd>{format.date(topic.carriedOutAt)}</dd>
          </>
        ) : null}
        {topic.minutes ? (
          <>
            <dt>{t('topics.page.minutes')}</dt>
            <dd className="topic-text" translate="no">
              {topic.minutes}
            </dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}

function MeetingsCard({ topic }: { topic: Topic }) {
  const { t } = useTranslation();
  const format = useFormat();
  const inLanguage = useLocalizedName();
  return (
    <section className="card stack-small" aria-labelledby="topic-meetings">
      <h2 id="topic-meetings">{t('topics.page.meetings')}</h2>
      {topic.meetings.length === 0 ? (
        <p className="muted">{t('topics.page.noMeetings')}</p>
      ) : (
        <ul className="plain-list stack-small">
          {topic.meetings.map((meeting) => (
            <li key={meeting.activityId}>
              <Link href={`/activities/${meeting.activityId}`} translate="no">
                <strong>{inLanguage(meeting.title)}</strong>
              </Link>
              <div className="muted">
                {format.dateTime(meeting.startsAt)}
                {t('topics.separator')}
                <span translate="no">{meeting.place}</span>
                {t('topics.separator')}
                {t(`activities.status.${meeting.status}`, { defaultValue: meeting.status })}
                {meeting.attended > 0
                  ? `${t('topics.separator')}${t('topics.page.attended', { count: meeting.attended })}`
                  : ''}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The topic's whole history, oldest first: what happened, when, who, and why. */
function HistoryCard({ topic }: { topic: Topic }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <section className="card stack-small topic-history-card" aria-labelledby="topic-history">
      <h2 id="topic-history">{t('topics.page.history')}</h2>
      <ol className="topic-timeline" aria-label={t('topics.page.historyLabel')}>
        {topic.history.map((event, index) => (
          <li key={index} className={`topic-event topic-event-${event.kind}`}>
            <strong>{t(`topics.history.${event.kind}`)}</strong>
            <div className="muted">
              <time dateTime={event.at}>{format.dateTime(event.at)}</time>
              {t('topics.separator')}
              <ActorName actor={event.by} />
            </div>
            {event.note === null ? null : DAY.test(event.note) ? (
              // An acceptance notes the planned date: said as a day in the reader's language.
              <p>{format.longDay(event.note)}</p>
            ) : (
              <p className="topic-text" translate="no">
                {event.note}
              </p>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
