import { inLanguage } from '@tally/domain/localized-text';
import { useTranslation } from 'react-i18next';
import type { KioskActivity, SignedUp } from '../api/kiosk-client';
import { CheckIcon } from '../ui/icons';
import { useLanguage } from '../ui/use-language';
import { whenText } from './activity-words';

/**
 * The answer to "Sign up", in a sentence: a place on a given day, or a number on the waiting
 * list; then what happens at the door, and where to change one's mind.
 */
export function SignedUpScreen({
  activity,
  result,
  onMine,
  onDone,
}: {
  activity: KioskActivity;
  result: SignedUp;
  onMine: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const title = inLanguage(activity.title, language);
  const waiting = result.status === 'waitlisted';
  return (
    <section className="signed-up" aria-labelledby="signed-up-title">
      <h1 id="signed-up-title">
        <CheckIcon className="icon icon-success" />
        {waiting ? t('signedUp.waitingTitle') : t('signedUp.title')}
      </h1>
      <p className="signed-up-text">
        {waiting
          ? t('signedUp.waitingText', { title, position: result.waitingPosition ?? 1 })
          : t('signedUp.text', {
              title,
              when: whenText(t, activity, language, { relative: false }),
            })}
      </p>
      <dl className="signed-up-facts">
        <div>
          <dt>{t('signedUp.when')}</dt>
          <dd>{whenText(t, activity, language)}</dd>
        </div>
        <div>
          <dt>{t('signedUp.where')}</dt>
          <dd translate="no">{activity.place}</dd>
        </div>
        <div>
          <dt>{t('signedUp.organizer')}</dt>
          <dd>{inLanguage(activity.organizationName, language)}</dd>
        </div>
      </dl>
      <p className="lead">{t('signedUp.atTheDoor')}</p>
      <p className="lead">{t('signedUp.changeMind')}</p>
      <div className="actions">
        <button type="button" className="button button-secondary button-huge" onClick={onMine}>
          {t('signedUp.seeMine')}
        </button>
        <button type="button" className="button button-primary button-huge" onClick={onDone}>
          {t('signedUp.done')}
        </button>
      </div>
    </section>
  );
}
