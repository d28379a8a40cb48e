import { describe, expect, it } from 'vitest';
import {
  emptyRequestFor,
  readMinutes,
  requestForInput,
  validateRequestFor,
} from './request-for-form';

const resident = '00000000-0000-4000-8000-000000000042';

describe('asking for help for a resident', () => {
  it('needs the resident, an estimate the domain accepts and the office’s reason', () => {
    expect(validateRequestFor({ ...emptyRequestFor, minutes: '3' })).toEqual({
      resident: true,
      estimate: true,
      reason: true,
    });
  });

  it('takes any time when both day and time are empty, and refuses half a moment', () => {
    const values = { ...emptyRequestFor, residentId: resident, reason: '行动不便' };
    expect(validateRequestFor(values)).toEqual({});
    expect(validateRequestFor({ ...values, whenDate: '2026-12-20' })).toEqual({ when: true });
    expect(requestForInput(values)).not.toHaveProperty('when');
  });

  it('sends the moment as an instant, the texts trimmed, and leaves an empty place out', () => {
    const input = requestForInput({
      ...emptyRequestFor,
      residentId: resident,
      kind: 'shopping',
      description: '  买米  ',
      whenDate: '2026年12月20日',
      whenTime: '9点30',
      minutes: ' 45 ',
      helpers: 2,
      reason: ' 独居 ',
    });
    expect(input).toEqual({
      residentId: resident,
      kind: 'shopping',
      description: '买米',
      when: new Date('2026-12-20T09:30').toISOString(),
      minutesEstimate: 45,
      helpersNeeded: 2,
      showOnBoard: false,
      reason: '独居',
    });
  });

  it('reads minutes only as whole numbers from 5 to a day', () => {
    expect(readMinutes('30')).toBe(30);
    expect(readMinutes('1441')).toBeNull();
    expect(readMinutes('4')).toBeNull();
    expect(readMinutes('1.5')).toBeNull();
    expect(readMinutes('')).toBeNull();
  });
});
