import { formatShortDate } from '@tally/client/format';
import { inLanguage } from '@tally/domain/localized-text';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MyCorrection, MyServiceRecord } from '../api/me-types';
import { useAction } from '../api/use-action';
import { useLoad } from '../api/use-load';
import { formatDay } from '../i18n/format';
import { hoursText } from '../i18n/hours';
import type { ScreenProps } from '../routed-screen';
import { Link } from '../router/location';
import { pathOf } from '../router/routes';
import { MoreButton } from '../ui/more-button';
import { ScreenTitle } from '../ui/screen-title';
import { ActionProblem, Failure, Loading } from '../ui/status';
import { useLanguage } from '../ui/use-language';
import {
  type CorrectionChoice,
  choiceProblem,
  reasonChoices,
  sheetsFor,
  stepMinutes,
  toRequest,
} from './correction-choice';

/**
 * Asking for a correction by taps: a record whose hours are wrong (the right length with − and
 * +, and why), or a missing record named by its organization and sign-in sheet.
 */
export function NewCorrectionScreen({ api, recordId }: ScreenProps & { recordId: string | null }) {
  const { t } = useTranslation();
  const records = useLoad('records:correctable', () => api.records.query({ limit: 100 }));
  const correctable = (records.data?.items ?? []).filter((record) => record.correctable);
  const [choice, setChoice] = useState<CorrectionChoice | null>(null);
  const action = useAction<MyCorrection>();

  // A record named in the address (from "The hours are wrong" on it) is chosen already.
  const preset = recordId ? correctable.find((record) => record.id === recordId) : undefined;
  const current: CorrectionChoice | null =
    choice ??
    (preset ? { kind: 'wrong_hours', record: preset, minutes: preset.minutes, reason: '' } : null);

  if (action.state.status === 'done') {
    return (
      <section className="stack" aria-live="polite">
        <h1>{t('newCorrection.sentTitle')}</h1>
        <p>{t('newCorrection.sentText')}</p>
        <Link to={pathOf({ name: 'corrections' })} className="button button-primary">
          {t('newCorrection.seeCorrections')}
        </Link>
      </section>
    );
  }

  const problem = current ? choiceProblem(current) : null;
  const send = () => {
    if (!current || problem) return;
    void action.run((idempotencyKey) =>
      api.requestCorrection.mutate({ ...toRequest(current), idempotencyKey }),
    );
  };

  return (
    <section className="stack">
      <ScreenTitle title={t('newCorrection.title')} back={pathOf({ name: 'corrections' })} />
      <fieldset className="stack" style={{ border: 0, padding: 0, margin: 0 }}>
        <legend className="field-label">{t('newCorrection.whatWrong')}</legend>
        <div className="tabs">
          <button
            type="button"
            className="button button-secondary"
            aria-pressed={current?.kind === 'wrong_hours'}
            onClick={() => setChoice({ kind: 'wrong_hours', record: null, minutes: 0, reason: '' })}
          >
            {t('corrections.kind.wrong_hours')}
          </button>
          <button
            type="button"
            className="button button-secondary"
            aria-pressed={current?.kind === 'missing_record'}
            onClick={() =>
              setChoice({
                kind: 'missing_record',
                organizationId: undefined,
                activity: undefined,
                reason: '',
              })
            }
          >
            {t('corrections.kind.missing_record')}
          </button>
        </div>
      </fieldset>
      {current?.kind === 'wrong_hours' && (
        <WrongHours
          choice={current}
          records={correctable}
          loading={records.loading && !records.data}
          error={records.data ? null : records.error}
          onChange={setChoice}
        />
      )}
      {current?.kind === 'missing_record' && (
        <MissingRecord api={api} choice={current} onChange={setChoice} />
      )}
      {current && (
        <>
          <ReasonPicker choice={current} onChange={setChoice} />
          {problem && problem !== 'needReason' && (
            <p className="muted">{t(`newCorrection.problem.${problem}`)}</p>
          )}
          <ActionProblem state={action.state} />
          <button
            type="button"
            className="button button-primary button-wide"
            disabled={problem !== null || action.sending}
            onClick={send}
          >
            {action.sending ? t('common.sending') : t('newCorrection.send')}
          </button>
        </>
      )}
    </section>
  );
}

const SHEETS_AT_ONCE = 6;

type WrongHoursChoice = Extract<CorrectionChoice, { kind: 'wrong_hours' }>;
type MissingChoice = Extract<CorrectionChoice, { kind: 'missing_record' }>;

function WrongHours({
  choice,
  records,
  loading,
  error,
  onChange,
}: {
  choice: WrongHoursChoice;
  records: MyServiceRecord[];
  loading: boolean;
  error: unknown;
  onChange: (choice: CorrectionChoice) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { record } = choice;
  return (
    <>
      <h2>{t('newCorrection.pickRecord')}</h2>
      {loading && <Loading />}
      {error != null && <Failure error={error} />}
      {!loading && records.length === 0 && <p className="muted">{t('newCorrection.noRecords')}</p>}
      <div className="choices">
        {records.map((each) => (
          <button
            key={each.id}
            type="button"
            className="button button-secondary"
            aria-pressed={record?.id === each.id}
            onClick={() => onChange({ ...choice, record: each, minutes: each.minutes })}
          >
            <span>
              <span translate="no">{each.activity.title}</span> ·{' '}
              {formatDay(each.serviceDate, language)} · {hoursText(t, each.minutes, language)}
            </span>
          </button>
        ))}
      </div>
      {record && (
        <>
          <h2>{t('newCorrection.rightHours')}</h2>
          <p className="muted">
            {t('newCorrection.recorded', { hours: hoursText(t, record.minutes, language) })}
          </p>
          <div className="stepper">
            <button
              type="button"
              className="button button-secondary"
              aria-label={t('newCorrection.fewer')}
              onClick={() => onChange({ ...choice, minutes: stepMinutes(choice.minutes, -1) })}
            >
              −
            </button>
            <output className="stepper-value" aria-live="polite">
              {hoursText(t, choice.minutes, language)}
            </output>
            <button
              type="button"
              className="button button-secondary"
              aria-label={t('newCorrection.more')}
              onClick={() => onChange({ ...choice, minutes: stepMinutes(choice.minutes, 1) })}
            >
              +
            </button>
          </div>
        </>
      )}
    </>
  );
}

function MissingRecord({
  api,
  choice,
  onChange,
}: {
  api: ScreenProps['api'];
  choice: MissingChoice;
  onChange: (choice: CorrectionChoice) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const recent = useLoad('recentActivities', () => api.recentActivities.query());
  // Sixty days of sheets is a long list on a phone: the latest first, more on request.
  const [shown, setShown] = useState(SHEETS_AT_ONCE);
  if (!recent.data)
    return recent.error ? <Failure error={recent.error} onRetry={recent.reload} /> : <Loading />;
  const { organizations, activities } = recent.data;
  const sheets =
    choice.organizationId === undefined ? [] : sheetsFor(activities, choice.organizationId);
  const choose = (organizationId: string | null) => {
    setShown(SHEETS_AT_ONCE);
    onChange({ ...choice, organizationId, activity: undefined });
  };
  return (
    <>
      <h2>{t('newCorrection.organization')}</h2>
      <div className="choices">
        {organizations.map((organization) => (
          <button
            key={organization.id}
            type="button"
            className="button button-secondary"
            aria-pressed={choice.organizationId === organization.id}
            onClick={() => choose(organization.id)}
          >
            <span>
              {inLanguage(organization.name, language)}
              {organization.mine && <span className="muted"> · {t('newCorrection.mine')}</span>}
            </span>
          </button>
        ))}
        <button
          type="button"
          className="button button-secondary"
          aria-pressed={choice.organizationId === null}
          onClick={() => choose(null)}
        >
          {t('newCorrection.notSure')}
        </button>
      </div>
      {choice.organizationId !== undefined && (
        <>
          <h2>{t('newCorrection.activity')}</h2>
          {sheets.length === 0 && <p className="muted">{t('newCorrection.noneForOrganization')}</p>}
          <div className="choices">
            {sheets.slice(0, shown).map((sheet) => (
              <button
                key={`${sheet.organization.id}:${sheet.date}:${sheet.title}`}
                type="button"
                className="button button-secondary"
                aria-pressed={choice.activity === sheet}
                onClick={() => onChange({ ...choice, activity: sheet })}
              >
                <span>
                  <span translate="no">{sheet.title}</span> ·{' '}
                  {formatShortDate(`${sheet.date}T12:00:00Z`, language)}
                </span>
              </button>
            ))}
            {sheets.length > shown && (
              <MoreButton onClick={() => setShown(shown + SHEETS_AT_ONCE)} />
            )}
            <button
              type="button"
              className="button button-secondary"
              aria-pressed={choice.activity === null}
              onClick={() => onChange({ ...choice, activity: null })}
            >
              {t('newCorrection.notListed')}
            </button>
          </div>
        </>
      )}
    </>
  );
}

function ReasonPicker({
  choice,
  onChange,
}: {
  choice: CorrectionChoice;
  onChange: (choice: CorrectionChoice) => void;
}) {
  const { t } = useTranslation();
  if (choice.kind === 'missing_record' && choice.activity === undefined) return null;
  if (choice.kind === 'wrong_hours' && !choice.record) return null;
  const optional =
    choice.kind === 'missing_record' && Boolean(choice.organizationId && choice.activity);
  return (
    <>
      <h2>{optional ? t('newCorrection.whyOptional') : t('newCorrection.why')}</h2>
      <div className="choices">
        {reasonChoices[choice.kind].map((key) => {
          const words = t(`newCorrection.reasons.${key}`);
          return (
            <button
              key={key}
              type="button"
              className="button button-secondary"
              aria-pressed={choice.reason === words}
              onClick={() => onChange({ ...choice, reason: choice.reason === words ? '' : words })}
            >
              {words}
            </button>
          );
        })}
      </div>
    </>
  );
}
