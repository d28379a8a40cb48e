import { describe, expect, it } from 'vitest';
import { maskName } from './privacy';

describe('maskName', () => {
  it('keeps the family name and the last character of a Chinese name', () => {
    expect(maskName('王小明')).toBe('王*明');
    expect(maskName('欧阳建国')).toBe('欧**国');
    expect(maskName('李四')).toBe('李*');
  });

  it('keeps the first letter of a given name and the initials of the rest', () => {
    expect(maskName('John Smith')).toBe('J*** S.');
    expect(maskName('Ann  Lee Wong')).toBe('A** L. W.');
    expect(maskName('Alice')).toBe('A***');
  });

  it('never gives back a name of more than one character whole', () => {
    for (const name of ['王小明', 'Bo', 'Jo Li', '张伟']) expect(maskName(name)).not.toBe(name);
  });
});
