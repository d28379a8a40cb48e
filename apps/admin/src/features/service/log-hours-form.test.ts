import { describe, expect, it } from 'vitest';
import { durationMinutes } from './activity-form';
import {
  isInFuture,
  type LogHoursValues,
  lastFullHour,
  toLogServiceInput,
  validateLogHours,
} from './log-hours-form';

const filled: LogHoursValues = {
  organizationId: 'org-1',
  title: '  Courtyard clean-up ',
  category: 'environment',
  place: 'Courtyard B',
  date: '2026-11-03',
  time: '09:30',
  hours: '1',
  minutes: '30',
  note: '',
  residentIds: ['a', 'b'],
};

describe('the log-hours form', () => {
  it('accepts a complete sign-in sheet', () => {
    expect(validateLogHours(filled)).toEqual({});
  });

  it('names every missing field', () => {
    const errors = validateLogHours({
      ...filled,
      organizationId: '',
      title: ' ',
      category: '',
      place: '',
      residentIds: [],
    });
    expect(errors).toEqual({
      organizationId: 'organization',
      title: 'title',
      category: 'category',
      place: 'place',
      residentIds: 'members',
    });
  });

  it('refuses a service of no time or of more than a day', () => {
    expect(validateLogHours({ ...filled, hours: '0', minutes: '0' }).duration).toBe('duration');
    expect(validateLogHours({ ...filled, hours: '24', minutes: '5' }).duration).toBe(
      'durationTooLong',
    );
    expect(validateLogHours({ ...filled, hours: '24', minutes: '0' }).duration).toBeUndefined();
  });

  it('holds the activity’s name to the 100 characters the service takes', () => {
    expect(validateLogHours({ ...filled, title: '读'.repeat(100) }).title).toBeUndefined();
    expect(validateLogHours({ ...filled, title: '读'.repeat(101) }).title).toBe('titleTooLong');
  });

  it('refuses more than 500 people on one sheet', () => {
    const residentIds = Array.from({ length: 501 }, (_, i) => `r${i}`);
    expect(validateLogHours({ ...filled, residentIds }).residentIds).toBe('tooManyMembers');
  });

  it('turns hours and minutes into minutes', () => {
    expect(durationMinutes({ hours: '1.5', minutes: '' })).toBe(90);
    expect(durationMinutes({ hours: '', minutes: '45' })).toBe(45);
  });

  it('builds the service.log input with a local start time as an instant', () => {
    const input = toLogServiceInput(filled);
    expect(input).toEqual({
      organizationId: 'org-1',
      residentIds: ['a', 'b'],
      activity: { title: 'Courtyard clean-up', category: 'environment', place: 'Courtyard B' },
      startedAt: new Date('2026-11-03T09:30').toISOString(),
      minutes: 90,
    });
  });

  it('passes a note only when there is one', () => {
    expect(toLogServiceInput({ ...filled, note: ' from the paper sheet ' }).note).toBe(
      'from the paper sheet',
    );
  });

  it('starts a new sheet at the last full hour, never in the future', () => {
    expect(lastFullHour(new Date('2026-11-03T14:37'))).toEqual({
      date: '2026-11-03',
      time: '14:00',
    });
    expect(lastFullHour(new Date('2026-11-04T00:05'))).toEqual({
      date: '2026-11-04',
      time: '00:00',
    });
    const now = new Date();
    expect(isInFuture(lastFullHour(now), now)).toBe(false);
  });

  it('notices an activity in the future', () => {
    const now = new Date('2026-11-03T10:00');
    expect(isInFuture({ date: '2026-11-03', time: '11:00' }, now)).toBe(true);
    expect(isInFuture({ date: '2026-11-03', time: '09:00' }, now)).toBe(false);
  });
});
