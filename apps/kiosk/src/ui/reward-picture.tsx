import { useTranslation } from 'react-i18next';
import type { CatalogItem } from '../api/kiosk-client';
import { GiftIcon, HandsIcon, StarIcon } from './icons';
import { useRewardPhoto } from './reward-photos';

const icons = { goods: GiftIcon, service: HandsIcon, privilege: StarIcon } as const;

/**
 * The picture area of a reward: its photo when the office gave it one, otherwise (and while the
 * photo loads) a tile for its kind. The photo is decoration: the name is written beside it.
 */
export function RewardPicture({
  kind,
  photoUrl,
}: {
  kind: CatalogItem['kind'];
  photoUrl?: string | null | undefined;
}) {
  const { t } = useTranslation();
  const photo = useRewardPhoto(photoUrl);
  if (photo) {
    return (
      <div className="reward-picture reward-picture-photo">
        <img src={photo} alt="" />
      </div>
    );
  }
  const Icon = icons[kind];
  return (
    <div className={`reward-picture reward-picture-${kind}`}>
      <Icon className="reward-picture-icon" />
      <span className="reward-picture-kind">{t(`rewards.kinds.${kind}`)}</span>
    </div>
  );
}
