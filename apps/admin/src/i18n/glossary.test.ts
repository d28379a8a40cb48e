import { wordsOffGlossary } from '@tally/domain/glossary';
import { describe, expect, it } from 'vitest';
import { en } from './en';
import { zh } from './zh';

describe('the admin’s words', () => {
  it('use the one word the glossary gives for kiosk, reward, approved and points', () => {
    expect(wordsOffGlossary(zh, 'zh')).toEqual([]);
    expect(wordsOffGlossary(en, 'en')).toEqual([]);
  });
});
