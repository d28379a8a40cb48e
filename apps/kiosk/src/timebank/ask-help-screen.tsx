import './timebank.css';
import '../matters/matters.css';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AskHelpRequest, HelpAsked, HelpKind, KioskApi } from '../api/kiosk-client';
import { useConfirmedWrite } from '../api/use-confirmed-write';
import { useHoldIdle } from '../session/idle-hold';
import { BackIcon, CheckIcon, ClockIcon } from '../ui/icons';
import { WriteStatus } from '../ui/write-status';
import { durationText, estimateChoices, helpKinds, helpKindText } from './timebank-words';

type Step =
  | { step: 'kind' }
  | { step: 'time'; kind: HelpKind }
  | { step: 'board'; kind: HelpKind; minutes: number }
  | { step: 'check'; kind: HelpKind; minutes: number; showOnBoard: boolean };

/**
 * Asking for help with no keyboard: what (a tile per kind), about how long (a tile per time),
 * whether the notice board may thank the helper by name, a check, and one "Ask for help" that
 * sends it once under one idempotency key. Nothing is typed: the helper learns the rest when
 * they get in touch.
 */
export function AskHelpScreen({
  api,
  onBack,
  onMine,
  onDone,
}: {
  api: KioskApi;
  onBack: () => void;
  onMine: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [step, setStep] = useState<Step>({ step: 'kind' });
  if (step.step === 'kind')
    return (
      <Choices
        step={1}
        title={t('askHelp.kindTitle')}
        onBack={onBack}
        className="ask-kinds"
        choices={helpKinds.map((kind) => ({ key: kind, label: helpKindText(t, kind) }))}
        onChoose={(kind) => setStep({ step: 'time', kind })}
      />
    );
  if (step.step === 'time')
    return (
      <Choices
        step={2}
        title={t('askHelp.timeTitle')}
        onBack={() => setStep({ step: 'kind' })}
        className="ask-times"
        choices={estimateChoices.map((minutes) => ({
          key: minutes,
          label: durationText(t, minutes),
        }))}
        onChoose={(minutes) => setStep({ step: 'board', kind: step.kind, minutes })}
      />
    );
  if (step.step === 'board')
    return (
      <Choices
        step={3}
        title={t('askHelp.boardTitle')}
        hint={t('askHelp.boardHint')}
        onBack={() => setStep({ step: 'time', kind: step.kind })}
        className="ask-board"
        choices={[
          { key: true, label: t('askHelp.boardYes') },
          { key: false, label: t('askHelp.boardNo') },
        ]}
        onChoose={(showOnBoard) => setStep({ ...step, step: 'check', showOnBoard })}
      />
    );
  return (
    <CheckStep
      api={api}
      request={step}
      onChange={() => setStep({ step: 'kind' })}
      onMine={onMine}
      onDone={onDone}
    />
  );
}

function StepHead({ step, title, onBack }: { step: number; title: string; onBack: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="section-head">
      <div>
        <p className="step-label">{t('askHelp.step', { step })}</p>
        <h1 id="ask-title">{title}</h1>
      </div>
      <button type="button" className="button button-secondary button-large" onClick={onBack}>
        <BackIcon />
        {t('common.back')}
      </button>
    </div>
  );
}

/** One step of big tiles: each is an answer, and a tap moves on. */
function Choices<K extends string | number | boolean>({
  step,
  title,
  hint,
  onBack,
  className,
  choices,
  onChoose,
}: {
  step: number;
  title: string;
  hint?: string;
  onBack: () => void;
  className: string;
  choices: { key: K; label: string }[];
  onChoose: (key: K) => void;
}) {
  return (
    <section className="raise" aria-labelledby="ask-title">
      <StepHead step={step} title={title} onBack={onBack} />
      {hint && <p className="lead">{hint}</p>}
      <div className={`ask-choices ${className}`}>
        {choices.map(({ key, label }) => (
          <button
            key={String(key)}
            type="button"
            className="raise-tile ask-choice"
            onClick={() => onChoose(key)}
          >
            <span className="raise-tile-title">{label}</span>
          </button>
        ))}
      </div>
    </section>
  );
}

function CheckStep({
  api,
  request,
  onChange,
  onMine,
  onDone,
}: {
  api: KioskApi;
  request: { kind: HelpKind; minutes: number; showOnBoard: boolean };
  onChange: () => void;
  onMine: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const send = useCallback(
    (input: AskHelpRequest, signal: AbortSignal) => api.timebank.request.mutate(input, { signal }),
    [api],
  );
  const { state, confirm, locked } = useConfirmedWrite<
    Omit<AskHelpRequest, 'idempotencyKey'>,
    HelpAsked
  >(send);
  useHoldIdle(state.status === 'sending');
  if (state.status === 'done') return <Asked onMine={onMine} onDone={onDone} />;
  const { kind, minutes, showOnBoard } = request;
  return (
    <section className="raise" aria-labelledby="ask-title">
      <StepHead step={4} title={t('askHelp.checkTitle')} onBack={onChange} />
      <div className="summary raise-summary">
        <p className="summary-take">{t('askHelp.checkKind', { kind: helpKindText(t, kind) })}</p>
        <p className="help-fact">
          <ClockIcon />
          {t('askHelp.checkTime', { time: durationText(t, minutes) })}
        </p>
        <p>{showOnBoard ? t('askHelp.checkBoardYes') : t('askHelp.checkBoardNo')}</p>
        <p className="lead">{t('askHelp.checkNext')}</p>
      </div>
      <WriteStatus state={state} />
      <div className="actions raise-actions">
        <button
          type="button"
          className="button button-secondary button-large"
          onClick={onChange}
          disabled={locked}
        >
          {t('askHelp.change')}
        </button>
        <button
          type="button"
          className="button button-primary button-huge"
          disabled={state.status === 'sending'}
          onClick={() => confirm({ kind, minutesEstimate: minutes, showOnBoard })}
        >
          {state.status === 'unreachable' ? t('common.tryAgain') : t('askHelp.send')}
        </button>
      </div>
    </section>
  );
}

function Asked({ onMine, onDone }: { onMine: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <section className="matter-done" aria-labelledby="asked-title">
      <h1 id="asked-title">
        <CheckIcon className="icon icon-success" />
        {t('askHelp.doneTitle')}
      </h1>
      <p className="matter-done-text">{t('askHelp.doneText')}</p>
      <p className="lead">{t('askHelp.doneFollow')}</p>
      <div className="actions">
        <button type="button" className="button button-secondary button-huge" onClick={onMine}>
          {t('askHelp.seeMine')}
        </button>
        <button type="button" className="button button-primary button-huge" onClick={onDone}>
          {t('timebank.done')}
        </button>
      </div>
    </section>
  );
}
