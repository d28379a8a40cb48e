import { beforeEach, describe, expect, it } from 'vitest';
import {
  chosenCommunity,
  deviceId,
  forgetToken,
  phoneLanguage,
  readToken,
  rememberCommunity,
  type Storages,
  saveToken,
} from './device-storage';

describe('what the phone keeps', () => {
  let storages: Storages;
  beforeEach(() => {
    localStorage.clear();
    sessionStorage.clear();
    storages = { local: localStorage, session: sessionStorage };
  });

  it('keeps a remembered token where it outlives the browser', () => {
    saveToken(storages, 'tok', true);
    expect(localStorage.getItem('tally.me.token')).toBe('tok');
    expect(sessionStorage.getItem('tally.me.token')).toBeNull();
    expect(readToken(storages)).toBe('tok');
  });

  it('keeps a token not remembered only until the browser closes', () => {
    saveToken(storages, 'tok', false);
    expect(sessionStorage.getItem('tally.me.token')).toBe('tok');
    expect(localStorage.getItem('tally.me.token')).toBeNull();
    expect(readToken(storages)).toBe('tok');
  });

  it('holds one token at a time: signing in again without remembering forgets the old one', () => {
    saveToken(storages, 'old', true);
    saveToken(storages, 'new', false);
    expect(localStorage.getItem('tally.me.token')).toBeNull();
    expect(readToken(storages)).toBe('new');
    forgetToken(storages);
    expect(readToken(storages)).toBeNull();
  });

  it('makes a device id once and keeps it', () => {
    let made = 0;
    const make = () => `device-${++made}`;
    expect(deviceId(localStorage, make)).toBe('device-1');
    expect(deviceId(localStorage, make)).toBe('device-1');
  });

  it('takes the community from ?c= before the one chosen on this phone', () => {
    expect(chosenCommunity(localStorage, '')).toBeNull();
    rememberCommunity(localStorage, 'c1');
    expect(chosenCommunity(localStorage, '')).toBe('c1');
    expect(chosenCommunity(localStorage, '?c=c2')).toBe('c2');
  });

  it('speaks Chinese unless English was asked for', () => {
    expect(phoneLanguage(localStorage, '')).toBe('zh');
    expect(phoneLanguage(localStorage, '?lang=en')).toBe('en');
  });
});
