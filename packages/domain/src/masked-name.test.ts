import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskName } from './masked-name';

describe('a masked name', () => {
  it.each([
    ['王小明', '王*明'],
    ['李四', '李*'],
    ['欧阳小明', '欧**明'],
    ['王', '王*'],
    ['John Smith', 'J*** S.'],
    ['Mary Ann Lee', 'M*** A. L.'],
    ['Madonna', 'M***'],
    ['  Grandpa   Li ', 'G*** L.'],
    ['Zoë Ünal', 'Z*** Ü.'],
  ])('shows %s as %s', (name, masked) => {
    expect(maskName(name)).toBe(masked);
  });

  it('tells nothing of a name with no letters', () => {
    expect(maskName('')).toBe('*');
    expect(maskName(' - ')).toBe('*');
  });

  it('does not tell how long a western first name is', () => {
    expect(maskName('Al Stone')).toBe(maskName('Alexandra Stevenson'));
  });

  it('never shows a Chinese name of two or more characters whole', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...'王李张刘陈秀英建国明'), { minLength: 2, maxLength: 6 }),
        (chars) => {
          const name = chars.join('');
          const masked = maskName(name);
          expect(masked).not.toBe(name);
          expect(Array.from(masked)).toHaveLength(chars.length);
          expect(masked.startsWith(chars[0] ?? '')).toBe(true);
        },
      ),
    );
  });
});
