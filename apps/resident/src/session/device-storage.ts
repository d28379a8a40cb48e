import { newIdempotencyKey } from '@tally/client/idempotency-key';

// What the phone keeps: its session token (for 30 days when "Remember this phone" is ticked,
// else only until the browser closes), a random device id the service keys PIN rate limits
// by, the chosen community and the language.

const TOKEN = 'tally.me.token';
const DEVICE = 'tally.me.deviceId';
const COMMUNITY = 'tally.me.communityId';
const LANGUAGE = 'tally.me.language';

export type Storages = { local: Storage; session: Storage };

/** The token of this phone's session, wherever it was kept. */
export function readToken({ local, session }: Storages): string | null {
  return session.getItem(TOKEN) ?? local.getItem(TOKEN);
}

/**
 * A remembered phone keeps its token in local storage (it outlives the browser); otherwise in
 * session storage, which the browser forgets when it closes. Only one place holds it at a time.
 */
export function saveToken({ local, session }: Storages, token: string, remember: boolean): void {
  const [keep, clear] = remember ? [local, session] : [session, local];
  keep.setItem(TOKEN, token);
  clear.removeItem(TOKEN);
}

export function forgetToken({ local, session }: Storages): void {
  local.removeItem(TOKEN);
  session.removeItem(TOKEN);
}

/** This phone's id: made once, at random, and kept. It says nothing about the person. */
export function deviceId(local: Storage, make: () => string = newIdempotencyKey): string {
  const known = local.getItem(DEVICE);
  if (known) return known;
  const made = make();
  local.setItem(DEVICE, made);
  return made;
}

/** The community to sign in to: `?c=<id>` in the address first, else the one chosen before. */
export function chosenCommunity(local: Storage, search: string): string | null {
  const fromAddress = new URLSearchParams(search).get('c');
  if (fromAddress) return fromAddress;
  return local.getItem(COMMUNITY);
}

export function rememberCommunity(local: Storage, communityId: string): void {
  local.setItem(COMMUNITY, communityId);
}

export type Language = 'zh' | 'en';

/** Chinese unless English was chosen on this phone (or `?lang=en` asks for it). */
export function phoneLanguage(local: Storage, search: string): Language {
  const asked = new URLSearchParams(search).get('lang') ?? local.getItem(LANGUAGE);
  return asked === 'en' ? 'en' : 'zh';
}

export function rememberLanguage(local: Storage, language: Language): void {
  local.setItem(LANGUAGE, language);
}
