import { formatShortDate } from '@tally/client/format';
import { inLanguage } from '@tally/domain/localized-text';
import { useTranslation } from 'react-i18next';
import type { Governance } from '../api/kiosk-client';
import { dayOf, matterTitle, placeText, writtenPlace, writtenTitle } from '../matters/matter-words';
import { useLanguage } from '../ui/use-language';

export type GovernanceDecision = Governance['decisions'][number];
export type GovernancePoll = Governance['polls'][number];

/**
 * A decision on the public board: what was decided and by whom it is carried out by when, the
 * newest progress, and whether it is done or late. What the office typed is shown as written.
 */
export function DecisionNotice({ decision }: { decision: GovernanceDecision }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const latest = decision.progress.at(-1);
  return (
    <li className="notice-line governance-line">
      <span className="notice-who" translate={writtenTitle(decision) ? 'no' : undefined}>
        {matterTitle(t, decision)}
        {decision.place && (
          <span translate={writtenPlace(decision.place) ? 'no' : undefined}>
            {' · '}
            {placeText(t, decision.place)}
          </span>
        )}
      </span>
      <span className="governance-text">
        {t('governance.decided')}
        <span translate="no">{decision.decision}</span>
      </span>
      <span className="notice-what">
        {t('governance.responsible')}
        <span translate="no">{decision.responsible}</span>
        {t('governance.by', { date: dayOf(decision.dueBy, language) })}
      </span>
      {latest && (
        <span className="notice-what" translate="no">
          {latest.note} ({formatShortDate(latest.at, language)})
        </span>
      )}
      {decision.carriedOutAt ? (
        <span className="governance-done">
          {t('governance.carriedOut', { date: formatShortDate(decision.carriedOutAt, language) })}
        </span>
      ) : (
        decision.overdue && (
          <span className="governance-late">
            {t('governance.late', { date: dayOf(decision.dueBy, language) })}
          </span>
        )
      )}
    </li>
  );
}

/** A closed poll's result on the public board: each option's votes, and the turnout. */
export function PollNotice({ poll }: { poll: GovernancePoll }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const topic = { title: poll.topicTitle, kind: poll.topicKind };
  return (
    <li className="notice-line governance-line">
      <span className="notice-who">{inLanguage(poll.question, language)}</span>
      <span className="notice-what" translate={writtenTitle(topic) ? 'no' : undefined}>
        {matterTitle(t, topic)}
      </span>
      <ul className="governance-results">
        {poll.options.map((option) => (
          <li key={option.id}>
            <span>{inLanguage(option.text, language)}</span>
            <strong>{t('polls.votes', { count: option.votes })}</strong>
          </li>
        ))}
      </ul>
      <span className="notice-what">
        {t('governance.turnout', { voters: poll.voters, eligible: poll.eligible })}
      </span>
    </li>
  );
}
