import { inLanguage } from '@tally/domain/localized-text';
import { useTranslation } from 'react-i18next';
import type { GoalProgress } from '../api/me-types';
import { formatPercent, percentOf } from '../i18n/format';
import { useLanguage } from './use-language';

/** A goal's title, its bar and "1,200 of 3,000 points · 40%". */
export function GoalProgressView({ goal }: { goal: GoalProgress }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const title = inLanguage(goal.title, language);
  return (
    <div className="stack" style={{ gap: '0.4rem' }}>
      <h2>{title}</h2>
      <div
        className="progress"
        role="progressbar"
        aria-label={title}
        aria-valuemin={0}
        aria-valuemax={goal.targetPoints}
        aria-valuenow={Math.min(goal.raisedPoints, goal.targetPoints)}
      >
        <div
          className="progress-fill"
          style={{ width: `${percentOf(goal.raisedPoints, goal.targetPoints)}%` }}
        />
      </div>
      <p className="muted">
        {t('goals.progress', { raised: goal.raisedPoints, target: goal.targetPoints })} ·{' '}
        {formatPercent(goal.raisedPoints, goal.targetPoints, language)}
      </p>
    </div>
  );
}
