import type { GovernanceBoard as Board } from '@tally/domain/deliberation';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useApi } from '../../api/api-context';
import { useApiQuery } from '../../api/queries';
import { useFormat } from '../../i18n/format';
import { useLocalizedName } from '../../i18n/localized-name';
import { ErrorNotice, Loading } from '../../ui/states';
import { OverdueBadge, TopicStatusBadge, TopicTitle } from './topic-labels';
import './topics.css';

/**
 * The notice board's deliberation: decisions with their progress in public (overdue ones
 * flagged), and the results of closed polls, as residents see them on the board.
 */
export function GovernanceBoard() {
  const { t } = useTranslation();
  const api = useApi();
  const board = useApiQuery('notices.governance', undefined, () => api.notices.governance.query());
  return (
    <section className="stack" aria-labelledby="governance-title">
      <div>
        <h2 id="governance-title">{t('topics.board.title')}</h2>
        <p className="muted">{t('topics.board.description')}</p>
      </div>
      <ErrorNotice error={board.error} />
      {board.isPending ? (
        <Loading />
      ) : board.data ? (
        <div className="grid-2">
          <Decisions decisions={board.data.decisions} />
          <PollResults polls={board.data.polls} />
        </div>
      ) : null}
    </section>
  );
}

function Decisions({ decisions }: { decisions: Board['decisions'] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <section className="card stack-small" aria-labelledby="governance-decisions">
      <h3 id="governance-decisions">{t('topics.board.decisions')}</h3>
      {decisions.length === 0 ? <p className="muted">{t('topics.board.noDecisions')}</p> : null}
      {decisions.map((decision) => (
        <article key={decision.topicId} className="governance-decision stack-small">
          <div className="row">
            <Link href={`/topics/${decision.topicId}`}>
              <strong>
                <TopicTitle topic={decision} />
              </strong>
            </Link>
            <TopicStatusBadge status={decision.status} />
            {decision.overdue ? <OverdueBadge /> : null}
          </div>
          <p className="topic-text" translate="no">
            {decision.decision}
          </p>
          <p className="muted">
            <span translate="no">{decision.responsible}</span>
            {t('topics.separator')}
            {t('topics.page.dueBy')}
            {t('topics.colon')}
            {format.longDay(decision.dueBy)}
          </p>
          {decision.minutes ? (
            <p>
              <span className="muted">
                {t('topics.page.minutes')}
                {t('topics.colon')}
              </span>
              <span translate="no">{decision.minutes}</span>
            </p>
          ) : null}
          {decision.progress.length === 0 ? (
            <p className="muted">{t('topics.board.noProgress')}</p>
          ) : (
            <ul className="plain-list" aria-label={t('topics.board.progress')}>
              {decision.progress.map((step) => (
                <li key={`${step.at}-${step.note}`}>
                  <span className="muted">{format.date(step.at)}</span>{' '}
                  <span translate="no">{step.note}</span>
                </li>
              ))}
            </ul>
          )}
        </article>
      ))}
    </section>
  );
}

function PollResults({ polls }: { polls: Board['polls'] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const inLanguage = useLocalizedName();
  return (
    <section className="card stack-small" aria-labelledby="governance-polls">
      <h3 id="governance-polls">{t('topics.board.polls')}</h3>
      {polls.length === 0 ? <p className="muted">{t('topics.board.noPolls')}</p> : null}
      {polls.map((poll) => {
        const most = Math.max(1, ...poll.options.map((option) => option.votes));
        return (
          <article key={poll.pollId} className="governance-decision stack-small">
            <strong translate="no">{inLanguage(poll.question)}</strong>
            <span className="muted">
              <TopicTitle topic={{ title: poll.topicTitle, kind: poll.topicKind }} />
              {t('topics.separator')}
              {format.date(poll.closesAt)}
              {t('topics.separator')}
              {t('topics.board.turnout', {
                voters: format.number(poll.voters),
                eligible: format.number(poll.eligible),
              })}
            </span>
            <ul className="hbars plain-list">
              {poll.options.map((option) => (
                <li key={option.id} className="hbar">
                  <span translate="no">{inLanguage(option.text)}</span>
                  <span className="hbar-track" aria-hidden="true">
                    <span
                      className="hbar-fill"
                      style={{ width: `${(option.votes / most) * 100}%` }}
                    />
                  </span>
                  <span className="number">
                    {t('topics.results.votes', {
                      count: option.votes,
                      formatted: format.number(option.votes),
                    })}
                  </span>
                </li>
              ))}
            </ul>
          </article>
        );
      })}
    </section>
  );
}
