import { inLanguage } from '@tally/domain/localized-text';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskActivity, KioskApi, SignUpCancelled } from '../api/kiosk-client';
import { useConfirmedWrite } from '../api/use-confirmed-write';
import { useHoldIdle } from '../session/idle-hold';
import { useLanguage } from '../ui/use-language';
import { WriteStatus } from '../ui/write-status';
import { ActivityFacts } from './activity-facts';
import { mySignUpText } from './activity-words';

/**
 * One of the resident's sign-ups: where they stand, and (until it starts) a way to give the
 * place up, asked twice because someone waiting may take it at once. An activity the
 * organizers cancelled says so plainly, with their reason as they wrote it.
 */
export function MyActivityCard({
  api,
  activity,
  onCancelled,
}: {
  api: KioskApi;
  activity: KioskActivity;
  onCancelled: (activity: KioskActivity) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [asking, setAsking] = useState(false);
  const write = useConfirmedWrite<{ activityId: string }, SignUpCancelled>(
    (input, signal) => api.cancelSignUp.mutate(input, { signal }),
    { onDone: () => onCancelled(activity) },
  );
  useHoldIdle(write.state.status === 'sending');
  const title = inLanguage(activity.title, language);
  const titleId = `my-activity-${activity.id}`;
  const cancelled = activity.status === 'cancelled';
  // The service lets a sign-up to a cancelled activity go too; here it would only confuse.
  const cancellable = activity.canCancel && activity.status === 'published';

  return (
    <li
      className={`activity-card${cancelled ? ' activity-cancelled' : ''}`}
      aria-labelledby={titleId}
    >
      <h2 id={titleId}>{title}</h2>
      <div className="activity-body">
        <div className="activity-about">
          <ActivityFacts activity={activity} />
          <p className="activity-standing">{mySignUpText(t, activity, language)}</p>
          {cancelled && activity.cancelReason && (
            <p className="activity-cancel-reason">
              {t('myActivities.reason', { reason: activity.cancelReason })}
            </p>
          )}
        </div>
        {cancellable && !asking && (
          <div className="activity-action">
            <button
              type="button"
              className="button button-secondary button-large"
              onClick={() => setAsking(true)}
            >
              {t('myActivities.cancel')}
            </button>
          </div>
        )}
      </div>
      {asking && (
        <fieldset className="activity-ask">
          <legend className="activity-ask-question">
            {t('myActivities.ask', { title })} {t('myActivities.askHint')}
          </legend>
          <div className="actions">
            <button
              type="button"
              className="button button-secondary button-large"
              disabled={write.state.status === 'sending'}
              onClick={() => setAsking(false)}
            >
              {t('myActivities.no')}
            </button>
            <button
              type="button"
              className="button button-primary button-large"
              disabled={write.state.status === 'sending'}
              onClick={() => write.confirm({ activityId: activity.id })}
            >
              {write.state.status === 'unreachable' ? t('common.tryAgain') : t('myActivities.yes')}
            </button>
          </div>
        </fieldset>
      )}
      {write.state.status !== 'ready' && <WriteStatus state={write.state} />}
    </li>
  );
}
