import type { Kiosk } from '@tally/domain/kiosks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { useLocalizedName } from '../../i18n/localized-name';
import { FormDialog } from '../../ui/dialog';
import { Field } from '../../ui/field';
import { Empty, Loading } from '../../ui/states';
import { useToast } from '../../ui/toast';
import { useActivityWhen } from '../activities/activity-labels';

/**
 * Switches a kiosk into activity mode: it stands at one published activity's door and checks
 * residents in by card (closing or cancelling the activity switches it back).
 */
export function ActivityModeDialog({ kiosk, onClose }: { kiosk: Kiosk; onClose: () => void }) {
  const { t } = useTranslation();
  const inLanguage = useLocalizedName();
  const when = useActivityWhen();
  const api = useApi();
  const toast = useToast();
  const [activityId, setActivityId] = useState(kiosk.activity?.id ?? '');
  const [tried, setTried] = useState(false);
  const published = useApiQuery(
    'activities.list',
    { status: 'published', limit: 100 },
    api.activities.list.query,
  );
  // Soonest first: the kiosk is wanted at the door that opens next.
  const choices = [...(published.data?.items ?? [])]
    .filter((activity) => Date.parse(activity.endsAt) > Date.now())
    .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
  const switchMode = useApiMutation(api.kiosks.setActivityMode.mutate, {
    invalidates: ['kiosks.list'],
    onSuccess: (changed) => {
      toast(
        t('kiosks.activityModeOn', {
          name: changed.name,
          title: changed.activity ? inLanguage(changed.activity.title) : '',
        }),
      );
      onClose();
    },
  });
  return (
    <FormDialog
      id="activity-mode"
      open
      onClose={onClose}
      title={t('kiosks.activityModeTitle', { name: kiosk.name })}
      submitLabel={t('kiosks.activityModeSubmit')}
      pending={switchMode.isPending}
      error={switchMode.error}
      onSubmit={() => {
        setTried(true);
        if (activityId) switchMode.mutate({ kioskId: kiosk.id, activityId });
      }}
    >
      <p className="muted">{t('kiosks.activityModeExplain')}</p>
      {published.isPending ? (
        <Loading />
      ) : choices.length === 0 ? (
        <Empty>{t('kiosks.noPublishedActivities')}</Empty>
      ) : (
        <Field
          label={t('kiosks.activity')}
          error={tried && !activityId ? t('kiosks.chooseActivityError') : undefined}
        >
          {(control) => (
            <select
              {...control}
              className="select"
              value={activityId}
              onChange={(event) => setActivityId(event.target.value)}
            >
              <option value="">{t('kiosks.chooseActivity')}</option>
              {choices.map((activity) => (
                <option key={activity.id} value={activity.id}>
                  {t('kiosks.activityChoice', {
                    title: inLanguage(activity.title),
                    when: when(activity),
                  })}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
    </FormDialog>
  );
}
