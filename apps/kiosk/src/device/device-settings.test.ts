import { describe, expect, it, vi } from 'vitest';
import {
  adoptTokenFromAddress,
  countdownSeconds,
  DEFAULT_IDLE_SECONDS,
  deviceLanguage,
  idleSeconds,
  readDeviceToken,
} from './device-settings';

function memoryStorage() {
  const values = new Map<string, string>();
  return {
    getItem: (key: string) => values.get(key) ?? null,
    setItem: (key: string, value: string) => void values.set(key, value),
    removeItem: (key: string) => void values.delete(key),
  };
}

describe('the kiosk device settings', () => {
  it('keeps a token given in the address and takes it out of the address bar', () => {
    const storage = memoryStorage();
    const history = { replaceState: vi.fn() };
    adoptTokenFromAddress(
      { href: 'http://kiosk.local/kiosk/?token=abc123&idle=5#x' },
      history,
      storage,
    );
    expect(readDeviceToken(storage)).toBe('abc123');
    expect(history.replaceState).toHaveBeenCalledWith(null, '', '/kiosk/?idle=5#x');
  });

  it('leaves the address alone when it carries no token', () => {
    const storage = memoryStorage();
    const history = { replaceState: vi.fn() };
    adoptTokenFromAddress({ href: 'http://kiosk.local/kiosk/' }, history, storage);
    expect(history.replaceState).not.toHaveBeenCalled();
    expect(readDeviceToken(storage)).toBeNull();
  });

  it('waits 60 s before the countdown unless the address or the device says otherwise', () => {
    const storage = memoryStorage();
    expect(idleSeconds({ href: 'http://k/kiosk/' }, storage)).toBe(DEFAULT_IDLE_SECONDS);
    expect(idleSeconds({ href: 'http://k/kiosk/?idle=5' }, storage)).toBe(5);
    expect(idleSeconds({ href: 'http://k/kiosk/?idle=nonsense' }, storage)).toBe(60);
    storage.setItem('tally.kiosk.idleSeconds', '90');
    expect(idleSeconds({ href: 'http://k/kiosk/' }, storage)).toBe(90);
  });

  it('counts down 20 s, or less when the idle time is short', () => {
    expect(countdownSeconds(60)).toBe(20);
    expect(countdownSeconds(5)).toBe(5);
  });

  it('starts in Chinese unless told English', () => {
    const storage = memoryStorage();
    expect(deviceLanguage({ href: 'http://k/kiosk/' }, storage, 'zh-CN')).toBe('zh');
    expect(deviceLanguage({ href: 'http://k/kiosk/' }, storage, 'fr-FR')).toBe('zh');
    expect(deviceLanguage({ href: 'http://k/kiosk/' }, storage, 'en-GB')).toBe('en');
    expect(deviceLanguage({ href: 'http://k/kiosk/?lang=en' }, storage, 'zh-CN')).toBe('en');
    expect(deviceLanguage({ href: 'http://k/kiosk/' }, storage, 'zh-CN')).toBe('en');
  });
});
