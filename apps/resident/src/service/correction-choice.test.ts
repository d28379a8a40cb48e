import { describe, expect, it } from 'vitest';
import type { MyServiceRecord, RecentActivity } from '../api/me-types';
import { choiceProblem, sheetsFor, stepMinutes, toRequest } from './correction-choice';

const record: MyServiceRecord = {
  id: 'r1',
  organization: { id: 'o1', name: { zh: '阳光志愿队', en: 'Sunshine Volunteers' } },
  activity: {
    title: '探访老人',
    category: 'elderly_care' as MyServiceRecord['activity']['category'],
  },
  startedAt: '2026-11-29T09:00:00+08:00',
  serviceDate: '2026-11-29',
  minutes: 120,
  status: 'approved',
  points: 20,
  correctable: true,
};
const sheet = (organizationId: string, title: string): RecentActivity => ({
  organization: { id: organizationId, name: { zh: organizationId, en: organizationId } },
  title,
  category: record.activity.category,
  date: '2026-12-01',
});

describe('a correction raised by taps', () => {
  it('asks for new hours and a reason before wrong hours can be sent', () => {
    const choice = { kind: 'wrong_hours' as const, record, minutes: 120, reason: '' };
    expect(choiceProblem({ ...choice, record: null })).toBe('needRecord');
    expect(choiceProblem(choice)).toBe('sameHours');
    expect(choiceProblem({ ...choice, minutes: stepMinutes(120, 1) })).toBe('needReason');
    expect(choiceProblem({ ...choice, minutes: 135, reason: 'I served longer' })).toBeNull();
    expect(toRequest({ ...choice, minutes: 135, reason: ' I served longer ' })).toEqual({
      kind: 'wrong_hours',
      serviceRecordId: 'r1',
      proposedMinutes: 135,
      reason: 'I served longer',
    });
  });

  it('sends a missing record named by organization and sheet without a reason', () => {
    const activity = sheet('o1', '社区义诊');
    const choice = { kind: 'missing_record' as const, organizationId: 'o1', activity, reason: '' };
    expect(choiceProblem(choice)).toBeNull();
    expect(toRequest(choice)).toEqual({
      kind: 'missing_record',
      reason: '',
      organizationId: 'o1',
      serviceDate: '2026-12-01',
      activityTitle: '社区义诊',
    });
  });

  it('needs a reason when the resident is not sure or the sheet is not listed', () => {
    expect(
      choiceProblem({ kind: 'missing_record', organizationId: null, activity: null, reason: '' }),
    ).toBe('needReason');
    expect(
      toRequest({
        kind: 'missing_record',
        organizationId: null,
        activity: null,
        reason: 'not logged',
      }),
    ).toEqual({
      kind: 'missing_record',
      reason: 'not logged',
    });
  });

  it('keeps hours between none and a day, a quarter of an hour at a time', () => {
    expect(stepMinutes(0, -1)).toBe(0);
    expect(stepMinutes(1440, 1)).toBe(1440);
    expect(stepMinutes(60, -1)).toBe(45);
  });

  it('offers the sheets of the chosen organization, or all when not sure', () => {
    const sheets = [sheet('o1', 'a'), sheet('o2', 'b')];
    expect(sheetsFor(sheets, 'o2').map((s) => s.title)).toEqual(['b']);
    expect(sheetsFor(sheets, null)).toHaveLength(2);
  });
});
