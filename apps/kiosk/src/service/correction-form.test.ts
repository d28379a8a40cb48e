import { describe, expect, it } from 'vitest';
import type { MyRecord } from '../api/kiosk-client';
import { formProblem, startForm, stepMinutes, toRequest } from './correction-form';

const record: MyRecord = {
  id: 'rec1',
  organization: { id: 'o1', name: { zh: '', en: 'Elder care team' } },
  activity: { title: 'Visiting', category: 'mutual_aid' },
  startedAt: '2026-11-20T09:00:00+08:00',
  serviceDate: '2026-11-20',
  minutes: 90,
  status: 'approved',
  points: 15,
  correctable: true,
};

describe('the correction form', () => {
  it('starts on wrong hours at the recorded length, or on a missing record without one', () => {
    expect(startForm(record)).toEqual({ kind: 'wrong_hours', minutes: 90, reason: '' });
    expect(startForm(null).kind).toBe('missing_record');
  });

  it('steps by a quarter hour between 0 and a day', () => {
    expect(stepMinutes(90, 1)).toBe(105);
    expect(stepMinutes(90, -1)).toBe(75);
    expect(stepMinutes(0, -1)).toBe(0);
    expect(stepMinutes(1440, 1)).toBe(1440);
  });

  it('needs changed hours and a reason before it can be sent', () => {
    const form = startForm(record);
    expect(formProblem(form, record)).toBe('sameHours');
    expect(formProblem({ ...form, minutes: 120 }, record)).toBe('needReason');
    expect(formProblem({ ...form, minutes: 120, reason: '   ' }, record)).toBe('needReason');
    expect(formProblem({ ...form, minutes: 120, reason: 'x'.repeat(501) }, record)).toBe(
      'reasonTooLong',
    );
    expect(formProblem({ ...form, minutes: 120, reason: 'I stayed longer' }, record)).toBeNull();
    expect(formProblem({ ...form, minutes: 120, reason: 'x' }, null)).toBe('needRecord');
    expect(
      formProblem({ kind: 'missing_record', minutes: 0, reason: 'Not logged' }, null),
    ).toBeNull();
  });

  it('sends wrong hours with the record and the minutes, a missing record without either', () => {
    expect(toRequest({ kind: 'wrong_hours', minutes: 120, reason: ' longer ' }, record)).toEqual({
      kind: 'wrong_hours',
      serviceRecordId: 'rec1',
      proposedMinutes: 120,
      reason: 'longer',
    });
    expect(toRequest({ kind: 'missing_record', minutes: 120, reason: 'gone' }, record)).toEqual({
      kind: 'missing_record',
      reason: 'gone',
    });
  });
});
