import type { StaffUser } from '@tally/domain/staff';

/** Why the sign-in page is showing, when it is not the first visit. */
export type SignInNotice = 'expired' | 'signed-out' | null;

export type SessionState = {
  /** This tab's bearer token, or COOKIE_SESSION when the tab rides on the browser's session cookie. */
  token: string | null;
  /** Whether a tab that opened without a token has asked the service if the cookie signs it in. */
  cookieChecked: boolean;
  /** Null until `auth.me` (or the sign-in) has said who the token belongs to. */
  user: StaffUser | null;
  /** The password was reset: nothing but choosing a new one until it is done. */
  mustChangePassword: boolean;
  notice: SignInNotice;
};

export type SessionStore = ReturnType<typeof createSessionStore>;

const TOKEN_KEY = 'tally.admin.token';

/** The tab is signed in by the HttpOnly session cookie the service set at sign-in, not a token. */
export const COOKIE_SESSION = 'cookie';

/**
 * The staff session. The token lives in sessionStorage: it survives a reload but not the
 * closing of the tab, and no other site can read it. A tab opened later (a link opened in a new
 * tab, a bookmark) has no token; it asks the service whether the browser's session cookie signs
 * it in, so staff stay signed in across tabs as they expect.
 */
export function createSessionStore(storage: Storage) {
  const stored = storage.getItem(TOKEN_KEY);
  let state: SessionState = {
    token: stored,
    cookieChecked: stored !== null,
    user: null,
    mustChangePassword: false,
    notice: null,
  };
  const listeners = new Set<() => void>();

  function set(next: SessionState) {
    state = next;
    if (next.token) storage.setItem(TOKEN_KEY, next.token);
    else storage.removeItem(TOKEN_KEY);
    for (const listener of listeners) listener();
  }

  return {
    getState: () => state,
    /** The bearer token to send, if any (a cookie session sends none: the browser sends the cookie). */
    token: () => (state.token === COOKIE_SESSION ? null : state.token),
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    signIn(token: string, user: StaffUser, { mustChangePassword = false } = {}) {
      set({
        token,
        cookieChecked: true,
        user: withoutFlags(user),
        mustChangePassword,
        notice: null,
      });
    },
    /** The session cookie signs this tab in (or not: then it shows the sign-in form). */
    cookieChecked(user: (StaffUser & { mustChangePassword?: boolean }) | null) {
      if (!user) {
        set({ ...state, cookieChecked: true });
        return;
      }
      set({
        token: COOKIE_SESSION,
        cookieChecked: true,
        user: withoutFlags(user),
        mustChangePassword: user.mustChangePassword ?? false,
        notice: null,
      });
    },
    /** Who the token belongs to (from `auth.me`), and whether they must change their password. */
    setUser(user: StaffUser & { mustChangePassword?: boolean }) {
      set({
        ...state,
        user: withoutFlags(user),
        mustChangePassword: user.mustChangePassword ?? state.mustChangePassword,
      });
    },
    passwordChanged() {
      set({ ...state, mustChangePassword: false });
    },
    /** The service no longer accepts the token: back to sign-in, saying why. */
    expire() {
      if (!state.token && !state.user) return;
      set({
        token: null,
        cookieChecked: true,
        user: null,
        mustChangePassword: false,
        notice: 'expired',
      });
    },
    signOut() {
      set({
        token: null,
        cookieChecked: true,
        user: null,
        mustChangePassword: false,
        notice: 'signed-out',
      });
    },
  };
}

function withoutFlags({
  mustChangePassword: _mustChangePassword,
  ...user
}: StaffUser & { mustChangePassword?: boolean }): StaffUser {
  return user;
}
