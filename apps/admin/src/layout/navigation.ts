import type { AccountRole } from '@tally/domain/staff';
import { type Area, mayOpen } from '../session/permissions';

export type NavItem = { area: Area; path: string; label: NavLabel };
export type NavGroup = { title: NavGroupTitle | null; items: NavItem[] };

type NavLabel =
  | 'home'
  | 'organizations'
  | 'activities'
  | 'logHours'
  | 'records'
  | 'approvals'
  | 'residents'
  | 'journal'
  | 'verify'
  | 'audit'
  | 'rewards'
  | 'redemptions'
  | 'goals'
  | 'rules'
  | 'staff'
  | 'kiosks'
  | 'reports'
  | 'poster'
  | 'corrections'
  | 'notices'
  | 'topics'
  | 'timebank'
  | 'certificates'
  | 'community'
  | 'moves'
  | 'street'
  | 'streetInsights'
  | 'streetVerify'
  | 'streetMoves';
type NavGroupTitle =
  | 'street'
  | 'service'
  | 'people'
  | 'rewards'
  | 'insights'
  | 'ledger'
  | 'settings';

const groups: NavGroup[] = [
  // The street office's home is its street; the pages below then read the community it opened.
  {
    title: 'street',
    items: [
      { area: 'street', path: '/', label: 'street' },
      { area: 'street', path: '/street/insights', label: 'streetInsights' },
      { area: 'street', path: '/street/verify', label: 'streetVerify' },
      { area: 'street', path: '/street/moves', label: 'streetMoves' },
    ],
  },
  { title: null, items: [{ area: 'home', path: '/', label: 'home' }] },
  {
    title: 'service',
    items: [
      { area: 'approvals', path: '/approvals', label: 'approvals' },
      { area: 'activities', path: '/activities', label: 'activities' },
      { area: 'topics', path: '/topics', label: 'topics' },
      { area: 'timebank', path: '/timebank', label: 'timebank' },
      { area: 'logHours', path: '/log-hours', label: 'logHours' },
      { area: 'records', path: '/records', label: 'records' },
      { area: 'notices', path: '/notices', label: 'notices' },
      { area: 'corrections', path: '/corrections', label: 'corrections' },
    ],
  },
  {
    title: 'people',
    items: [
      { area: 'organizations', path: '/organizations', label: 'organizations' },
      { area: 'residents', path: '/residents', label: 'residents' },
      { area: 'moves', path: '/moves', label: 'moves' },
      { area: 'certificates', path: '/certificates', label: 'certificates' },
    ],
  },
  {
    title: 'rewards',
    items: [
      { area: 'rewards', path: '/rewards', label: 'rewards' },
      { area: 'redemptions', path: '/redemptions', label: 'redemptions' },
      { area: 'goals', path: '/goals', label: 'goals' },
      { area: 'rules', path: '/rules', label: 'rules' },
    ],
  },
  {
    title: 'insights',
    items: [
      { area: 'reports', path: '/reports', label: 'reports' },
      { area: 'poster', path: '/poster', label: 'poster' },
    ],
  },
  {
    title: 'ledger',
    items: [
      { area: 'ledger', path: '/ledger', label: 'journal' },
      { area: 'ledger', path: '/ledger/verify', label: 'verify' },
      { area: 'audit', path: '/audit', label: 'audit' },
    ],
  },
  {
    title: 'settings',
    items: [
      { area: 'community', path: '/community', label: 'community' },
      { area: 'staff', path: '/staff', label: 'staff' },
      { area: 'kiosks', path: '/kiosks', label: 'kiosks' },
    ],
  },
];

/**
 * The menu a role sees: only the areas it may open, each address once (the first entry for it
 * wins: the street office's "/" is its street), empty groups left out.
 */
export function navigationFor(role: AccountRole): NavGroup[] {
  const seen = new Set<string>();
  const shown = (item: NavItem) => {
    if (!mayOpen(role, item.area) || seen.has(item.path)) return false;
    seen.add(item.path);
    return true;
  };
  return groups
    .map((group) => ({ ...group, items: group.items.filter(shown) }))
    .filter((group) => group.items.length > 0);
}

/** Whether a menu entry is the page being shown ("/ledger" is not active on "/ledger/verify"). */
export function isActivePath(itemPath: string, location: string, allPaths: string[]): boolean {
  if (itemPath === '/') return location === '/';
  if (location !== itemPath && !location.startsWith(`${itemPath}/`)) return false;
  // A longer entry that also matches wins.
  return !allPaths.some(
    (other) =>
      other.length > itemPath.length &&
      other.startsWith(itemPath) &&
      (location === other || location.startsWith(`${other}/`)),
  );
}
