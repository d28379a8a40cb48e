import { useTranslation } from 'react-i18next';
import { NamedText } from '../ui/named-text';
import { buildingText, isBuildingNumber } from './matter-words';

/** "Where: Building 3", or a place as someone typed it, shown as written. */
export function PlaceLine({ place }: { place: string }) {
  const { t } = useTranslation();
  if (isBuildingNumber(place))
    return <p>{t('matters.where', { place: buildingText(t, place) })}</p>;
  return (
    <p>
      <NamedText text={t('matters.where', { place })} names={[place]} />
    </p>
  );
}
