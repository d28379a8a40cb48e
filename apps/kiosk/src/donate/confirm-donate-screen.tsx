import { inLanguage } from '@tally/domain/localized-text';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Donated, GoalProgress as Goal, KioskApi } from '../api/kiosk-client';
import { useConfirmedWrite } from '../api/use-confirmed-write';
import { useHoldIdle } from '../session/idle-hold';
import { GoalProgress } from '../ui/goal-progress';
import { BackIcon } from '../ui/icons';
import { useLanguage } from '../ui/use-language';
import { WriteStatus } from '../ui/write-status';

/** The gift spelled out, the goal now and after it, and one button that gives it once. */
export function ConfirmDonateScreen({
  api,
  goal,
  gift,
  points,
  onBack,
  onDone,
}: {
  api: KioskApi;
  goal: Goal;
  gift: number;
  points: number;
  onBack: () => void;
  onDone: (result: Donated) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const send = useCallback(
    (input: { goalId: string; points: number; idempotencyKey: string }, signal: AbortSignal) =>
      api.donate.mutate(input, { signal }),
    [api],
  );
  const { state, confirm } = useConfirmedWrite<{ goalId: string; points: number }, Donated>(send, {
    onDone,
  });
  useHoldIdle(state.status === 'sending');
  const title = inLanguage(goal.title, language);

  return (
    <section className="confirm" aria-labelledby="confirm-donate-title">
      <h1 id="confirm-donate-title">{t('donate.confirmTitle')}</h1>
      <div className="confirm-layout">
        <div className="confirm-goal">
          <p className="confirm-name">{title}</p>
          <GoalProgress goal={goal} caption={t('donate.now')} />
          <GoalProgress goal={goal} adding={gift} caption={t('donate.afterGift')} />
        </div>
        <div className="confirm-details">
          <div className="summary">
            <p className="summary-take">{t('donate.confirmText', { points: gift, goal: title })}</p>
            <p>{t('donate.after', { points: points - gift })}</p>
          </div>
          <WriteStatus state={state} />
          <div className="actions">
            <button
              type="button"
              className="button button-secondary button-large"
              onClick={onBack}
              disabled={state.status === 'sending'}
            >
              <BackIcon />
              {t('common.back')}
            </button>
            <button
              type="button"
              className="button button-primary button-huge"
              disabled={state.status === 'sending'}
              onClick={() => confirm({ goalId: goal.id, points: gift })}
            >
              {state.status === 'unreachable'
                ? t('common.tryAgain')
                : t('donate.give', { points: gift })}
            </button>
          </div>
        </div>
      </div>
    </section>
  );
}
