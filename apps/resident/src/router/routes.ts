// The app's addresses, all under /me/. A tiny router of our own: a dozen flat paths and one
// with an id need no library (react-router would cost more than the rest of the app's routing).

export const BASE = '/me/';

export type Route =
  | { name: 'home' }
  | { name: 'signIn' }
  | { name: 'actFor' }
  | { name: 'history' }
  | { name: 'records' }
  | { name: 'corrections' }
  | { name: 'newCorrection'; recordId: string | null }
  | { name: 'certificates' }
  | { name: 'notices' }
  | { name: 'goals' }
  | { name: 'figures' }
  | { name: 'activities' }
  | { name: 'activity'; id: string }
  | { name: 'mySignUps' }
  | { name: 'settings' }
  | { name: 'matters' }
  | { name: 'myMatters' }
  | { name: 'decisions' }
  | { name: 'raiseMatter' }
  | { name: 'votes' }
  | { name: 'timeBank' }
  | { name: 'helpRequests' }
  | { name: 'myHelpRequests' }
  | { name: 'helping' }
  | { name: 'askHelp' }
  | { name: 'helpOffers' }
  | { name: 'giveCredit' }
  | { name: 'notFound' };

type Simple = Exclude<Route, { name: 'activity' | 'newCorrection' }>['name'];

const simplePaths: Record<Simple, string> = {
  home: '',
  signIn: 'sign-in',
  actFor: 'act-for',
  history: 'history',
  records: 'records',
  corrections: 'corrections',
  certificates: 'certificates',
  notices: 'notices',
  goals: 'goals',
  figures: 'figures',
  activities: 'activities',
  mySignUps: 'activities/mine',
  settings: 'settings',
  matters: 'matters',
  myMatters: 'matters/mine',
  decisions: 'matters/decided',
  raiseMatter: 'matters/new',
  votes: 'votes',
  timeBank: 'help',
  helpRequests: 'help/requests',
  myHelpRequests: 'help/mine',
  helping: 'help/helping',
  askHelp: 'help/ask',
  helpOffers: 'help/offers',
  giveCredit: 'help/give',
  notFound: 'not-found',
};

/** The route an address shows; anything outside the app's paths is "not found". */
export function routeOf(pathname: string, search = ''): Route {
  if (!pathname.startsWith(BASE) && pathname !== BASE.slice(0, -1)) return { name: 'notFound' };
  const path = pathname.slice(BASE.length).replace(/\/+$/, '');
  if (path === 'corrections/new') {
    return { name: 'newCorrection', recordId: new URLSearchParams(search).get('record') };
  }
  const activity = /^activities\/([^/]+)$/.exec(path);
  if (activity?.[1] && activity[1] !== 'mine') {
    return { name: 'activity', id: decodeURIComponent(activity[1]) };
  }
  for (const [name, known] of Object.entries(simplePaths) as [Simple, string][]) {
    if (known === path && name !== 'notFound') return { name } as Route;
  }
  return { name: 'notFound' };
}

/** The address of a route: `pathOf({ name: 'activity', id })` → `/me/activities/<id>`. */
export function pathOf(route: Route): string {
  switch (route.name) {
    case 'activity':
      return `${BASE}activities/${encodeURIComponent(route.id)}`;
    case 'newCorrection':
      return route.recordId
        ? `${BASE}corrections/new?record=${encodeURIComponent(route.recordId)}`
        : `${BASE}corrections/new`;
    default:
      return `${BASE}${simplePaths[route.name]}`;
  }
}

/** Routes anyone may open without signing in. */
export function isPublic(route: Route): boolean {
  return route.name === 'signIn' || route.name === 'notFound';
}

/**
 * Where to go once signed in: back where the resident was headed (an activity's poster link),
 * but only to one of the app's own pages, never off to another site.
 */
export function nextAfterSignIn(search: string): string {
  const next = new URLSearchParams(search).get('next');
  if (!next?.startsWith(BASE)) return BASE;
  const route = routeOf(new URL(next, 'http://x').pathname);
  return route.name === 'notFound' || route.name === 'signIn' ? BASE : next;
}

/** The sign-in address that returns to `path`, keeping a community chosen by `?c=`. */
export function signInPath(path: string, search: string): string {
  const params = new URLSearchParams();
  const target = path + search.replace(/([?&])c=[^&]*&?/, '$1').replace(/[?&]$/, '');
  if (routeOf(path).name !== 'home' && routeOf(path).name !== 'signIn') params.set('next', target);
  const community = new URLSearchParams(search).get('c');
  if (community) params.set('c', community);
  const query = params.toString();
  return `${pathOf({ name: 'signIn' })}${query ? `?${query}` : ''}`;
}
