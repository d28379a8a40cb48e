import {
  HELPERS_MAX as DOMAIN_HELPERS_MAX,
  helpKinds as domainKinds,
  EXCHANGE_MINUTES_MAX,
  helpKindLabels,
} from '@tally/domain/timebank';
import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en';
import { createI18n } from '../i18n/i18n';
import { zh } from '../i18n/zh';
import {
  EXCHANGE_MINUTES_MAX as APP_MINUTES_MAX,
  durationText,
  giftChoices,
  HELPERS_MAX,
  helpKinds,
  isOver,
  minutesToConfirm,
  momentOf,
  stepGift,
  stepMinutes,
} from './timebank-words';

describe('the time bank in words', () => {
  it("names each kind of help as the domain does, in both languages (the app's copy keeps zod out of its bundle)", () => {
    expect(helpKinds).toEqual(domainKinds);
    for (const kind of domainKinds) {
      expect(en.timebank.kinds[kind]).toBe(helpKindLabels[kind].en);
      expect(zh.timebank.kinds[kind]).toBe(helpKindLabels[kind].zh);
    }
    expect(HELPERS_MAX).toBe(DOMAIN_HELPERS_MAX);
    expect(APP_MINUTES_MAX).toBe(EXCHANGE_MINUTES_MAX);
  });

  it('says time credit in hours and minutes, never as a decimal', () => {
    const t = createI18n('en').t;
    expect(durationText(t, 150)).toBe('2 hours 30 minutes');
    expect(durationText(t, 60)).toBe('1 hour');
    expect(durationText(t, 61)).toBe('1 hour 1 minute');
    expect(durationText(t, 45)).toBe('45 minutes');
    expect(durationText(t, 0)).toBe('0 minutes');
    expect(durationText(createI18n('zh').t, 150)).toBe('2小时30分钟');
  });

  it('moves a length by a quarter of an hour, within what an exchange may last', () => {
    expect(stepMinutes(60, 1)).toBe(75);
    expect(stepMinutes(15, -1)).toBe(5);
    expect(stepMinutes(1440, 1)).toBe(1440);
  });

  it('offers gifts only as far as the credit goes, and never less than a minute', () => {
    expect(giftChoices(90)).toEqual([30, 60]);
    expect(stepGift(20, 1, 40)).toBe(40);
    expect(stepGift(20, -1, 40)).toBe(1);
  });

  it('asks the requester to confirm the proposal, else the estimate', () => {
    expect(minutesToConfirm({ proposedMinutes: 90 }, { minutesEstimate: 60 })).toBe(90);
    expect(minutesToConfirm({ proposedMinutes: null }, { minutesEstimate: 60 })).toBe(60);
  });

  it("names tomorrow afternoon in the phone's own time, and knows this morning is over at noon", () => {
    const noon = new Date(2026, 4, 10, 12, 0);
    const afternoon = momentOf(1, 'afternoon', noon);
    expect([afternoon.getDate(), afternoon.getHours(), afternoon.getMinutes()]).toEqual([
      11, 14, 0,
    ]);
    expect(isOver(0, 'morning', noon)).toBe(true);
    expect(isOver(0, 'evening', noon)).toBe(false);
  });
});
