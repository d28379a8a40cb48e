import type { HelpKind } from '@tally/domain/timebank';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeApi } from '../api/me-client';
import type { HelpOffer } from '../api/me-types';
import { useAction } from '../api/use-action';
import { usePages } from '../api/use-pages';
import type { ScreenProps } from '../routed-screen';
import { pathOf } from '../router/routes';
import { ChoiceGroup } from '../ui/choice-group';
import { MoreButton } from '../ui/more-button';
import { NamedText } from '../ui/named-text';
import { ScreenTitle } from '../ui/screen-title';
import { ActionProblem, Failure, Loading } from '../ui/status';
import { helpKindLabel, helpKinds, nearText } from './timebank-words';

/** What neighbours offer to help with, the resident's own offer to post, and theirs to take down. */
export function OffersScreen({ api }: ScreenProps) {
  const { t } = useTranslation();
  const [posting, setPosting] = useState(false);
  const [posted, setPosted] = useState(false);
  const offers = usePages('timebank.offers', (cursor) =>
    api.timebank.offers.query(cursor ? { cursor } : {}),
  );
  return (
    <section className="stack">
      <ScreenTitle title={t('timebank.offers')} back={pathOf({ name: 'timeBank' })}>
        <p className="muted">{t('timebank.offersIntro')}</p>
      </ScreenTitle>
      {posting ? (
        <OfferForm
          api={api}
          onDone={() => {
            setPosting(false);
            setPosted(true);
            offers.reload();
          }}
          onCancel={() => setPosting(false)}
        />
      ) : (
        <button
          type="button"
          className="button button-primary button-wide"
          onClick={() => {
            setPosted(false);
            setPosting(true);
          }}
        >
          {t('timebank.offer')}
        </button>
      )}
      {posted && (
        <p className="notice notice-success" role="status">
          {t('timebank.offeredDone')}
        </p>
      )}
      {!offers.loaded && offers.loading && <Loading />}
      {offers.error != null && !offers.loaded && (
        <Failure error={offers.error} onRetry={offers.reload} />
      )}
      {offers.loaded && offers.items.length === 0 && (
        <p className="muted">{t('timebank.offersEmpty')}</p>
      )}
      <ul className="list">
        {offers.items.map((offer) => (
          <OfferCard key={offer.id} api={api} offer={offer} onChanged={offers.reload} />
        ))}
      </ul>
      {offers.hasMore && <MoreButton onClick={offers.more} />}
    </section>
  );
}

function OfferCard({
  api,
  offer,
  onChanged,
}: {
  api: MeApi;
  offer: HelpOffer;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const withdraw = useAction<{ id: string; status: string }>();
  return (
    <li className="card" data-testid="help-offer">
      <h2>{helpKindLabel(t, offer.kind)}</h2>
      {offer.description && <p translate="no">{offer.description}</p>}
      {offer.when && (
        <p>
          <NamedText text={t('timebank.offerWhen', { when: offer.when })} names={[offer.when]} />
        </p>
      )}
      {offer.mine ? (
        <p className="tag">{t('timebank.yourOffer')}</p>
      ) : (
        <p>
          <NamedText
            text={t('timebank.offerBy', { name: offer.residentName })}
            names={[offer.residentName]}
          />
          {offer.building && <> · {nearText(t, offer.building)}</>}
        </p>
      )}
      <ActionProblem state={withdraw.state} />
      {offer.mine && offer.status === 'open' && (
        <button
          type="button"
          className="button button-quiet"
          disabled={withdraw.sending}
          onClick={async () => {
            const done = await withdraw.run((idempotencyKey) =>
              api.timebank.withdrawOffer.mutate({ idempotencyKey, offerId: offer.id }),
            );
            if (done) onChanged();
          }}
        >
          {t('timebank.withdrawOffer')}
        </button>
      )}
    </li>
  );
}

function OfferForm({
  api,
  onDone,
  onCancel,
}: {
  api: MeApi;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<HelpKind | null>(null);
  const [description, setDescription] = useState('');
  const [when, setWhen] = useState('');
  const [missing, setMissing] = useState(false);
  const post = useAction<{ id: string }>();

  const send = async () => {
    if (!kind) return setMissing(true);
    const done = await post.run((idempotencyKey) =>
      api.timebank.offer.mutate({
        idempotencyKey,
        kind,
        description: description.trim(),
        ...(when.trim() ? { when: when.trim() } : {}),
      }),
    );
    if (done) onDone();
  };

  return (
    <section className="card stack" aria-label={t('timebank.offer')}>
      <ChoiceGroup
        legend={t('timebank.offerKind')}
        choices={helpKinds}
        chosen={kind}
        labelOf={(candidate) => helpKindLabel(t, candidate)}
        onChoose={(candidate) => {
          setKind(candidate);
          setMissing(false);
        }}
      />
      <label className="field">
        <span className="field-label">{t('timebank.offerDescription')}</span>
        <textarea
          rows={3}
          maxLength={500}
          value={description}
          onChange={(event) => setDescription(event.target.value)}
        />
      </label>
      <label className="field">
        <span className="field-label">{t('timebank.offerWhenLabel')}</span>
        <input value={when} maxLength={100} onChange={(event) => setWhen(event.target.value)} />
        <span className="field-hint">{t('timebank.offerWhenHint')}</span>
      </label>
      {missing && (
        <p className="notice notice-error" role="alert">
          {t('timebank.needOfferKind')}
        </p>
      )}
      <ActionProblem state={post.state} />
      <div className="actions">
        <button
          type="button"
          className="button button-primary"
          disabled={post.sending}
          onClick={send}
        >
          {post.sending ? t('common.sending') : t('timebank.offerSend')}
        </button>
        <button type="button" className="button button-quiet" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </section>
  );
}
