import { topicKinds as domainKinds, topicKindLabels, topicTitle } from '@tally/domain/deliberation';
import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en';
import { createI18n } from '../i18n/i18n';
import { zh } from '../i18n/zh';
import { matterTitle, notEligibleText, placeText, topicKinds } from './matter-words';

describe('community matters in words', () => {
  it('names the kinds as the domain does, in the same order, in both languages', () => {
    expect(topicKinds).toEqual(domainKinds);
    for (const kind of domainKinds) {
      expect(zh.topicKinds[kind]).toBe(topicKindLabels[kind].zh);
      expect(en.topicKinds[kind]).toBe(topicKindLabels[kind].en);
    }
  });

  it('titles a matter raised by its kind alone as the domain does', () => {
    for (const language of ['zh', 'en'] as const) {
      const { t } = createI18n(language);
      const byKind = { title: null, kind: 'safety' as const };
      expect(matterTitle(t, byKind)).toBe(topicTitle(byKind, language));
      expect(matterTitle(t, { title: '5号楼加装电梯', kind: 'facilities' })).toBe('5号楼加装电梯');
    }
  });

  it('says a building by its number in the reader’s words, and a written place as written', () => {
    expect(placeText(createI18n('en').t, '3')).toBe('Building 3');
    expect(placeText(createI18n('zh').t, '3')).toBe('3号楼');
    expect(placeText(createI18n('en').t, '小区主路')).toBe('小区主路');
  });

  it('says who a vote is for', () => {
    const { t } = createI18n('en');
    expect(notEligibleText(t, { ageBands: ['60_74', '75_plus'], buildings: [] })).toBe(
      'This vote is for residents aged 60 to 74, aged 75 and over.',
    );
    expect(notEligibleText(t, { ageBands: [], buildings: [] })).toBe(
      'This vote is for a particular group of residents, by age or building.',
    );
  });
});
