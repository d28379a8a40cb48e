// What this kiosk remembers about itself, in the browser's local storage: its
// device token and a few settings the office (or a test) may change. Nothing
// about a resident is ever stored.

const TOKEN_KEY = 'tally.kiosk.deviceToken';
const IDLE_KEY = 'tally.kiosk.idleSeconds';
const LANGUAGE_KEY = 'tally.kiosk.language';

export const DEFAULT_IDLE_SECONDS = 60;

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem' | 'removeItem'>;

/**
 * Takes a device token handed over in the address (`?token=…`), keeps it, and
 * removes it from the address bar so it is not left in the history or on screen.
 */
export function adoptTokenFromAddress(
  location: { href: string },
  history: Pick<History, 'replaceState'>,
  storage: Storage,
): void {
  const url = new URL(location.href);
  const token = url.searchParams.get('token')?.trim();
  if (!url.searchParams.has('token')) return;
  if (token) storage.setItem(TOKEN_KEY, token);
  url.searchParams.delete('token');
  history.replaceState(null, '', `${url.pathname}${url.search}${url.hash}`);
}

export function readDeviceToken(storage: Storage): string | null {
  return storage.getItem(TOKEN_KEY) || null;
}

export function saveDeviceToken(storage: Storage, token: string): void {
  storage.setItem(TOKEN_KEY, token.trim());
}

export function forgetDeviceToken(storage: Storage): void {
  storage.removeItem(TOKEN_KEY);
}

function positiveSeconds(value: string | null | undefined): number | null {
  if (!value) return null;
  const seconds = Number(value);
  return Number.isFinite(seconds) && seconds >= 1 && seconds <= 3600 ? seconds : null;
}

/**
 * Seconds without a touch before the "still here?" countdown: `?idle=` in the
 * address (tests use it), else the device setting, else 60.
 */
export function idleSeconds(location: { href: string }, storage: Storage): number {
  const fromAddress = positiveSeconds(new URL(location.href).searchParams.get('idle'));
  return fromAddress ?? positiveSeconds(storage.getItem(IDLE_KEY)) ?? DEFAULT_IDLE_SECONDS;
}

/** How long the countdown runs before signing out: 20 s, shorter when the idle time is. */
export function countdownSeconds(idle: number): number {
  return Math.min(20, Math.max(3, Math.round(idle)));
}

export type Language = 'zh' | 'en';

/**
 * The language each resident starts in: the device setting (or `?lang=`),
 * else Chinese unless the browser is set to English. A resident's own switch
 * lasts until they sign out.
 */
export function deviceLanguage(
  location: { href: string },
  storage: Storage,
  browserLanguage: string,
): Language {
  const fromAddress = new URL(location.href).searchParams.get('lang');
  if (fromAddress === 'zh' || fromAddress === 'en') {
    storage.setItem(LANGUAGE_KEY, fromAddress);
    return fromAddress;
  }
  const saved = storage.getItem(LANGUAGE_KEY);
  if (saved === 'zh' || saved === 'en') return saved;
  return browserLanguage.toLowerCase().startsWith('en') ? 'en' : 'zh';
}

export function saveDeviceLanguage(storage: Storage, language: Language): void {
  storage.setItem(LANGUAGE_KEY, language);
}
