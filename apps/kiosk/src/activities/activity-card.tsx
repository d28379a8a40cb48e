import { formatShortDate } from '@tally/client/format';
import { inLanguage } from '@tally/domain/localized-text';
import { useTranslation } from 'react-i18next';
import type { KioskActivity, KioskApi, SignedUp } from '../api/kiosk-client';
import { useConfirmedWrite } from '../api/use-confirmed-write';
import { useHoldIdle } from '../session/idle-hold';
import { CheckIcon } from '../ui/icons';
import { useLanguage } from '../ui/use-language';
import { WriteStatus } from '../ui/write-status';
import { ActivityFacts } from './activity-facts';
import { placesText, whyNotText } from './activity-words';

/**
 * One upcoming activity: what, when, where, how many places are left, and either one large
 * "Sign up" or, in words, why not. Signing up is sent once under one idempotency key, like a
 * redemption; it can be cancelled under "My activities" until the activity starts.
 */
export function ActivityCard({
  api,
  activity,
  onSignedUp,
}: {
  api: KioskApi;
  activity: KioskActivity;
  onSignedUp: (activity: KioskActivity, result: SignedUp) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const write = useConfirmedWrite<{ activityId: string }, SignedUp>(
    (input, signal) => api.signUp.mutate(input, { signal }),
    { onDone: (result) => onSignedUp(activity, result) },
  );
  useHoldIdle(write.state.status === 'sending');
  const titleId = `activity-${activity.id}`;
  const reason = whyNotText(t, activity, language);
  const mine = activity.whyNot === 'ALREADY_SIGNED_UP';

  return (
    <li className="activity-card" aria-labelledby={titleId}>
      <h2 id={titleId}>{inLanguage(activity.title, language)}</h2>
      <div className="activity-body">
        <div className="activity-about">
          <ActivityFacts activity={activity} />
          <p className="activity-places">{placesText(t, activity)}</p>
          {activity.campaign && (
            <p className="activity-bonus">
              {t('activities.bonus', {
                percent: activity.campaign.bonusPercent,
                to: formatShortDate(`${activity.campaign.to}T12:00:00Z`, language),
              })}
            </p>
          )}
        </div>
        <div className="activity-action">
          {activity.canSignUp ? (
            <button
              type="button"
              className="button button-primary button-large"
              disabled={write.state.status === 'sending'}
              onClick={() => write.confirm({ activityId: activity.id })}
            >
              {write.state.status === 'unreachable'
                ? t('common.tryAgain')
                : activity.joinsWaitingList
                  ? t('activities.joinWaitingList')
                  : t('activities.signUp')}
            </button>
          ) : (
            <p className={`activity-reason${mine ? ' activity-reason-mine' : ''}`}>
              {mine && <CheckIcon />}
              {reason}
            </p>
          )}
        </div>
      </div>
      {write.state.status !== 'ready' && <WriteStatus state={write.state} />}
    </li>
  );
}
