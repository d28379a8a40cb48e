import { wordsOffGlossary } from '@tally/domain/glossary';
import { describe, expect, it } from 'vitest';
import { en } from './en';
import { zh } from './zh';

function leaves(tree: object, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [[`${prefix}${key}`, value]] : leaves(value, `${prefix}${key}.`),
  );
}

describe('the translations', () => {
  it('have every English string in Chinese too, none left empty or untranslated', () => {
    const english = new Map(leaves(en));
    const chinese = new Map(leaves(zh));
    expect([...chinese.keys()].sort()).toEqual([...english.keys()].sort());
    // Strings that are the same in both on purpose: the brand, the keypad's mode keys.
    const same = new Set(['app.name']);
    for (const [key, text] of chinese) {
      expect(text, key).not.toBe('');
      if (!same.has(key)) expect(text, key).not.toBe(english.get(key));
    }
  });

  it('keep the same placeholders in both languages', () => {
    const chinese = new Map(leaves(zh));
    const placeholders = (text: string) => [...text.matchAll(/{{(\w+)/g)].map((m) => m[1]).sort();
    for (const [key, text] of leaves(en)) {
      expect(placeholders(chinese.get(key) ?? ''), key).toEqual(placeholders(text));
    }
  });

  it('use the one word the glossary gives for kiosk, reward, approved and points', () => {
    expect(wordsOffGlossary(zh, 'zh')).toEqual([]);
    expect(wordsOffGlossary(en, 'en')).toEqual([]);
  });
});
