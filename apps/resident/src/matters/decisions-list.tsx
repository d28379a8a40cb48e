import { formatShortDate } from '@tally/client/format';
import { useTranslation } from 'react-i18next';
import type { GovernanceDecision } from '../api/me-types';
import { formatDay } from '../i18n/format';
import { NamedText } from '../ui/named-text';
import { useLanguage } from '../ui/use-language';
import { PlaceLine } from './place-line';
import { TopicTitle } from './topic-title';

/**
 * What the community decided, in public: the decision, who is responsible and by when, every
 * progress note, and when it was carried out. Overdue is said plainly, not hidden.
 */
export function DecisionsList({ decisions }: { decisions: GovernanceDecision[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <ul className="list">
      {decisions.map((decided) => (
        <li key={decided.topicId} className="card" data-testid="decision-card">
          <h2>
            <TopicTitle topic={decided} />
          </h2>
          {decided.place && <PlaceLine place={decided.place} />}
          <p>
            <NamedText
              text={t('matters.decision', { decision: decided.decision })}
              names={[decided.decision]}
            />
          </p>
          <p>
            <NamedText
              text={t('matters.responsible', { who: decided.responsible })}
              names={[decided.responsible]}
            />
          </p>
          <Standing decided={decided} />
          {decided.minutes && (
            <>
              <h3>{t('matters.minutes')}</h3>
              <p>
                <NamedText text={decided.minutes} names={[decided.minutes]} />
              </p>
            </>
          )}
          {decided.progress.length > 0 && (
            <>
              <h3>{t('matters.progress')}</h3>
              <ul className="plain-list">
                {decided.progress.map((step) => (
                  <li key={`${step.at}:${step.note}`}>
                    <NamedText
                      text={t('matters.progressNote', {
                        date: formatShortDate(step.at, language),
                        note: step.note,
                      })}
                      names={[step.note]}
                    />
                  </li>
                ))}
              </ul>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

/** Carried out (when), overdue (plainly), or still to be done by its day. */
function Standing({ decided }: { decided: GovernanceDecision }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const dueBy = formatDay(decided.dueBy, language);
  if (decided.carriedOutAt)
    return (
      <p className="tag">
        ✓ {t('matters.carriedOut', { date: formatShortDate(decided.carriedOutAt, language) })}
      </p>
    );
  if (decided.overdue)
    return (
      <p className="notice notice-warning" data-testid="overdue">
        {t('matters.overdue', { date: dueBy })}
      </p>
    );
  return <p className="tag tag-waiting">{t('matters.dueBy', { date: dueBy })}</p>;
}
