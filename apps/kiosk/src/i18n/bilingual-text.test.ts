import { describe, expect, it } from 'vitest';
import { pickLanguage } from './bilingual-text';

describe('names written in both languages', () => {
  it('shows each resident the half in their language', () => {
    expect(pickLanguage('Rice 5 kg · 大米 5 公斤', 'en')).toBe('Rice 5 kg');
    expect(pickLanguage('Rice 5 kg · 大米 5 公斤', 'zh')).toBe('大米 5 公斤');
  });

  it('keeps a quantity that follows the name', () => {
    expect(pickLanguage('Rice 5 kg · 大米 5 公斤 × 2', 'zh')).toBe('大米 5 公斤 × 2');
    expect(pickLanguage('Rice 5 kg · 大米 5 公斤 × 2', 'en')).toBe('Rice 5 kg × 2');
  });

  it('splits an English sentence followed by its Chinese twin', () => {
    const text = 'Northeast rice, collected at the community office. 东北大米，社区办公室领取。';
    expect(pickLanguage(text, 'en')).toBe('Northeast rice, collected at the community office.');
    expect(pickLanguage(text, 'zh')).toBe('东北大米，社区办公室领取。');
  });

  it('leaves text in one language, or mixed in other ways, as written', () => {
    expect(pickLanguage('探访独居老人', 'en')).toBe('探访独居老人');
    expect(pickLanguage('Elderly visits', 'zh')).toBe('Elderly visits');
    expect(pickLanguage('王阿姨 helps with English homework', 'en')).toBe(
      '王阿姨 helps with English homework',
    );
  });
});
