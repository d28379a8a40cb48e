import { useTranslation } from 'react-i18next';
import type { CatalogItem } from '../api/kiosk-client';
import { GiftIcon, HandsIcon, StarIcon } from './icons';

const icons = { goods: GiftIcon, service: HandsIcon, privilege: StarIcon } as const;

/** The picture area of a reward: the catalog has no photos yet, so a tile per kind. */
export function RewardPicture({ kind }: { kind: CatalogItem['kind'] }) {
  const { t } = useTranslation();
  const Icon = icons[kind];
  return (
    <div className={`reward-picture reward-picture-${kind}`}>
      <Icon className="reward-picture-icon" />
      <span className="reward-picture-kind">{t(`rewards.kinds.${kind}`)}</span>
    </div>
  );
}
