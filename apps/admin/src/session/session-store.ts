import type { StaffUser } from '@tally/domain/staff';

/** Why the sign-in page is showing, when it is not the first visit. */
export type SignInNotice = 'expired' | 'signed-out' | null;

export type SessionState = {
  token: string | null;
  /** Null until `auth.me` (or the sign-in) has said who the token belongs to. */
  user: StaffUser | null;
  /** The password was reset: nothing but choosing a new one until it is done. */
  mustChangePassword: boolean;
  notice: SignInNotice;
};

export type SessionStore = ReturnType<typeof createSessionStore>;

const TOKEN_KEY = 'tally.admin.token';

/**
 * The staff session. The token lives in sessionStorage: it survives a reload but not the
 * closing of the tab, and no other tab or site can read it from a cookie we control.
 */
export function createSessionStore(storage: Storage) {
  let state: SessionState = {
    token: storage.getItem(TOKEN_KEY),
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
    token: () => state.token,
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    signIn(token: string, user: StaffUser, { mustChangePassword = false } = {}) {
      set({ token, user: withoutFlags(user), mustChangePassword, notice: null });
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
      set({ token: null, user: null, mustChangePassword: false, notice: 'expired' });
    },
    signOut() {
      set({ token: null, user: null, mustChangePassword: false, notice: 'signed-out' });
    },
  };
}

function withoutFlags({
  mustChangePassword: _mustChangePassword,
  ...user
}: StaffUser & { mustChangePassword?: boolean }): StaffUser {
  return user;
}
