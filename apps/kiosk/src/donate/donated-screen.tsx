import { inLanguage } from '@tally/domain/localized-text';
import { useTranslation } from 'react-i18next';
import type { Donated, GoalProgress as Goal } from '../api/kiosk-client';
import { GoalProgress } from '../ui/goal-progress';
import { CheckIcon } from '../ui/icons';
import { useLanguage } from '../ui/use-language';

/** The goal before and after the gift, as the service now has it. */
export function DonatedScreen({
  goal,
  gift,
  result,
  onDone,
}: {
  goal: Goal;
  gift: number;
  result: Donated;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const title = inLanguage(goal.title, language);
  const after = { ...goal, raisedPoints: result.goalRaised, targetPoints: result.goalTarget };
  return (
    <section className="donated" aria-labelledby="donated-title">
      <h1 id="donated-title">
        <CheckIcon className="icon icon-success" />
        {t('donate.thanksTitle')}
      </h1>
      <p className="lead">{t('donate.thanksText', { points: gift, goal: title })}</p>
      <div className="donated-bars">
        <GoalProgress goal={after} raised={result.goalRaised - gift} caption={t('donate.before')} />
        <GoalProgress goal={after} caption={t('donate.afterGift')} />
      </div>
      <p className="lead">{t('donate.nowHave', { points: result.pointsAfter })}</p>
      <div className="actions">
        <button type="button" className="button button-primary button-huge" onClick={onDone}>
          {t('donate.done')}
        </button>
      </div>
    </section>
  );
}
