import type { TopicKind } from '@tally/domain/deliberation';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RaisedTopic } from '../api/me-types';
import { useAction } from '../api/use-action';
import { useLoad } from '../api/use-load';
import type { ScreenProps } from '../routed-screen';
import { Link } from '../router/location';
import { pathOf } from '../router/routes';
import { ChoiceGroup } from '../ui/choice-group';
import { ScreenTitle } from '../ui/screen-title';
import { ActionProblem } from '../ui/status';
import { buildingText, isBuildingNumber, kindLabel, topicKinds } from './matter-words';

/**
 * Raising a matter: what it is about by a tap, a few words and why if the resident likes, and
 * where (one of the community's buildings, or nowhere in particular). The raiser supports it.
 */
export function RaiseMatterScreen({ api }: ScreenProps) {
  const { t } = useTranslation();
  const places = useLoad('topicPlaces', () => api.topicPlaces.query());
  const [kind, setKind] = useState<TopicKind | null>(null);
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [place, setPlace] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);
  const action = useAction<RaisedTopic>();

  if (action.state.status === 'done')
    return (
      <section className="stack" aria-live="polite">
        <h1>{t('raise.sentTitle')}</h1>
        <p>{t('raise.sentText')}</p>
        <Link to={pathOf({ name: 'myMatters' })} className="button button-primary button-wide">
          {t('raise.seeMine')}
        </Link>
      </section>
    );

  const send = () => {
    if (!kind) {
      setMissing(true);
      return;
    }
    void action.run((idempotencyKey) =>
      api.raiseTopic.mutate({
        idempotencyKey,
        kind,
        ...(title.trim() ? { title: title.trim() } : {}),
        body: body.trim(),
        ...(place ? { place } : {}),
      }),
    );
  };

  return (
    <section className="stack">
      <ScreenTitle title={t('raise.title')} back={pathOf({ name: 'matters' })}>
        <p className="muted">{t('raise.intro')}</p>
      </ScreenTitle>
      <ChoiceGroup
        legend={t('raise.kind')}
        choices={topicKinds}
        chosen={kind}
        labelOf={(candidate) => kindLabel(t, candidate)}
        onChoose={(candidate) => {
          setKind(candidate);
          setMissing(false);
        }}
      />
      <label className="field">
        <span className="field-label">{t('raise.titleLabel')}</span>
        <input value={title} maxLength={100} onChange={(event) => setTitle(event.target.value)} />
      </label>
      <label className="field">
        <span className="field-label">{t('raise.body')}</span>
        <textarea
          rows={4}
          value={body}
          maxLength={2000}
          onChange={(event) => setBody(event.target.value)}
        />
      </label>
      <fieldset className="stack bare">
        <legend className="field-label">{t('raise.where')}</legend>
        <div className="tabs">
          <button
            type="button"
            className="button button-secondary"
            aria-pressed={place === null}
            onClick={() => setPlace(null)}
          >
            {t('raise.nowhere')}
          </button>
          {places.data?.map((building) => (
            <button
              key={building}
              type="button"
              className="button button-secondary"
              aria-pressed={place === building}
              onClick={() => setPlace(building)}
            >
              {isBuildingNumber(building) ? (
                buildingText(t, building)
              ) : (
                <span translate="no">{building}</span>
              )}
            </button>
          ))}
        </div>
      </fieldset>
      {missing && (
        <p className="notice notice-error" role="alert">
          {t('raise.needKind')}
        </p>
      )}
      <ActionProblem state={action.state} />
      <button
        type="button"
        className="button button-primary button-wide"
        disabled={action.sending}
        onClick={send}
      >
        {action.sending ? t('common.sending') : t('raise.send')}
      </button>
    </section>
  );
}
