import { formatShortDate } from '@tally/client/format';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskApi, ResidentTopic, TopicSupported, TopicView } from '../api/kiosk-client';
import { useConfirmedWrite } from '../api/use-confirmed-write';
import { useHoldIdle } from '../session/idle-hold';
import { CheckIcon, PlaceIcon } from '../ui/icons';
import { useLanguage } from '../ui/use-language';
import { WriteStatus } from '../ui/write-status';
import {
  dayOf,
  matterTitle,
  placeText,
  stageText,
  writtenPlace,
  writtenTitle,
} from './matter-words';

/**
 * One matter as a resident reads it: what and where, and then what the list is for — being
 * discussed (how many support it, and "I support this"), mine (how far it has got, with the
 * office's reason if it was not taken up), or decided (the decision and its follow-up).
 */
export function TopicCard({
  api,
  topic,
  view,
}: {
  api: KioskApi;
  topic: ResidentTopic;
  view: TopicView;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const titleId = `topic-${topic.id}`;
  return (
    <li className="topic-card" aria-labelledby={titleId}>
      <h2 id={titleId} translate={writtenTitle(topic) ? 'no' : undefined}>
        {matterTitle(t, topic)}
      </h2>
      <p className="topic-fact">
        {topic.place && (
          <>
            <PlaceIcon />
            <span translate={writtenPlace(topic.place) ? 'no' : undefined}>
              {placeText(t, topic.place)}
            </span>
            {' · '}
          </>
        )}
        {t('matters.raisedOn', { date: formatShortDate(topic.raisedAt, language) })}
      </p>
      {view === 'open' && <Support api={api} topic={topic} />}
      {view === 'mine' && <Stage topic={topic} />}
      {view === 'decided' && <Decision topic={topic} />}
    </li>
  );
}

function Support({ api, topic }: { api: KioskApi; topic: ResidentTopic }) {
  const { t } = useTranslation();
  const [answer, setAnswer] = useState<TopicSupported | null>(null);
  const write = useConfirmedWrite<{ id: string }, TopicSupported>(
    (input, signal) => api.supportTopic.mutate(input, { signal }),
    { onDone: setAnswer },
  );
  useHoldIdle(write.state.status === 'sending');
  const supporters = answer?.supporters ?? topic.supporters;
  // `added: false` means they already supported it: one support each, and it is theirs.
  const supported = topic.supportedByMe || answer !== null;
  return (
    <>
      <div className="topic-support">
        <p className="topic-supporters">
          {supporters > 0
            ? t('matters.supporters', { count: supporters })
            : t('matters.noSupporters')}
        </p>
        {supported ? (
          <p className="topic-supported">
            <CheckIcon />
            {topic.raisedByMe ? t('matters.youRaised') : t('matters.supported')}
          </p>
        ) : (
          <button
            type="button"
            className="button button-primary button-large"
            disabled={write.state.status === 'sending'}
            onClick={() => write.confirm({ id: topic.id })}
          >
            {write.state.status === 'unreachable' ? t('common.tryAgain') : t('matters.support')}
          </button>
        )}
      </div>
      {topic.openPoll && <p className="topic-note">{t('matters.hasVote')}</p>}
      {write.state.status !== 'ready' && write.state.status !== 'done' && (
        <WriteStatus state={write.state} />
      )}
    </>
  );
}

function Stage({ topic }: { topic: ResidentTopic }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <>
      <p className={`topic-stage topic-stage-${topic.status}`}>{stageText(t, topic, language)}</p>
      {topic.status === 'declined' && topic.declineReason && (
        <p className="topic-reason">
          {t('matters.officeReason')}
          <span translate="no">{topic.declineReason}</span>
        </p>
      )}
      {topic.decision && <Decision topic={topic} />}
    </>
  );
}

function Decision({ topic }: { topic: ResidentTopic }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (!topic.decision) return null;
  return (
    <>
      <dl className="topic-decision">
        <div>
          <dt>{t('matters.decision')}</dt>
          <dd translate="no">{topic.decision}</dd>
        </div>
        {topic.responsible && (
          <div>
            <dt>{t('matters.responsible')}</dt>
            <dd translate="no">{topic.responsible}</dd>
          </div>
        )}
        {topic.dueBy && (
          <div>
            <dt>{t('matters.dueBy')}</dt>
            <dd className={topic.overdue ? 'topic-late' : undefined}>
              {topic.overdue
                ? t('matters.late', { date: dayOf(topic.dueBy, language) })
                : dayOf(topic.dueBy, language)}
            </dd>
          </div>
        )}
        {topic.progress && (
          <div>
            <dt>{t('matters.latest')}</dt>
            <dd>
              <span translate="no">{topic.progress.note}</span> (
              {formatShortDate(topic.progress.at, language)})
            </dd>
          </div>
        )}
      </dl>
      {topic.carriedOutAt && (
        <p className="topic-done">
          <CheckIcon />
          {t('matters.carriedOutOn', { date: formatShortDate(topic.carriedOutAt, language) })}
        </p>
      )}
    </>
  );
}
