import { formatShortDate } from '@tally/client/format';
import { inLanguage, type LocalizedText } from '@tally/domain/localized-text';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  CorrectionRequest,
  KioskApi,
  MyCorrection,
  RecentActivity,
} from '../api/kiosk-client';
import { useConfirmedWrite } from '../api/use-confirmed-write';
import { useLoad } from '../api/use-load';
import { useHoldIdle } from '../session/idle-hold';
import { CalendarKeypad } from '../ui/calendar-keypad';
import { BackIcon } from '../ui/icons';
import { useLanguage } from '../ui/use-language';
import { WriteStatus } from '../ui/write-status';
import { reasonChoices } from './correction-form';

type Send = Omit<CorrectionRequest, 'idempotencyKey'>;
type Step = 'organization' | 'day' | 'activity' | 'check';
const STEPS: Step[] = ['organization', 'day', 'activity', 'check'];

/** What the resident has tapped; `undefined` is "not chosen yet", `null` is "not in the list". */
type Picked = {
  organization?: { id: string; name: LocalizedText } | null;
  day?: string;
  activity?: string | null;
  reason: string;
};

/** The request as the service takes it: only what was picked, the reason only if one was. */
export function toMissingRequest(picked: Picked): Send {
  return {
    kind: 'missing_record',
    reason: picked.reason,
    ...(picked.organization ? { organizationId: picked.organization.id } : {}),
    ...(picked.day ? { serviceDate: picked.day } : {}),
    ...(picked.activity ? { activityTitle: picked.activity } : {}),
  };
}

/** Without an organization and a day or activity, the office needs a reason to go on. */
export function needsReason(picked: Picked): boolean {
  return !(picked.organization && (picked.day || picked.activity));
}

/**
 * A missing record, named by taps alone: the organization, the day on a calendar, the activity
 * from that organization's recent sign-in sheets, then a one-tap reason if the resident wants.
 */
export function MissingRecordScreen({
  api,
  onBack,
  onDone,
}: {
  api: KioskApi;
  onBack: () => void;
  onDone: (result: MyCorrection) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const recent = useLoad('recent-activities', () => api.recentActivities.query());
  const [step, setStep] = useState<Step>('organization');
  const [picked, setPicked] = useState<Picked>({ reason: '' });
  const send = useCallback(
    (input: CorrectionRequest, signal: AbortSignal) =>
      api.requestCorrection.mutate(input, { signal }),
    [api],
  );
  const { state, confirm, locked } = useConfirmedWrite<Send, MyCorrection>(send, { onDone });
  useHoldIdle(state.status === 'sending');

  const organizationId = picked.organization?.id ?? null;
  const sheets = useMemo(
    () =>
      (recent.data?.activities ?? []).filter(
        (sheet) => organizationId === null || sheet.organization.id === organizationId,
      ),
    [recent.data, organizationId],
  );
  const stepBack = () => {
    const index = STEPS.indexOf(step);
    if (index === 0) onBack();
    else setStep(STEPS[index - 1] ?? 'organization');
  };
  const day = (iso: string) => formatShortDate(`${iso}T12:00:00Z`, language);
  const name = (text: LocalizedText) => inLanguage(text, language);
  const orgName = picked.organization ? name(picked.organization.name) : '';

  return (
    <section className="correction missing-record" aria-labelledby="missing-title">
      <p className="step-label">
        {t('missing.step', { step: STEPS.indexOf(step) + 1, steps: STEPS.length })}
      </p>
      {step === 'organization' && (
        <>
          <h1 id="missing-title">{t('missing.organizationTitle')}</h1>
          {recent.loading && !recent.data && <p className="lead">{t('common.loading')}</p>}
          <div className="pick-grid">
            {recent.data?.organizations.map((organization) => (
              <button
                key={organization.id}
                type="button"
                className="button button-quiet choice pick"
                onClick={() => {
                  setPicked({ ...picked, organization, activity: undefined });
                  setStep('day');
                }}
              >
                {name(organization.name)}
                {organization.mine && <span className="pick-note">{t('missing.mine')}</span>}
              </button>
            ))}
            {/* Offered with the list, never alone while it loads (a quick tap would take it). */}
            {recent.data && (
              <button
                type="button"
                className="button button-quiet choice pick"
                onClick={() => {
                  setPicked({ ...picked, organization: null, activity: undefined });
                  setStep('day');
                }}
              >
                {t('missing.organizationUnknown')}
              </button>
            )}
          </div>
        </>
      )}
      {step === 'day' && recent.data && (
        <>
          <h1 id="missing-title">{t('missing.dayTitle')}</h1>
          <p className="lead">
            {organizationId ? t('missing.dayHint', { organization: orgName }) : ''}
          </p>
          <CalendarKeypad
            from={recent.data.from}
            to={recent.data.to}
            value={picked.day ?? null}
            marked={new Set(sheets.map((sheet) => sheet.date))}
            markedLabel={t('missing.hasSheet')}
            onPick={(picking) => {
              setPicked({ ...picked, day: picking, activity: undefined });
              setStep('activity');
            }}
          />
        </>
      )}
      {step === 'activity' && (
        <ActivityStep
          sheets={sheets}
          day={picked.day ?? null}
          onPick={(sheet) => {
            setPicked({
              ...picked,
              activity: sheet ? sheet.title : null,
              ...(sheet ? { day: sheet.date } : {}),
            });
            setStep('check');
          }}
        />
      )}
      {step === 'check' && (
        <>
          <h1 id="missing-title">{t('service.checkTitle')}</h1>
          <div className="summary correction-summary">
            <p className="summary-take">{t('service.checkMissing')}</p>
            <dl className="missing-facts">
              <dt>{t('missing.organization')}</dt>
              <dd>{orgName || t('missing.notSure')}</dd>
              <dt>{t('missing.day')}</dt>
              <dd>{picked.day ? day(picked.day) : t('missing.notSure')}</dd>
              <dt>{t('missing.activity')}</dt>
              <dd>
                {picked.activity ? (
                  <span translate="no">{picked.activity}</span>
                ) : (
                  t('missing.notSure')
                )}
              </dd>
            </dl>
          </div>
          <fieldset className="choice-group choice-row">
            <legend>
              {needsReason(picked) ? t('missing.reasonNeeded') : t('missing.reasonOptional')}
            </legend>
            {reasonChoices.missing_record.map((choice) => {
              const text = t(`service.reasons.${choice}`);
              return (
                <button
                  key={choice}
                  type="button"
                  className="button button-quiet choice"
                  aria-pressed={picked.reason === text}
                  disabled={locked}
                  onClick={() =>
                    setPicked({ ...picked, reason: picked.reason === text ? '' : text })
                  }
                >
                  {text}
                </button>
              );
            })}
          </fieldset>
          <WriteStatus state={state} />
        </>
      )}
      <div className="actions">
        <button
          type="button"
          className="button button-secondary button-large"
          onClick={stepBack}
          disabled={locked}
        >
          <BackIcon />
          {t('common.back')}
        </button>
        {step === 'check' && (
          <button
            type="button"
            className="button button-primary button-huge"
            disabled={state.status === 'sending' || (needsReason(picked) && !picked.reason)}
            onClick={() => confirm(toMissingRequest(picked))}
          >
            {state.status === 'unreachable' ? t('common.tryAgain') : t('service.send')}
          </button>
        )}
      </div>
    </section>
  );
}

/** The organization's sheets on the day picked first, then its other recent ones. */
function ActivityStep({
  sheets,
  day,
  onPick,
}: {
  sheets: RecentActivity[];
  day: string | null;
  onPick: (sheet: RecentActivity | null) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const onDay = sheets.filter((sheet) => sheet.date === day);
  const others = sheets.filter((sheet) => sheet.date !== day).slice(0, 6);
  const button = (sheet: RecentActivity) => (
    <button
      key={`${sheet.organization.id}:${sheet.date}:${sheet.title}`}
      type="button"
      className="button button-quiet choice pick"
      onClick={() => onPick(sheet)}
    >
      <span translate="no">{sheet.title}</span>
      <span className="pick-note">
        {formatShortDate(`${sheet.date}T12:00:00Z`, language)} ·{' '}
        {inLanguage(sheet.organization.name, language)}
      </span>
    </button>
  );
  return (
    <>
      <h1 id="missing-title">{t('missing.activityTitle')}</h1>
      {onDay.length === 0 && <p className="lead">{t('missing.noSheetThatDay')}</p>}
      <div className="pick-grid">{onDay.map(button)}</div>
      {others.length > 0 && (
        <>
          <h2 className="field-label">{t('missing.otherDays')}</h2>
          <div className="pick-grid">{others.map(button)}</div>
        </>
      )}
      <div className="pick-grid">
        <button
          type="button"
          className="button button-quiet choice pick"
          onClick={() => onPick(null)}
        >
          {t('missing.notListed')}
        </button>
      </div>
    </>
  );
}
