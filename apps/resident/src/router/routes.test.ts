import { describe, expect, it } from 'vitest';
import { isPublic, nextAfterSignIn, pathOf, routeOf, signInPath } from './routes';

describe("the resident app's addresses", () => {
  it('reads each page from its path under /me/', () => {
    expect(routeOf('/me/')).toEqual({ name: 'home' });
    expect(routeOf('/me')).toEqual({ name: 'home' });
    expect(routeOf('/me/history')).toEqual({ name: 'history' });
    expect(routeOf('/me/settings/')).toEqual({ name: 'settings' });
    expect(routeOf('/me/activities/mine')).toEqual({ name: 'mySignUps' });
    expect(routeOf('/me/matters')).toEqual({ name: 'matters' });
    expect(routeOf('/me/matters/mine')).toEqual({ name: 'myMatters' });
    expect(routeOf('/me/matters/decided')).toEqual({ name: 'decisions' });
    expect(routeOf('/me/matters/new')).toEqual({ name: 'raiseMatter' });
    expect(routeOf('/me/votes')).toEqual({ name: 'votes' });
    expect(routeOf('/me/help')).toEqual({ name: 'timeBank' });
    expect(routeOf('/me/help/requests')).toEqual({ name: 'helpRequests' });
    expect(routeOf('/me/help/mine')).toEqual({ name: 'myHelpRequests' });
    expect(routeOf('/me/help/helping')).toEqual({ name: 'helping' });
    expect(routeOf('/me/help/ask')).toEqual({ name: 'askHelp' });
    expect(routeOf('/me/help/offers')).toEqual({ name: 'helpOffers' });
    expect(routeOf('/me/help/give')).toEqual({ name: 'giveCredit' });
    expect(routeOf('/me/nowhere')).toEqual({ name: 'notFound' });
    expect(routeOf('/kiosk/')).toEqual({ name: 'notFound' });
  });

  it('opens an activity from the address on its poster', () => {
    expect(routeOf('/me/activities/0190a1b2-c3d4')).toEqual({
      name: 'activity',
      id: '0190a1b2-c3d4',
    });
    expect(pathOf({ name: 'activity', id: 'a b' })).toBe('/me/activities/a%20b');
    expect(routeOf(pathOf({ name: 'activity', id: 'a b' }))).toEqual({
      name: 'activity',
      id: 'a b',
    });
  });

  it('carries the record a correction is about in the query', () => {
    expect(routeOf('/me/corrections/new', '?record=r1')).toEqual({
      name: 'newCorrection',
      recordId: 'r1',
    });
    expect(pathOf({ name: 'newCorrection', recordId: null })).toBe('/me/corrections/new');
  });

  it('writes every route back to a path that reads as the same route', () => {
    for (const name of [
      'home',
      'history',
      'records',
      'goals',
      'figures',
      'settings',
      'actFor',
    ] as const) {
      expect(routeOf(pathOf({ name }))).toEqual({ name });
    }
  });

  it('lets only the sign-in page be seen without signing in', () => {
    expect(isPublic({ name: 'signIn' })).toBe(true);
    expect(isPublic({ name: 'activity', id: 'a1' })).toBe(false);
  });

  it('returns to the activity the resident was opening once they have signed in', () => {
    const signIn = signInPath('/me/activities/a1', '?c=c9');
    expect(signIn).toBe('/me/sign-in?next=%2Fme%2Factivities%2Fa1&c=c9');
    expect(nextAfterSignIn(new URL(signIn, 'http://x').search)).toBe('/me/activities/a1');
    expect(signInPath('/me/', '')).toBe('/me/sign-in');
  });

  it('never sends a resident off the app after signing in', () => {
    expect(nextAfterSignIn('?next=https://evil.example/me/')).toBe('/me/');
    expect(nextAfterSignIn('?next=//evil.example/me/')).toBe('/me/');
    expect(nextAfterSignIn('?next=/admin/')).toBe('/me/');
    expect(nextAfterSignIn('?next=/me/sign-in')).toBe('/me/');
    expect(nextAfterSignIn('')).toBe('/me/');
  });
});
