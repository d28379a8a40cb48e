import { describe, expect, it } from 'vitest';
import { inLanguage, localizedNameInput } from './localized-text';

describe('names in each language', () => {
  it('shows the reader the name in their own language', () => {
    const name = { zh: '欢唱券', en: 'Karaoke voucher' };
    expect(inLanguage(name, 'zh')).toBe('欢唱券');
    expect(inLanguage(name, 'en')).toBe('Karaoke voucher');
  });

  it('falls back to the other language when a name was given in one only', () => {
    expect(inLanguage({ zh: 'KTV 欢唱券', en: '' }, 'en')).toBe('KTV 欢唱券');
    expect(inLanguage({ zh: '', en: 'Desk fan' }, 'zh')).toBe('Desk fan');
  });

  it('asks for a name in at least one language', () => {
    const Name = localizedNameInput({ max: 10, message: 'A reward needs a name' });
    expect(Name.safeParse({ zh: '  ', en: '' }).error?.issues[0]?.message).toBe(
      'A reward needs a name',
    );
    expect(Name.parse({ en: ' Tea ' })).toEqual({ zh: '', en: 'Tea' });
  });
});
