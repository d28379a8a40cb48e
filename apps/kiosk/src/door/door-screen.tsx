import './door.css';
import { inLanguage } from '@tally/domain/localized-text';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActivityFacts } from '../activities/activity-facts';
import type { CheckedIn, DoorActivity, KioskApi } from '../api/kiosk-client';
import { CardIcon } from '../ui/icons';
import { LanguageSwitch } from '../ui/language-switch';
import { Screen } from '../ui/screen';
import { useLanguage } from '../ui/use-language';
import { CheckedInPanel } from './checked-in-panel';
import { DoorCheckIn } from './door-check-in';

/** Long enough to read a name and a time, short enough not to hold up the queue. */
export const CONFIRMATION_MS = 6_000;

/**
 * A kiosk in activity mode keeps one activity's door: its title and time, and "Tap your card
 * or type your card number". Each check-in is confirmed in large type for a few seconds; the
 * next card tapped meanwhile is checked in at once. Residents who did not sign up are checked
 * in too (walk-ins are welcome).
 */
export function DoorScreen({
  api,
  activity,
  onChanged,
}: {
  api: KioskApi;
  activity: DoorActivity;
  /** Something changed at the door: a check-in (the count), or the office moved the kiosk. */
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [arrival, setArrival] = useState<CheckedIn | null>(null);
  // Each person gets a fresh entry: nothing the last one typed stays on screen.
  const [person, setPerson] = useState(0);
  const next = useCallback(() => setArrival(null), []);

  useEffect(() => {
    if (!arrival) return;
    const timer = setTimeout(next, CONFIRMATION_MS);
    return () => clearTimeout(timer);
  }, [arrival, next]);

  return (
    <Screen
      className="door-screen"
      top={
        <>
          <p className="brand">
            <span className="brand-mark" aria-hidden="true">
              T
            </span>
            <span className="brand-name">{t('door.label')}</span>
          </p>
          <LanguageSwitch />
        </>
      }
    >
      <div className="door-layout" inert={arrival !== null}>
        <section className="door-activity" aria-labelledby="door-title">
          <h1 id="door-title">{inLanguage(activity.title, language)}</h1>
          <ActivityFacts activity={activity} />
          <p className="door-count">{t('door.checkedInSoFar', { count: activity.checkedIn })}</p>
          <p className="door-prompt">
            <CardIcon className="icon door-prompt-icon" />
            {t('door.prompt')}
          </p>
        </section>
        <DoorCheckIn
          key={person}
          api={api}
          activityId={activity.id}
          onStart={next}
          onCheckedIn={(result) => {
            setArrival(result);
            setPerson((n) => n + 1);
            onChanged();
          }}
          onRefusedHere={onChanged}
        />
      </div>
      {arrival && <CheckedInPanel arrival={arrival} onNext={next} />}
    </Screen>
  );
}
