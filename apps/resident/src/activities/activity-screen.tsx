import { inLanguage } from '@tally/domain/localized-text';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CancelSignUpResult, SignUpResult } from '../api/me-types';
import { useAction } from '../api/use-action';
import { useLoad } from '../api/use-load';
import type { ScreenProps } from '../routed-screen';
import { pathOf } from '../router/routes';
import { ScreenTitle } from '../ui/screen-title';
import { ActionProblem, Failure, Loading } from '../ui/status';
import { useLanguage } from '../ui/use-language';
import { ActivityFacts, activityStanding } from './activity-card';

/**
 * One activity, as the poster's QR code opens it (`/me/activities/<id>`): what, when, where, the
 * places left, and signing up or cancelling, with the reason in words when it cannot be done.
 */
export function ActivityScreen({ api, activityId }: ScreenProps & { activityId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const activity = useLoad(`activity:${activityId}`, () => api.activity.query({ activityId }));
  const signUp = useAction<SignUpResult>();
  const cancel = useAction<CancelSignUpResult>();
  const [asking, setAsking] = useState(false);
  const [said, setSaid] = useState<string | null>(null);

  const data = activity.data;
  if (!data) {
    return (
      <section className="stack">
        <ScreenTitle title={t('activities.details')} back={pathOf({ name: 'activities' })} />
        {activity.error != null ? (
          <Failure error={activity.error} onRetry={activity.reload} />
        ) : (
          <Loading />
        )}
      </section>
    );
  }
  const title = inLanguage(data.title, language);
  const description = inLanguage(data.description, language);

  const doSignUp = async () => {
    setSaid(null);
    const result = await signUp.run((idempotencyKey) =>
      api.signUp.mutate({ idempotencyKey, activityId }),
    );
    if (!result) return;
    setSaid(
      result.status === 'waitlisted' && result.waitingPosition !== null
        ? t('activities.waitingDone', { position: result.waitingPosition })
        : t('activities.signedUpDone'),
    );
    signUp.reset();
    activity.reload();
  };
  const doCancel = async () => {
    setSaid(null);
    const result = await cancel.run((idempotencyKey) =>
      api.cancelSignUp.mutate({ idempotencyKey, activityId }),
    );
    if (!result) return;
    setAsking(false);
    setSaid(t('activities.cancelledDone'));
    cancel.reset();
    activity.reload();
  };

  return (
    <section className="stack">
      <ScreenTitle title={title} back={pathOf({ name: 'activities' })} />
      <div className="card">
        <ActivityFacts activity={data} />
        {description && <p>{description}</p>}
        <p className={data.mySignUp ? 'tag' : 'field-label'} data-testid="activity-standing">
          {activityStanding(t, data, language)}
        </p>
        {data.status === 'cancelled' && data.cancelReason && (
          <p>{t('activities.reason', { reason: data.cancelReason })}</p>
        )}
      </div>
      {said && (
        <p className="notice notice-success" role="status">
          {said}
        </p>
      )}
      <ActionProblem state={signUp.state} />
      <ActionProblem state={cancel.state} />
      {data.canSignUp && (
        <button
          type="button"
          className="button button-primary button-wide"
          disabled={signUp.sending}
          onClick={doSignUp}
        >
          {signUp.sending
            ? t('common.sending')
            : data.joinsWaitingList
              ? t('activities.joinWaitingList')
              : t('activities.signUp')}
        </button>
      )}
      {data.canCancel && !asking && (
        <button
          type="button"
          className="button button-danger button-wide"
          onClick={() => setAsking(true)}
        >
          {t('activities.cancel')}
        </button>
      )}
      {data.canCancel && asking && (
        <section className="card" aria-labelledby="cancel-ask">
          <h2 id="cancel-ask">{t('activities.ask', { title })}</h2>
          <p>{t('activities.askHint')}</p>
          <div className="actions">
            <button
              type="button"
              className="button button-danger"
              disabled={cancel.sending}
              onClick={doCancel}
            >
              {t('activities.yes')}
            </button>
            <button type="button" className="button button-quiet" onClick={() => setAsking(false)}>
              {t('activities.no')}
            </button>
          </div>
        </section>
      )}
    </section>
  );
}
