import { describe, expect, it } from 'vitest';
import { initialResolveValues, toResolveInput, validateResolve } from './resolve-form';
import { missingRecordRequest as missing, wrongHoursRequest as wrongHours } from './test-requests';

describe('the answer to a correction request', () => {
  it('starts from the length the resident asked for', () => {
    const values = initialResolveValues(wrongHours(150));
    expect(values).toMatchObject({ hours: '2', minutes: '30', notAtAll: false, decision: '' });
    expect(initialResolveValues(wrongHours(0)).notAtAll).toBe(true);
  });

  it('prefills the organization only when the resident belongs to just one', () => {
    const unnamed = { ...missing(), missing: null };
    expect(initialResolveValues(unnamed, ['o1']).organizationId).toBe('o1');
    expect(initialResolveValues(unnamed, ['o1', 'o2']).organizationId).toBe('');
  });

  it('prefills the organization, activity and day the resident picked at the kiosk', () => {
    expect(initialResolveValues(missing(), ['o2', 'o1'])).toMatchObject({
      organizationId: 'o1',
      title: 'Tree planting',
      date: '2026-11-29',
    });
    // An organization the resident has since left is not offered, so not prefilled.
    expect(initialResolveValues(missing(), ['o2', 'o3']).organizationId).toBe('');
  });

  it('needs a decision and a reason for the resident', () => {
    const request = wrongHours();
    const values = { ...initialResolveValues(request), reason: '   ' };
    expect(validateResolve(request, values)).toEqual({ decision: 'decision', reason: 'reason' });
    expect(
      validateResolve(request, { ...values, decision: 'decline', reason: 'x'.repeat(501) }),
    ).toEqual({ reason: 'reasonTooLong' });
  });

  it('declines with only the trimmed reason', () => {
    const request = wrongHours();
    const values = { ...initialResolveValues(request), decision: 'decline' as const };
    const answer = { ...values, reason: '  The sheet shows 10:30  ' };
    expect(validateResolve(request, answer)).toEqual({});
    expect(toResolveInput(request, answer)).toEqual({
      id: request.id,
      decision: 'decline',
      reason: 'The sheet shows 10:30',
    });
  });

  it('corrects wrong hours to the length typed, refusing the length already recorded', () => {
    const request = wrongHours();
    const values = {
      ...initialResolveValues(request),
      decision: 'accept' as const,
      reason: 'Confirmed by the leader',
    };
    expect(toResolveInput(request, values)).toMatchObject({ correctedMinutes: 180 });
    expect(validateResolve(request, { ...values, hours: '2', minutes: '0' })).toEqual({
      duration: 'sameLength',
    });
    expect(validateResolve(request, { ...values, hours: '25', minutes: '' })).toEqual({
      duration: 'durationTooLong',
    });
    expect(validateResolve(request, { ...values, hours: '', minutes: '' })).toEqual({
      duration: 'duration',
    });
  });

  it('reverses only when the service should not count at all', () => {
    const request = wrongHours();
    const values = {
      ...initialResolveValues(request),
      decision: 'accept' as const,
      reason: 'Was not there',
      notAtAll: true,
      hours: '',
      minutes: '',
    };
    expect(validateResolve(request, values)).toEqual({});
    expect(toResolveInput(request, values)).toMatchObject({ correctedMinutes: 0 });
  });

  it('logs a missing record only with every detail of the service', () => {
    const request = { ...missing(), missing: null };
    const values = {
      ...initialResolveValues(request, ['o1']),
      decision: 'accept' as const,
      reason: 'On the sign-in sheet',
    };
    expect(Object.keys(validateResolve(request, values)).sort()).toEqual([
      'category',
      'date',
      'place',
      'time',
      'title',
    ]);
    const complete = {
      ...values,
      title: ' Courtyard clean-up ',
      category: 'environment' as const,
      place: 'Courtyard',
      date: '2026-11-21',
      time: '09:00',
    };
    expect(validateResolve(request, complete)).toEqual({});
    expect(toResolveInput(request, complete)).toEqual({
      id: request.id,
      decision: 'accept',
      reason: 'On the sign-in sheet',
      record: {
        organizationId: 'o1',
        activity: { title: 'Courtyard clean-up', category: 'environment', place: 'Courtyard' },
        startedAt: new Date('2026-11-21T09:00').toISOString(),
        minutes: 90,
      },
    });
  });
});
