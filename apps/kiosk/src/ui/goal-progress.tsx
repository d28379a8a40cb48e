import { inLanguage } from '@tally/domain/localized-text';
import { useTranslation } from 'react-i18next';
import type { GoalProgress as Goal } from '../api/kiosk-client';
import { formatPercent } from '../i18n/format';
import { ProgressBar } from './progress-bar';
import { useLanguage } from './use-language';

/** A goal's title, its bar, and "1,234 of 3,000 points · 41%". */
export function GoalProgress({
  goal,
  raised = goal.raisedPoints,
  adding = 0,
  caption,
}: {
  goal: Pick<Goal, 'title' | 'targetPoints' | 'raisedPoints'>;
  raised?: number;
  adding?: number;
  /** A line above the bar, e.g. "Now" or "After your gift". */
  caption?: string;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const title = inLanguage(goal.title, language);
  const total = raised + adding;
  return (
    <div className="goal-progress">
      {caption ? <p className="goal-caption">{caption}</p> : <p className="goal-title">{title}</p>}
      <ProgressBar
        raised={raised}
        target={goal.targetPoints}
        adding={adding}
        label={caption ? `${title} · ${caption}` : title}
      />
      <p className="goal-figures">
        <span>{t('idle.goalProgress', { raised: total, target: goal.targetPoints })}</span>
        <span className="goal-percent">{formatPercent(total, goal.targetPoints, language)}</span>
      </p>
    </div>
  );
}
