import { inLanguage } from '@tally/domain/localized-text';
import { useTranslation } from 'react-i18next';
import type { CatalogItem } from '../api/kiosk-client';
import { RewardPicture } from '../ui/reward-picture';
import { useLanguage } from '../ui/use-language';
import { availabilityOf } from './redeemable';

/**
 * One reward: picture, name, price, stock. One that cannot be chosen stays in
 * view, dimmed, and says why (how many more points are needed), so nobody
 * wonders whether the screen is broken.
 */
export function RewardCard({ item, onChoose }: { item: CatalogItem; onChoose: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const availability = availabilityOf(item);
  const available = availability === 'available';
  const reason =
    availability === 'outOfStock'
      ? t('rewards.outOfStock')
      : availability === 'limitReached'
        ? t('rewards.limitReached')
        : availability === 'needMore'
          ? t('rewards.needMore', { count: item.pointsShort })
          : null;

  return (
    <li className="reward-item">
      <button
        type="button"
        className={`reward-card${available ? '' : ' reward-card-unavailable'}${availability === 'outOfStock' ? ' reward-card-sold-out' : ''}`}
        aria-disabled={!available}
        onClick={() => available && onChoose()}
      >
        <RewardPicture kind={item.kind} photoUrl={item.photoUrl} />
        <span className="reward-name">{inLanguage(item.name, language)}</span>
        <span className="reward-price">{t('rewards.price', { count: item.points })}</span>
        <span className="reward-meta">
          {item.stock > 0 && <span>{t('rewards.stockLeft', { count: item.stock })}</span>}
          {item.perResidentLimit !== null && (
            <span>{t('rewards.limit', { count: item.perResidentLimit })}</span>
          )}
        </span>
        {reason && <span className="reward-reason">{reason}</span>}
      </button>
    </li>
  );
}
