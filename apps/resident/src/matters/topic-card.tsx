import { formatShortDate } from '@tally/client/format';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeApi } from '../api/me-client';
import type { ResidentTopic, SupportTopicOutput } from '../api/me-types';
import { useAction } from '../api/use-action';
import { Link } from '../router/location';
import { pathOf } from '../router/routes';
import { NamedText } from '../ui/named-text';
import { ActionProblem } from '../ui/status';
import { useLanguage } from '../ui/use-language';
import { stageText } from './matter-words';
import { PlaceLine } from './place-line';
import { TopicTitle } from './topic-title';

/**
 * One matter: what, where, its stage and its supporters, with "Support" while it is being worked
 * on. `mine` shows a matter the resident raised, with the office's reason if it was declined.
 */
export function TopicCard({
  api,
  topic,
  mine = false,
}: {
  api: MeApi;
  topic: ResidentTopic;
  mine?: boolean;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const titleId = useId();
  const support = useAction<SupportTopicOutput>();
  const [supported, setSupported] = useState<SupportTopicOutput | null>(null);
  const supporters = supported?.supporters ?? topic.supporters;
  const supportedByMe = supported !== null || topic.supportedByMe;
  const canSupport = !mine && !topic.raisedByMe && !supportedByMe;

  return (
    <li className="card" data-testid="topic-card">
      <h2 id={titleId}>
        <TopicTitle topic={topic} />
      </h2>
      {topic.body && <p translate="no">{topic.body}</p>}
      {topic.place && <PlaceLine place={topic.place} />}
      <p className={topic.status === 'declined' ? 'tag tag-refused' : 'tag'}>
        {stageText(t, topic, language)}
      </p>
      {topic.status === 'declined' && topic.declineReason && (
        <p>
          <NamedText
            text={t('matters.officeSaid', { reason: topic.declineReason })}
            names={[topic.declineReason]}
          />
        </p>
      )}
      {topic.status === 'merged' && <p>{t('matters.merged')}</p>}
      {topic.openPoll && (
        <Link to={pathOf({ name: 'votes' })} className="button button-secondary">
          {t('matters.openPoll')}
        </Link>
      )}
      <p className="muted">
        {t('matters.raisedOn', { date: formatShortDate(topic.raisedAt, language) })} ·{' '}
        <span data-testid="supporters">{t('matters.supporters', { count: supporters })}</span>
      </p>
      {topic.raisedByMe && !mine && <p className="muted">{t('matters.raisedByYou')}</p>}
      {supportedByMe && !topic.raisedByMe && (
        <p className="tag" data-testid="supported">
          ✓ {t('matters.supported')}
        </p>
      )}
      <ActionProblem state={support.state} />
      {canSupport && (
        <button
          type="button"
          className="button button-primary"
          aria-describedby={titleId}
          disabled={support.sending}
          onClick={async () => {
            const done = await support.run((idempotencyKey) =>
              api.supportTopic.mutate({ idempotencyKey, id: topic.id }),
            );
            if (done) setSupported(done);
          }}
        >
          {support.sending ? t('common.sending') : t('matters.support')}
        </button>
      )}
    </li>
  );
}
