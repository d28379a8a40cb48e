import type { StaffActivity } from '@tally/domain/activities';
import { useTranslation } from 'react-i18next';
import { useCategoryLabel } from '../../i18n/category-label';
import { useFormat } from '../../i18n/format';
import { useLocalizedName } from '../../i18n/localized-name';
import { useActivityWhen, useInviteWords } from './activity-labels';

/** An activity's terms as residents are told them, and who drafted it. */
export function ActivityTerms({ activity }: { activity: StaffActivity }) {
  const { t } = useTranslation();
  const inLanguage = useLocalizedName();
  const format = useFormat();
  const categoryLabel = useCategoryLabel();
  const when = useActivityWhen();
  const inviteWords = useInviteWords();
  const description = inLanguage(activity.description);
  return (
    <section className="card stack-small" aria-labelledby="activity-terms">
      <h2 id="activity-terms">{t('activities.terms')}</h2>
      <dl className="details">
        <dt>{t('activities.whenLabel')}</dt>
        <dd>{when(activity)}</dd>
        <dt>{t('activities.place')}</dt>
        <dd translate="no">{activity.place}</dd>
        <dt>{t('activities.organization')}</dt>
        <dd>{inLanguage(activity.organization.name)}</dd>
        <dt>{t('activities.category')}</dt>
        <dd>{categoryLabel(activity.category)}</dd>
        <dt>{t('activities.places')}</dt>
        <dd>
          {activity.slots === null
            ? t('activities.noLimit')
            : activity.waitingList
              ? t('activities.slotsWithWaitingList', { slots: format.number(activity.slots) })
              : t('activities.slots', {
                  count: activity.slots,
                  formatted: format.number(activity.slots),
                })}
        </dd>
        <dt>{t('activities.signUpOpens')}</dt>
        <dd>
          {activity.signUpOpensAt
            ? format.dateTime(activity.signUpOpensAt)
            : t('activities.opensOnPublish')}
        </dd>
        <dt>{t('activities.invited')}</dt>
        <dd>{inviteWords(activity.invite)}</dd>
        {description ? (
          <>
            <dt>{t('activities.descriptionLabel')}</dt>
            <dd translate="no" className="pre-wrap">
              {description}
            </dd>
          </>
        ) : null}
        <dt>{t('activities.createdBy')}</dt>
        <dd>
          {t('activities.byOn', {
            name: activity.createdBy.displayName,
            date: format.dateTime(activity.createdAt),
          })}
        </dd>
      </dl>
    </section>
  );
}
