import { describeApiError } from '@tally/client/api-error';
import {
  type AttendanceEntry,
  CHECK_IN_OPENS_MINUTES_BEFORE,
  type CheckInResult,
  type CheckOutResult,
  type StaffActivity,
} from '@tally/domain/activities';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'wouter';
import { useApi } from '../../api/api-context';
import { useApiMutation } from '../../api/queries';
import { useFormat } from '../../i18n/format';
import { useLocalizedName } from '../../i18n/localized-name';
import { PageHeader } from '../../ui/page-header';
import { ErrorNotice, Loading } from '../../ui/states';
import { useActivityWhen } from './activity-labels';
import { DoorArrivals } from './door-arrivals';
import { ACTIVITY_QUERIES, useActivity, useAttendance } from './use-activity';
import './activities.css';

/** Kiosks check residents in too: the door's list follows them this often. */
const FOLLOW_MS = 15_000;

type Outcome = { kind: 'in'; result: CheckInResult } | { kind: 'out'; result: CheckOutResult };

/**
 * The door of an activity, on the leader's phone: a card number typed, or typed by a card
 * reader (which ends with Enter, so Enter checks in), and a running list of who came.
 */
export function DoorPage() {
  const { id = '' } = useParams<{ id: string }>();
  const { t } = useTranslation();
  const inLanguage = useLocalizedName();
  const when = useActivityWhen();
  const activity = useActivity(id, { refetchInterval: FOLLOW_MS });
  const attendance = useAttendance(id, { refetchInterval: FOLLOW_MS });

  if (activity.isPending) return <Loading />;
  if (!activity.data) return <ErrorNotice error={activity.error} />;
  const current = activity.data;
  return (
    <div className="door stack">
      <PageHeader
        breadcrumb={
          <Link href={`/activities/${id}`}>
            ← <span translate="no">{inLanguage(current.title)}</span>
          </Link>
        }
        title={t('activities.door.title')}
        description={
          <>
            {when(current)}
            {t('activities.separator')}
            <span translate="no">{current.place}</span>
          </>
        }
      />
      <ErrorNotice error={attendance.error} />
      {current.status === 'published' ? (
        <DoorForm activity={current} entries={attendance.data?.entries ?? []} />
      ) : (
        <>
          <p className="notice notice-warning">{t(`activities.door.closed.${current.status}`)}</p>
          <DoorArrivals activity={current} entries={attendance.data?.entries ?? []} />
        </>
      )}
    </div>
  );
}

function DoorForm({
  activity,
  entries,
}: {
  activity: StaffActivity;
  entries: readonly AttendanceEntry[];
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const api = useApi();
  const field = useRef<HTMLInputElement>(null);
  const [card, setCard] = useState('');
  const [sent, setSent] = useState('');
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const done = (next: Outcome) => {
    setOutcome(next);
    setCard('');
    field.current?.focus();
  };
  const checkIn = useApiMutation(api.activities.checkIn.mutate, {
    invalidates: ACTIVITY_QUERIES,
    onSuccess: (result) => done({ kind: 'in', result }),
  });
  const checkOut = useApiMutation(api.activities.checkOut.mutate, {
    invalidates: ACTIVITY_QUERIES,
    onSuccess: (result) => done({ kind: 'out', result }),
  });
  const pending = checkIn.isPending || checkOut.isPending;
  const error = checkIn.error ?? checkOut.error;
  const send = (write: typeof checkIn | typeof checkOut, typed = card) => {
    const cardNumber = typed.trim();
    if (!cardNumber) {
      field.current?.focus();
      return;
    }
    setSent(cardNumber);
    setOutcome(null);
    checkIn.reset();
    checkOut.reset();
    write.mutate({ activityId: activity.id, cardNumber });
  };
  const opens = new Date(Date.parse(activity.startsAt) - CHECK_IN_OPENS_MINUTES_BEFORE * 60_000);

  return (
    <>
      <section className="card stack door-desk">
        {new Date() < opens ? (
          <p className="notice notice-warning">
            {t('activities.door.notYet', { time: format.dateTime(opens) })}
          </p>
        ) : null}
        <form
          className="stack"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            send(checkIn);
          }}
        >
          <div className="field">
            <label htmlFor="door-card" className="door-label">
              {t('activities.door.card')}
            </label>
            <input
              ref={field}
              id="door-card"
              className="input door-card mono"
              aria-describedby="door-card-hint"
              autoComplete="off"
              autoCapitalize="characters"
              autoCorrect="off"
              spellCheck={false}
              enterKeyHint="go"
              maxLength={64}
              value={card}
              onChange={(event) => setCard(event.target.value)}
            />
            <span id="door-card-hint" className="field-hint">
              {t('activities.door.cardHint')}
            </span>
          </div>
          <div className="door-buttons">
            <button type="submit" className="button button-primary" disabled={pending}>
              {t('activities.door.checkIn')}
            </button>
            <button
              type="button"
              className="button"
              disabled={pending}
              onClick={() => send(checkOut)}
            >
              {t('activities.door.checkOut')}
            </button>
          </div>
        </form>
        <div role="status" aria-live="polite" className="door-outcome">
          {outcome ? <OutcomeLine outcome={outcome} /> : null}
        </div>
        {error ? <DoorError error={error} card={sent} /> : null}
      </section>
      <DoorArrivals
        activity={activity}
        entries={entries}
        onCheckOut={(cardNumber) => send(checkOut, cardNumber)}
        pending={pending}
      />
    </>
  );
}

/** What the door just did, at the time the list below shows too (the reader's clock). */
function OutcomeLine({ outcome }: { outcome: Outcome }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (outcome.kind === 'in') {
    const { displayName: name, checkedInAt, walkIn, alreadyCheckedIn } = outcome.result;
    const time = format.time(checkedInAt);
    const key = alreadyCheckedIn
      ? 'activities.door.alreadyIn'
      : walkIn
        ? 'activities.door.inWalkIn'
        : 'activities.door.in';
    return <p className="notice notice-success door-result">{t(key, { name, time })}</p>;
  }
  const { displayName: name, checkedOutAt, minutes, alreadyCheckedOut } = outcome.result;
  const time = format.time(checkedOutAt);
  return (
    <p className="notice notice-success door-result">
      {t(alreadyCheckedOut ? 'activities.door.alreadyOut' : 'activities.door.out', {
        name,
        time,
        minutes: t('activities.minutesValue', { count: minutes }),
      })}
    </p>
  );
}

/** A card nobody holds is said as such; other refusals as the app says them everywhere. */
function DoorError({ error, card }: { error: unknown; card: string }) {
  const { t } = useTranslation();
  if (describeApiError(error).code === 'NOT_FOUND') {
    return (
      <p className="notice notice-danger" role="alert">
        {t('activities.door.unknownCard', { card })}
      </p>
    );
  }
  return <ErrorNotice error={error} />;
}
