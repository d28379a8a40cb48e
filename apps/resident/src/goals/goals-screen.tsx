import { inLanguage } from '@tally/domain/localized-text';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DonateOutput, GoalProgress } from '../api/me-types';
import { useAction } from '../api/use-action';
import { useLoad } from '../api/use-load';
import type { ScreenProps } from '../routed-screen';
import { pathOf } from '../router/routes';
import { GoalProgressView } from '../ui/goal-progress';
import { ScreenTitle } from '../ui/screen-title';
import { ActionProblem, Failure, Loading } from '../ui/status';
import { useLanguage } from '../ui/use-language';
import { quickAmounts, stepAmount } from './donate-amount';

type Step =
  | { name: 'list' }
  | { name: 'amount'; goal: GoalProgress }
  | { name: 'confirm'; goal: GoalProgress };

/** The community's open goals; giving points to one takes an amount by taps and a confirm. */
export function GoalsScreen({ api }: ScreenProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const goals = useLoad('goals', () => api.goals.query());
  const summary = useLoad('summary', () => api.summary.query());
  const [step, setStep] = useState<Step>({ name: 'list' });
  const [amount, setAmount] = useState(10);
  const action = useAction<DonateOutput>();
  const points = summary.data?.points ?? 0;

  if (action.state.status === 'done' && step.name === 'confirm') {
    const done = action.state.result;
    return (
      <section className="stack" aria-live="polite">
        <h1>{t('goals.thanksTitle')}</h1>
        <p>
          {t('goals.thanksText', {
            points: amount,
            goal: inLanguage(step.goal.title, language),
            left: done.pointsAfter,
          })}
        </p>
        <GoalProgressView
          goal={{ ...step.goal, raisedPoints: done.goalRaised, targetPoints: done.goalTarget }}
        />
        <button
          type="button"
          className="button button-primary"
          onClick={() => {
            action.reset();
            setStep({ name: 'list' });
            goals.reload();
            summary.reload();
          }}
        >
          {t('common.done')}
        </button>
      </section>
    );
  }

  if (step.name === 'amount' || step.name === 'confirm') {
    const { goal } = step;
    const back = () => {
      action.reset();
      setStep(step.name === 'confirm' ? { name: 'amount', goal } : { name: 'list' });
    };
    return (
      <section className="stack">
        <button
          type="button"
          className="button button-quiet"
          style={{ alignSelf: 'flex-start' }}
          onClick={back}
        >
          ‹ {t('common.back')}
        </button>
        <GoalProgressView goal={goal} />
        {step.name === 'amount' ? (
          <>
            <h1>{t('goals.amount')}</h1>
            <p className="muted">{t('goals.youHave', { points })}</p>
            <div className="actions">
              {quickAmounts(points).map((quick) => (
                <button
                  key={quick}
                  type="button"
                  className="button button-secondary"
                  aria-pressed={amount === quick}
                  onClick={() => setAmount(quick)}
                >
                  {t('common.points', { count: quick })}
                </button>
              ))}
            </div>
            <div className="stepper">
              <button
                type="button"
                className="button button-secondary"
                aria-label={t('goals.fewer')}
                onClick={() => setAmount(stepAmount(amount, -1, points))}
              >
                −
              </button>
              <output className="stepper-value" aria-live="polite">
                {amount}
              </output>
              <button
                type="button"
                className="button button-secondary"
                aria-label={t('goals.more')}
                onClick={() => setAmount(stepAmount(amount, 1, points))}
              >
                +
              </button>
            </div>
            <button
              type="button"
              className="button button-primary button-wide"
              disabled={amount < 1 || amount > points}
              onClick={() => setStep({ name: 'confirm', goal })}
            >
              {t('goals.continue')}
            </button>
          </>
        ) : (
          <>
            <h1>{t('goals.confirmTitle')}</h1>
            <p>
              {t('goals.confirmText', { points: amount, goal: inLanguage(goal.title, language) })}
            </p>
            <p>{t('goals.after', { points: points - amount })}</p>
            <ActionProblem state={action.state} />
            <button
              type="button"
              className="button button-primary button-wide"
              disabled={action.sending}
              onClick={() =>
                action.run((idempotencyKey) =>
                  api.donate.mutate({ idempotencyKey, goalId: goal.id, points: amount }),
                )
              }
            >
              {action.sending ? t('common.sending') : t('goals.confirm', { points: amount })}
            </button>
          </>
        )}
      </section>
    );
  }

  return (
    <section className="stack">
      <ScreenTitle title={t('goals.title')} back={pathOf({ name: 'home' })}>
        {summary.data && <p className="muted">{t('goals.youHave', { points })}</p>}
      </ScreenTitle>
      {!goals.data && goals.loading && <Loading />}
      {goals.error != null && !goals.data && <Failure error={goals.error} onRetry={goals.reload} />}
      {/* Without the balance, every Give button stays off: say why, with a way to try again. */}
      {summary.error != null && !summary.data && (
        <Failure error={summary.error} onRetry={summary.reload} />
      )}
      {goals.data?.length === 0 && <p className="muted">{t('goals.empty')}</p>}
      <ul className="list">
        {goals.data?.map((goal) => (
          <li key={goal.id} className="card">
            <GoalProgressView goal={goal} />
            {inLanguage(goal.description, language) && (
              <p>{inLanguage(goal.description, language)}</p>
            )}
            <button
              type="button"
              className="button button-secondary"
              disabled={points < 1}
              onClick={() => {
                setAmount(Math.min(10, points));
                setStep({ name: 'amount', goal });
              }}
            >
              {t('goals.give')}
            </button>
          </li>
        ))}
      </ul>
      {summary.data && points < 1 && goals.data?.length ? (
        <p className="muted">{t('goals.notEnough')}</p>
      ) : null}
    </section>
  );
}
