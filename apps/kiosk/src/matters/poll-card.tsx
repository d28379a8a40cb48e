import { inLanguage } from '@tally/domain/localized-text';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Governance, ResidentPoll } from '../api/kiosk-client';
import { formatDateTime } from '../i18n/format';
import { CheckIcon } from '../ui/icons';
import { useLanguage } from '../ui/use-language';
import { matterTitle, notEligibleText, writtenTitle } from './matter-words';

type PollResults = Governance['polls'][number];

/**
 * One poll: the question, the matter it is about, when voting closes and whether the ballot is
 * secret; then either the options as large buttons (a tap goes to "Confirm?"), what the resident
 * did (an open ballot's choice, with "Change my vote" where allowed; a secret ballot never
 * repeats it), why they may not vote, or, once closed, the results.
 */
export function PollCard({
  poll,
  results,
  onChoose,
}: {
  poll: ResidentPoll;
  results: PollResults | null;
  onChoose: (poll: ResidentPoll, optionId: string) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [changing, setChanging] = useState(false);
  const titleId = `poll-${poll.id}`;
  const topic = { title: poll.topicTitle, kind: poll.topicKind };
  const open = poll.state === 'open';
  const mine = poll.options.find((option) => option.id === poll.myOptionId);
  const canChange = open && poll.voted && poll.changeable && !poll.secret;
  const choosing = open && poll.eligible && (!poll.voted || (canChange && changing));

  return (
    <li className="poll-card" aria-labelledby={titleId}>
      <h2 id={titleId}>{inLanguage(poll.question, language)}</h2>
      <p className="poll-fact">
        {t('polls.about')}
        <span translate={writtenTitle(topic) ? 'no' : undefined}>{matterTitle(t, topic)}</span>
      </p>
      <p className="poll-fact">
        {poll.state === 'closed'
          ? t('polls.closed', { when: formatDateTime(poll.closesAt, language) })
          : poll.state === 'scheduled'
            ? t('polls.opens', { when: formatDateTime(poll.opensAt, language) })
            : t('polls.closes', { when: formatDateTime(poll.closesAt, language) })}
      </p>
      <p className="poll-fact poll-ballot">
        {poll.secret ? t('polls.secret') : t('polls.open')}
        {open && poll.changeable && !poll.secret && ` ${t('polls.changeable')}`}
      </p>

      {choosing && (
        <div className="poll-choose">
          <p className="poll-choose-label">{t('polls.choose')}</p>
          <div className={`poll-options${poll.options.length > 3 ? ' poll-options-two' : ''}`}>
            {poll.options.map((option) => (
              <button
                key={option.id}
                type="button"
                className="button button-secondary button-large poll-option"
                aria-pressed={option.id === poll.myOptionId}
                onClick={() => onChoose(poll, option.id)}
              >
                {inLanguage(option.text, language)}
              </button>
            ))}
          </div>
          {changing && (
            <button
              type="button"
              className="button button-quiet"
              onClick={() => setChanging(false)}
            >
              {t('polls.keepVote')}
            </button>
          )}
        </div>
      )}

      {poll.voted && !changing && (
        <div className="poll-voted">
          <p className="poll-mine">
            <CheckIcon />
            {poll.secret || !mine
              ? t('polls.votedSecret')
              : t('polls.votedFor', { option: inLanguage(mine.text, language) })}
          </p>
          {canChange && (
            <button
              type="button"
              className="button button-secondary button-large"
              onClick={() => setChanging(true)}
            >
              {t('polls.changeVote')}
            </button>
          )}
        </div>
      )}

      {open && !poll.eligible && !poll.voted && (
        <p className="poll-not-eligible">
          {notEligibleText(t, poll.eligibility)} {t('polls.thanksAnyway')}
        </p>
      )}

      {poll.state === 'closed' &&
        (results ? (
          <Results results={results} />
        ) : (
          <p className="poll-fact">{t('polls.resultsLater')}</p>
        ))}
    </li>
  );
}

function Results({ results }: { results: PollResults }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const most = Math.max(1, ...results.options.map((option) => option.votes));
  return (
    <section className="poll-results" aria-label={t('polls.results')}>
      <ul className="poll-result-list">
        {results.options.map((option) => (
          <li key={option.id} className="poll-result">
            <span className="poll-result-text">{inLanguage(option.text, language)}</span>
            <span className="poll-result-votes">{t('polls.votes', { count: option.votes })}</span>
            <span className="poll-result-bar" aria-hidden="true">
              <span style={{ width: `${(option.votes / most) * 100}%` }} />
            </span>
          </li>
        ))}
      </ul>
      <p className="poll-fact">
        {t('polls.turnout', { voters: results.voters, eligible: results.eligible })}
      </p>
    </section>
  );
}
