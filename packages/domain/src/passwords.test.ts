import { describe, expect, it } from 'vitest';
import { passwordWeakness } from './passwords';

const person = { username: 'zhou.qing', displayName: 'Zhou Qing' };

describe('passwordWeakness', () => {
  it.each([
    ['nine char', 'too_short'],
    ['zzzzzzzzzzzz', 'repeated'],
    ['Password123', 'common'],
    ['1234567890', 'common'],
    ['!!admin2024!!', 'common'],
    ['4567890123', 'common'],
    ['zhou.qing2024', 'contains_name'],
    ['my Qing garden 7', 'contains_name'],
    ['ZHOUQING-rules', 'contains_name'],
    ['zhou-qing garden', 'contains_name'],
  ])('refuses %s as %s', (password, reason) => {
    expect(passwordWeakness(password, person)).toBe(reason);
  });

  it('accepts a long password that is none of those', () => {
    expect(passwordWeakness('plum blossom at the east gate', person)).toBeNull();
    expect(passwordWeakness('7391046285', person)).toBeNull();
  });

  it('counts characters, not bytes, so a Chinese passphrase of ten characters will do', () => {
    expect(passwordWeakness('东门外的梅花开得正好啊', person)).toBeNull();
  });

  it('finds a hyphenated user name and a word of a name in brackets', () => {
    const leader = { username: 'leader-green', displayName: '陈静 (Green Homes)' };
    expect(passwordWeakness('leader-green garden', leader)).toBe('contains_name');
    expect(passwordWeakness('my green garden 7', leader)).toBe('contains_name');
  });

  it('ignores names too short to mean anything inside a password', () => {
    expect(
      passwordWeakness('a lion in the kitchen', { username: 'li', displayName: 'Li' }),
    ).toBeNull();
  });
});
