import './donate.css';
import { describeApiError } from '@tally/client/api-error';
import { formatNumber } from '@tally/client/format';
import { inLanguage } from '@tally/domain/localized-text';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GoalProgress as Goal, KioskApi } from '../api/kiosk-client';
import { useLoad } from '../api/use-load';
import { errorText } from '../ui/error-text';
import { GoalProgress } from '../ui/goal-progress';
import { NextIcon } from '../ui/icons';
import { Stepper } from '../ui/stepper';
import { useLanguage } from '../ui/use-language';

const PRESETS = [10, 20, 50, 100];
const STEP = 10;

/** Choose a goal and an amount; the bar shows what the gift would add before anything is taken. */
export function DonateScreen({
  api,
  points,
  onContinue,
}: {
  api: KioskApi;
  points: number;
  onContinue: (goal: Goal, points: number) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const goals = useLoad('goals', () => api.goals.query());
  const [chosenId, setChosenId] = useState<string | null>(null);
  const [amount, setAmount] = useState(Math.min(STEP, points));
  const open = goals.data ?? [];
  const goal = open.find((g) => g.id === chosenId) ?? open[0];

  return (
    <section className="donate" aria-labelledby="donate-title">
      <h1 id="donate-title">{t('donate.title')}</h1>
      {goals.loading && !goals.data && <p className="lead">{t('common.loading')}</p>}
      {goals.error != null && !goals.data && (
        <p className="notice notice-error">{errorText(t, describeApiError(goals.error))}</p>
      )}
      {goals.data && open.length === 0 && <p className="lead">{t('donate.none')}</p>}
      {goal && (
        <div className="donate-layout">
          <fieldset className="goal-choices">
            <legend className="field-label">{t('donate.chooseGoal')}</legend>
            {open.slice(0, 3).map((g) => (
              <button
                key={g.id}
                type="button"
                className="goal-choice"
                aria-pressed={g.id === goal.id}
                onClick={() => setChosenId(g.id)}
              >
                <GoalProgress goal={g} />
                <span className="goal-description">{inLanguage(g.description, language)}</span>
              </button>
            ))}
          </fieldset>
          <div className="donate-amount">
            <p className="field-label">{t('donate.amount')}</p>
            <p className="lead">{t('donate.youHave', { points })}</p>
            <div className="presets">
              {PRESETS.map((preset) => (
                <button
                  key={preset}
                  type="button"
                  className="button button-secondary preset"
                  aria-pressed={amount === preset}
                  disabled={preset > points}
                  onClick={() => setAmount(preset)}
                >
                  {formatNumber(preset, language)}
                </button>
              ))}
            </div>
            <Stepper
              value={amount}
              min={Math.min(1, points)}
              max={points}
              step={STEP}
              onChange={setAmount}
              label={t('donate.amount')}
              fewerLabel={t('donate.fewer')}
              moreLabel={t('donate.more')}
              disabled={points < 1}
              format={(value) => t('common.points', { count: value })}
            />
            <GoalProgress goal={goal} adding={amount} caption={t('donate.afterGift')} />
            <button
              type="button"
              className="button button-primary button-huge"
              disabled={amount < 1}
              onClick={() => onContinue(goal, amount)}
            >
              {t('donate.continue')}
              <NextIcon />
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
