import { QrCode } from '@tally/client/qr-code';
import type { StaffActivity } from '@tally/domain/activities';
import type { LocalizedText } from '@tally/domain/localized-text';
import { useTranslation } from 'react-i18next';
import { useCategoryLabel } from '../../i18n/category-label';
import { useFormat } from '../../i18n/format';
import { useLocalizedName } from '../../i18n/localized-name';
import { useActivityWhen, useInviteWords } from './activity-labels';

export type ActivityLinks = { signUp: string; door: string };

/**
 * The activity on one A4 sheet for the noticeboard: what, when, where, who runs it and how many
 * places, with a QR code residents scan to sign up and one the leader's phone opens the door with.
 */
export function ActivityPosterSheet({
  activity,
  community,
  links,
}: {
  activity: StaffActivity;
  community: LocalizedText | null;
  links: ActivityLinks;
}) {
  const { t } = useTranslation();
  const inLanguage = useLocalizedName();
  const format = useFormat();
  const categoryLabel = useCategoryLabel();
  const when = useActivityWhen();
  const inviteWords = useInviteWords();
  const title = inLanguage(activity.title);
  const description = inLanguage(activity.description);
  const organization = inLanguage(activity.organization.name);
  const facts = [
    { key: 'when', label: t('activities.whenLabel'), value: when(activity) },
    { key: 'where', label: t('activities.place'), value: activity.place, asWritten: true },
    { key: 'organization', label: t('activities.organization'), value: organization },
    {
      key: 'places',
      label: t('activities.places'),
      value:
        activity.slots === null
          ? t('activities.poster.allWelcome')
          : activity.waitingList
            ? t('activities.slotsWithWaitingList', { slots: format.number(activity.slots) })
            : t('activities.slots', {
                count: activity.slots,
                formatted: format.number(activity.slots),
              }),
    },
    ...(activity.invite
      ? [{ key: 'invited', label: t('activities.invited'), value: inviteWords(activity.invite) }]
      : []),
    ...(activity.signUpOpensAt
      ? [
          {
            key: 'opens',
            label: t('activities.signUpOpens'),
            value: format.dateTime(activity.signUpOpensAt),
          },
        ]
      : []),
  ];
  return (
    <article className="activity-sheet" aria-label={t('activities.poster.label', { title })}>
      <div className="activity-sheet-page">
        <header>
          <p className="activity-sheet-eyebrow">
            {community ? <span translate="no">{inLanguage(community)}</span> : null}
            {community ? t('activities.separator') : null}
            {categoryLabel(activity.category)}
          </p>
          <h2 className="activity-sheet-title" translate="no">
            {title}
          </h2>
        </header>
        <dl className="activity-facts">
          {facts.map((fact) => (
            <div key={fact.key}>
              <dt>{fact.label}</dt>
              <dd translate={fact.asWritten ? 'no' : undefined}>{fact.value}</dd>
            </div>
          ))}
        </dl>
        {description ? (
          <p className="activity-sheet-description" translate="no">
            {description}
          </p>
        ) : null}
        <figure className="activity-sign-up-code">
          <QrCode text={links.signUp} label={t('activities.poster.signUpQr', { title })} />
          <figcaption>
            <strong>{t('activities.poster.signUp')}</strong>
            <span>{t('activities.poster.signUpHint', { organization })}</span>
          </figcaption>
        </figure>
        <footer className="activity-sheet-foot">
          <p>{t('activities.poster.bringCard')}</p>
          <figure className="activity-door-code">
            <QrCode text={links.door} label={t('activities.poster.doorQr', { title })} />
            <figcaption>
              <strong>{t('activities.poster.door')}</strong>
              <span>{t('activities.poster.doorHint')}</span>
            </figcaption>
          </figure>
        </footer>
      </div>
    </article>
  );
}
