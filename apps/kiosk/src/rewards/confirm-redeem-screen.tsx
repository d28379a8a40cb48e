import { formatNumber } from '@tally/client/format';
import { inLanguage } from '@tally/domain/localized-text';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogItem, KioskApi, Redeemed } from '../api/kiosk-client';
import { useConfirmedWrite } from '../api/use-confirmed-write';
import { useHoldIdle } from '../session/idle-hold';
import { BackIcon } from '../ui/icons';
import { RewardPicture } from '../ui/reward-picture';
import { Stepper } from '../ui/stepper';
import { useLanguage } from '../ui/use-language';
import { WriteStatus } from '../ui/write-status';
import { maxQuantity } from './redeemable';

/**
 * States exactly what will be taken, and takes it once. The quantity is
 * chosen here, so choosing a reward and confirming are the only two taps.
 */
export function ConfirmRedeemScreen({
  api,
  item,
  points,
  onBack,
  onDone,
}: {
  api: KioskApi;
  item: CatalogItem;
  points: number;
  onBack: () => void;
  onDone: (receipt: Redeemed) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [quantity, setQuantity] = useState(1);
  const send = useCallback(
    (input: { rewardId: string; quantity: number; idempotencyKey: string }, signal: AbortSignal) =>
      api.redeem.mutate(input, { signal }),
    [api],
  );
  const { state, confirm, locked } = useConfirmedWrite<
    { rewardId: string; quantity: number },
    Redeemed
  >(send, {
    onDone,
  });
  useHoldIdle(state.status === 'sending');

  const total = item.points * quantity;
  const name = inLanguage(item.name, language);

  return (
    <section className="confirm" aria-labelledby="confirm-title">
      <h1 id="confirm-title">{t('confirmRedeem.title')}</h1>
      <div className="confirm-layout">
        <div className="confirm-item">
          <RewardPicture kind={item.kind} photoUrl={item.photoUrl} />
          <p className="confirm-name">{name}</p>
          <p className="confirm-each">{t('rewards.price', { count: item.points })}</p>
        </div>
        <div className="confirm-details">
          <p className="field-label" id="quantity-label">
            {t('confirmRedeem.howMany')}
          </p>
          <Stepper
            value={quantity}
            min={1}
            max={maxQuantity(item, points)}
            onChange={setQuantity}
            label={t('confirmRedeem.howMany')}
            fewerLabel={t('confirmRedeem.fewer')}
            moreLabel={t('confirmRedeem.more')}
            disabled={locked}
            format={(value) => `× ${formatNumber(value, language)}`}
          />
          <div className="summary">
            <p className="summary-take">{t('confirmRedeem.take', { points: total })}</p>
            <p>{t('confirmRedeem.after', { points: points - total })}</p>
          </div>
          <WriteStatus state={state} />
          <div className="actions">
            <button
              type="button"
              className="button button-secondary button-large"
              onClick={onBack}
              disabled={state.status === 'sending'}
            >
              <BackIcon />
              {t('common.back')}
            </button>
            <button
              type="button"
              className="button button-primary button-huge"
              disabled={state.status === 'sending'}
              onClick={() => confirm({ rewardId: item.id, quantity })}
            >
              {state.status === 'unreachable'
                ? t('common.tryAgain')
                : t('confirmRedeem.confirm', { points: total })}
            </button>
          </div>
        </div>
      </div>
    </section>
  );
}
