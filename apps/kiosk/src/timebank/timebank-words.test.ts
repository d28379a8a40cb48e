import { helpKinds as domainKinds, helpKindLabels } from '@tally/domain/timebank';
import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en';
import { createI18n } from '../i18n/i18n';
import { zh } from '../i18n/zh';
import { claimStatusText, durationText, helpKinds, startingMinutes } from './timebank-words';

describe('the time bank in words', () => {
  it('names the kinds of help as the domain does, in the same order, in both languages', () => {
    expect(helpKinds).toEqual(domainKinds);
    for (const kind of domainKinds) {
      expect(zh.helpKinds[kind]).toBe(helpKindLabels[kind].zh);
      expect(en.helpKinds[kind]).toBe(helpKindLabels[kind].en);
    }
  });

  it('says time in hours and minutes as people do', () => {
    const english = createI18n('en').t;
    const chinese = createI18n('zh').t;
    expect(durationText(english, 90)).toBe('1 h 30 min');
    expect(durationText(english, 60)).toBe('1 h');
    expect(durationText(english, 45)).toBe('45 min');
    expect(durationText(english, 0)).toBe('0 min');
    expect(durationText(chinese, 150)).toBe('2小时30分钟');
    expect(durationText(chinese, 30)).toBe('30分钟');
  });

  it('says where a helper’s part stands, with the time when there is one', () => {
    const { t } = createI18n('en');
    const claim = { status: 'proposed' as const, proposedMinutes: 120, minutes: null };
    expect(claimStatusText(t, claim)).toBe('Says it took 2 h');
    expect(claimStatusText(t, { ...claim, status: 'confirmed', minutes: 45 })).toBe(
      'Confirmed: 45 min',
    );
    expect(claimStatusText(t, { ...claim, status: 'no_show' })).toBe('Did not come');
  });

  it('starts the minutes at the helper’s word, else the estimate, within a day', () => {
    expect(startingMinutes({ minutesEstimate: 60 }, { proposedMinutes: 75 })).toBe(75);
    expect(startingMinutes({ minutesEstimate: 60 }, { proposedMinutes: null })).toBe(60);
    expect(startingMinutes({ minutesEstimate: 60 })).toBe(60);
    expect(startingMinutes({ minutesEstimate: 2000 })).toBe(1440);
  });
});
