import type { HelpKind } from '@tally/domain/timebank';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HelpRequestOutput } from '../api/me-types';
import { useAction } from '../api/use-action';
import { formatTime } from '../i18n/format';
import type { ScreenProps } from '../routed-screen';
import { Link } from '../router/location';
import { pathOf } from '../router/routes';
import { ChoiceGroup } from '../ui/choice-group';
import { NamedText } from '../ui/named-text';
import { ScreenTitle } from '../ui/screen-title';
import { ActionProblem } from '../ui/status';
import { useLanguage } from '../ui/use-language';
import {
  type DayPart,
  dayParts,
  durationText,
  estimateChoices,
  HELPERS_MAX,
  helpKindLabel,
  helpKinds,
  isOver,
  momentOf,
  type WhenDay,
  whenDays,
} from './timebank-words';

type When = { day: WhenDay; part: DayPart | null } | null;

/** One helper, or as many as a request may ask for. */
const helperCounts = Array.from({ length: HELPERS_MAX }, (_, index) => index + 1);

/**
 * Asking for help by taps: what, when (a day and a part of it, or any time), how long, how
 * many helpers; a few words and the exact place typed only if the resident likes. A family
 * member acting for an elder asks in the elder's name.
 */
export function AskHelpScreen({ api, session }: ScreenProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [kind, setKind] = useState<HelpKind | null>(null);
  const [description, setDescription] = useState('');
  const [when, setWhen] = useState<When>(null);
  const [place, setPlace] = useState('');
  const [minutes, setMinutes] = useState(60);
  const [helpers, setHelpers] = useState(1);
  const [showOnBoard, setShowOnBoard] = useState(false);
  const [problem, setProblem] = useState<'needKind' | 'needPart' | null>(null);
  const action = useAction<HelpRequestOutput>();
  const [now] = useState(() => new Date());

  if (action.state.status === 'done')
    return (
      <section className="stack" aria-live="polite">
        <h1>{t('timebank.askedTitle')}</h1>
        <p>{t('timebank.askedText')}</p>
        <Link to={pathOf({ name: 'myHelpRequests' })} className="button button-primary button-wide">
          {t('timebank.seeMine')}
        </Link>
      </section>
    );

  const send = () => {
    if (!kind) return setProblem('needKind');
    if (when && !when.part) return setProblem('needPart');
    const moment = when?.part ? momentOf(when.day, when.part, now).toISOString() : null;
    void action.run((idempotencyKey) =>
      api.timebank.request.mutate({
        idempotencyKey,
        kind,
        description: description.trim(),
        ...(moment ? { when: moment } : {}),
        ...(place.trim() ? { place: place.trim() } : {}),
        minutesEstimate: minutes,
        helpersNeeded: helpers,
        showOnBoard,
      }),
    );
  };

  const actingFor = session.asProxy ? session.actingFor?.displayName : null;
  return (
    <section className="stack">
      <ScreenTitle title={t('timebank.askTitle')} back={pathOf({ name: 'helpRequests' })}>
        <p className="muted">{t('timebank.askIntro')}</p>
      </ScreenTitle>
      {actingFor && (
        <p className="notice notice-info">
          <NamedText text={t('timebank.askFor', { name: actingFor })} names={[actingFor]} />
        </p>
      )}
      <ChoiceGroup
        legend={t('timebank.askKind')}
        choices={helpKinds}
        chosen={kind}
        labelOf={(candidate) => helpKindLabel(t, candidate)}
        onChoose={(candidate) => {
          setKind(candidate);
          setProblem(null);
        }}
      />
      <label className="field">
        <span className="field-label">{t('timebank.askDescription')}</span>
        <textarea
          rows={3}
          maxLength={500}
          value={description}
          onChange={(event) => setDescription(event.target.value)}
        />
      </label>
      <fieldset className="stack bare">
        <legend className="field-label">{t('timebank.askWhen')}</legend>
        <div className="tabs">
          <button
            type="button"
            className="button button-secondary"
            aria-pressed={when === null}
            onClick={() => {
              setWhen(null);
              setProblem(null);
            }}
          >
            {t('timebank.noSetTime')}
          </button>
          {whenDays.map((day) => (
            <button
              key={day}
              type="button"
              className="button button-secondary"
              aria-pressed={when?.day === day}
              onClick={() => setWhen({ day, part: null })}
            >
              {t(`timebank.days.${day}`)}
            </button>
          ))}
        </div>
      </fieldset>
      {when && (
        <fieldset className="stack bare">
          <legend className="field-label">{t('timebank.dayPart')}</legend>
          <div className="choices">
            {(Object.keys(dayParts) as DayPart[]).map((part) => (
              <button
                key={part}
                type="button"
                className="button button-secondary"
                aria-pressed={when.part === part}
                disabled={isOver(when.day, part, now)}
                onClick={() => {
                  setWhen({ day: when.day, part });
                  setProblem(null);
                }}
              >
                {t(`timebank.parts.${part}`, {
                  time: formatTime(momentOf(when.day, part, now).toISOString(), language),
                })}
              </button>
            ))}
          </div>
        </fieldset>
      )}
      <label className="field">
        <span className="field-label">{t('timebank.askPlace')}</span>
        <input value={place} maxLength={100} onChange={(event) => setPlace(event.target.value)} />
        <span className="field-hint">{t('timebank.askPlaceHint')}</span>
      </label>
      <ChoiceGroup
        legend={t('timebank.askMinutes')}
        choices={estimateChoices}
        chosen={minutes}
        labelOf={(choice) => durationText(t, choice)}
        onChoose={setMinutes}
      />
      <ChoiceGroup
        legend={t('timebank.askHelpers')}
        choices={helperCounts}
        chosen={helpers}
        labelOf={(count) => count}
        onChoose={setHelpers}
        layout="actions"
      />
      <label className="check">
        <input
          type="checkbox"
          checked={showOnBoard}
          onChange={(event) => setShowOnBoard(event.target.checked)}
        />
        <span>{t('timebank.askBoard')}</span>
      </label>
      {problem && (
        <p className="notice notice-error" role="alert">
          {t(`timebank.${problem}`)}
        </p>
      )}
      <ActionProblem state={action.state} />
      <button
        type="button"
        className="button button-primary button-wide"
        disabled={action.sending}
        onClick={send}
      >
        {action.sending ? t('common.sending') : t('timebank.askSend')}
      </button>
    </section>
  );
}
