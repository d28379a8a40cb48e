import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskApi, RaiseTopicRequest, TopicRaised } from '../api/kiosk-client';
import { useConfirmedWrite } from '../api/use-confirmed-write';
import { useLoad } from '../api/use-load';
import { useHoldIdle } from '../session/idle-hold';
import { BackIcon, PlaceIcon } from '../ui/icons';
import { Pager, usePages } from '../ui/pager';
import { WriteStatus } from '../ui/write-status';
import { kindLabel, placeText, topicKinds, writtenPlace } from './matter-words';

type Kind = RaiseTopicRequest['kind'];
type Step =
  | { step: 'kind' }
  | { step: 'place'; kind: Kind }
  | { step: 'check'; kind: Kind; place: string | null };

/** Buildings a page at a time: three rows of four fit beside "Not about one place". */
const PLACES_PER_PAGE = 12;

/**
 * Raising a matter with no keyboard: what it is about (a tile per kind), where (a tile per
 * building, or not one place), a check, and one "Send" that raises it once under one
 * idempotency key. The office types any detail later, when it looks at the matter.
 */
export function RaiseMatterScreen({
  api,
  onBack,
  onDone,
}: {
  api: KioskApi;
  onBack: () => void;
  onDone: (raised: TopicRaised) => void;
}) {
  const [step, setStep] = useState<Step>({ step: 'kind' });
  if (step.step === 'kind')
    return <KindStep onBack={onBack} onChoose={(kind) => setStep({ step: 'place', kind })} />;
  if (step.step === 'place')
    return (
      <PlaceStep
        api={api}
        onBack={() => setStep({ step: 'kind' })}
        onChoose={(place) => setStep({ step: 'check', kind: step.kind, place })}
      />
    );
  return (
    <CheckStep
      api={api}
      kind={step.kind}
      place={step.place}
      onChange={() => setStep({ step: 'kind' })}
      onDone={onDone}
    />
  );
}

function StepHead({ step, title, onBack }: { step: number; title: string; onBack: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="section-head">
      <div>
        <p className="step-label">{t('raiseMatter.step', { step })}</p>
        <h1 id="raise-title">{title}</h1>
      </div>
      <button type="button" className="button button-secondary button-large" onClick={onBack}>
        <BackIcon />
        {t('common.back')}
      </button>
    </div>
  );
}

function KindStep({ onBack, onChoose }: { onBack: () => void; onChoose: (kind: Kind) => void }) {
  const { t } = useTranslation();
  return (
    <section className="raise" aria-labelledby="raise-title">
      <StepHead step={1} title={t('raiseMatter.kindTitle')} onBack={onBack} />
      <div className="raise-kinds">
        {topicKinds.map((kind) => (
          <button key={kind} type="button" className="raise-tile" onClick={() => onChoose(kind)}>
            <span className="raise-tile-title">{kindLabel(t, kind)}</span>
            <span className="raise-tile-hint">{t(`raiseMatter.kindHints.${kind}`)}</span>
          </button>
        ))}
      </div>
    </section>
  );
}

function PlaceStep({
  api,
  onBack,
  onChoose,
}: {
  api: KioskApi;
  onBack: () => void;
  onChoose: (place: string | null) => void;
}) {
  const { t } = useTranslation();
  // Without the list of buildings the resident can still raise it as "not one place".
  const places = useLoad('topicPlaces', () => api.topicPlaces.query());
  const { page, pages, shown, previous, next } = usePages(places.data ?? [], PLACES_PER_PAGE);
  return (
    <section className="raise" aria-labelledby="raise-title">
      <StepHead step={2} title={t('raiseMatter.placeTitle')} onBack={onBack} />
      <p className="lead">{t('raiseMatter.placeHint')}</p>
      {places.loading && !places.data ? (
        <p className="lead">{t('common.loading')}</p>
      ) : (
        <div className="raise-places">
          {shown.map((place) => (
            <button
              key={place}
              type="button"
              className="raise-tile raise-place"
              onClick={() => onChoose(place)}
            >
              <PlaceIcon />
              <span className="raise-tile-title" translate={writtenPlace(place) ? 'no' : undefined}>
                {placeText(t, place)}
              </span>
            </button>
          ))}
        </div>
      )}
      <div className="raise-place-foot">
        {pages > 1 && (
          <Pager
            previous={previous}
            next={next}
            previousLabel={t('matters.previousPage')}
            nextLabel={t('matters.nextPage')}
          >
            <p className="page-label">{t('matters.page', { page: page + 1, pages })}</p>
          </Pager>
        )}
        <button
          type="button"
          className="button button-secondary button-huge raise-no-place"
          onClick={() => onChoose(null)}
        >
          {t('raiseMatter.noPlace')}
        </button>
      </div>
    </section>
  );
}

function CheckStep({
  api,
  kind,
  place,
  onChange,
  onDone,
}: {
  api: KioskApi;
  kind: Kind;
  place: string | null;
  onChange: () => void;
  onDone: (raised: TopicRaised) => void;
}) {
  const { t } = useTranslation();
  const send = useCallback(
    (input: RaiseTopicRequest, signal: AbortSignal) => api.raiseTopic.mutate(input, { signal }),
    [api],
  );
  const { state, confirm, locked } = useConfirmedWrite<
    Omit<RaiseTopicRequest, 'idempotencyKey'>,
    TopicRaised
  >(send, { onDone });
  useHoldIdle(state.status === 'sending');
  return (
    <section className="raise" aria-labelledby="raise-title">
      <StepHead step={3} title={t('raiseMatter.checkTitle')} onBack={onChange} />
      <div className="summary raise-summary">
        <p className="summary-take">{t('raiseMatter.checkKind', { kind: kindLabel(t, kind) })}</p>
        {/* A place someone wrote is shown as written, whatever the language around it. */}
        <p translate={place && writtenPlace(place) ? 'no' : undefined}>
          {place
            ? t('raiseMatter.checkPlace', { place: placeText(t, place) })
            : t('raiseMatter.checkNoPlace')}
        </p>
        <p className="lead">{t('raiseMatter.checkNext')}</p>
      </div>
      <WriteStatus state={state} />
      <div className="actions">
        <button
          type="button"
          className="button button-secondary button-large"
          onClick={onChange}
          disabled={locked}
        >
          {t('raiseMatter.change')}
        </button>
        <button
          type="button"
          className="button button-primary button-huge"
          disabled={state.status === 'sending'}
          onClick={() => confirm(place ? { kind, place } : { kind })}
        >
          {state.status === 'unreachable' ? t('common.tryAgain') : t('raiseMatter.send')}
        </button>
      </div>
    </section>
  );
}
