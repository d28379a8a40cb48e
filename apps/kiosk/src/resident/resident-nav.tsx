import { useTranslation } from 'react-i18next';
import {
  CalendarIcon,
  ClockIcon,
  GiftIcon,
  HandsIcon,
  ListIcon,
  StarIcon,
  TalkIcon,
} from '../ui/icons';

export type MainView =
  | 'rewards'
  | 'activities'
  | 'matters'
  | 'timebank'
  | 'donate'
  | 'account'
  | 'service';

const items = [
  { view: 'rewards', icon: GiftIcon },
  { view: 'activities', icon: CalendarIcon },
  { view: 'matters', icon: TalkIcon },
  { view: 'timebank', icon: ClockIcon },
  { view: 'donate', icon: HandsIcon },
  { view: 'account', icon: ListIcon },
  { view: 'service', icon: StarIcon },
] as const;

/** The resident's seven places, as large tabs; the current one is marked. */
export function ResidentNav({
  current,
  onGo,
}: {
  current: MainView | null;
  onGo: (view: MainView) => void;
}) {
  const { t } = useTranslation();
  return (
    <nav className="resident-nav" aria-label={t('resident.menu')}>
      {items.map(({ view, icon: Icon }) => (
        <button
          key={view}
          type="button"
          className="nav-tab"
          aria-current={current === view ? 'page' : undefined}
          onClick={() => onGo(view)}
        >
          <Icon />
          {t(`nav.${view}`)}
        </button>
      ))}
    </nav>
  );
}
