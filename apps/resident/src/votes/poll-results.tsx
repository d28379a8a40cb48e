import { inLanguage } from '@tally/domain/localized-text';
import { useTranslation } from 'react-i18next';
import type { PollResult } from '../api/me-types';
import { percentOf } from '../i18n/format';
import { useLanguage } from '../ui/use-language';

/** A closed poll's counts per option, each with a bar, and how many of those asked voted. */
export function PollResultsView({ result }: { result: PollResult }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const most = Math.max(1, ...result.options.map((option) => option.votes));
  return (
    <div className="stack" data-testid="poll-results">
      <h3>{t('votes.results')}</h3>
      <ul className="plain-list results">
        {result.options.map((option) => (
          <li key={option.id}>
            <span className="result-line">
              <span>{inLanguage(option.text, language)}</span>
              <strong>{t('votes.votes', { count: option.votes })}</strong>
            </span>
            <span className="progress" aria-hidden="true">
              <span
                className="progress-fill"
                style={{ width: `${percentOf(option.votes, most)}%` }}
              />
            </span>
          </li>
        ))}
      </ul>
      <p className="muted">
        {t('votes.turnout', { voters: result.voters, eligible: result.eligible })}
      </p>
    </div>
  );
}
