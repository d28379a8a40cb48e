import type { StaffActivity } from '@tally/domain/activities';
import { describe, expect, it } from 'vitest';
import {
  type ActivityFormValues,
  activityFormValues,
  activityTerms,
  activityTimes,
  emptyActivityForm,
  typedBuildings,
  validateActivityForm,
} from './activity-form';

const ORGANIZATION = '11111111-1111-4111-8111-111111111111';

const filled = (changes: Partial<ActivityFormValues> = {}): ActivityFormValues => ({
  ...emptyActivityForm(ORGANIZATION, new Date('2026-12-06T10:00')),
  title: { zh: '庭院大扫除', en: 'Courtyard clean-up' },
  category: 'environment',
  place: 'Courtyard B',
  ...changes,
});

describe('the activity form', () => {
  it('starts as a draft for tomorrow morning, two hours, open to everyone', () => {
    const draft = emptyActivityForm(ORGANIZATION, new Date('2026-12-06T10:00'));
    expect(draft).toMatchObject({
      date: '2026-12-07',
      startTime: '09:00',
      endTime: '11:00',
      slots: '',
      inviteGroup: false,
    });
  });

  it('says what is missing beside each field', () => {
    const errors = validateActivityForm({
      ...emptyActivityForm(''),
      date: 'soon',
      startTime: '25:00',
    });
    expect(errors).toEqual({
      organizationId: 'organization',
      title: 'title',
      category: 'category',
      place: 'place',
      date: 'date',
      startTime: 'time',
    });
  });

  it('takes one title language as enough', () => {
    expect(validateActivityForm(filled({ title: { zh: '', en: 'Clean-up' } }))).toEqual({});
  });

  it('reads an end time before the start as the next day, and refuses the same time', () => {
    const late = activityTimes({ date: '2026-12-07', startTime: '22:00', endTime: '01:30' });
    expect(late).toMatchObject({ minutes: 210, nextDay: true });
    expect(late?.endsAt).toBe(new Date('2026-12-08T01:30').toISOString());
    expect(validateActivityForm(filled({ startTime: '14:00', endTime: '14:00' }))).toEqual({
      endTime: 'sameTime',
    });
  });

  it('wants places as a whole number, and a sign-up opening with both date and time, before the start', () => {
    expect(validateActivityForm(filled({ slots: '2.5' }))).toEqual({ slots: 'slots' });
    expect(validateActivityForm(filled({ slots: '0' }))).toEqual({ slots: 'slots' });
    expect(validateActivityForm(filled({ opensDate: '2026-12-06' }))).toEqual({ opens: 'opens' });
    expect(validateActivityForm(filled({ opensDate: '2026-12-07', opensTime: '10:00' }))).toEqual({
      opens: 'opensAfterStart',
    });
  });

  it('wants an invited group to name someone: an age, a building or the campaign', () => {
    expect(validateActivityForm(filled({ inviteGroup: true }))).toEqual({ invite: 'invite' });
    expect(validateActivityForm(filled({ inviteGroup: true, campaign: true }))).toEqual({});
    expect(validateActivityForm(filled({ inviteGroup: true, buildings: '3' }))).toEqual({});
  });

  it('reads buildings separated by commas of either width, each once', () => {
    expect(typedBuildings(' 3, 5，7号楼、3 ,')).toEqual(['3', '5', '7号楼']);
  });

  it('sends the terms as the service takes them', () => {
    const terms = activityTerms(
      filled({
        title: { zh: ' 庭院大扫除 ', en: '' },
        date: '2026/12/7',
        startTime: '9:30',
        endTime: '1130',
        slots: '12',
        waitingList: true,
        opensDate: '2026-12-06',
        opensTime: '08:00',
        inviteGroup: true,
        ageBands: ['under_30'],
        buildings: '3, 5',
      }),
    );
    expect(terms).toEqual({
      title: { zh: '庭院大扫除', en: '' },
      description: { zh: '', en: '' },
      category: 'environment',
      place: 'Courtyard B',
      startsAt: new Date('2026-12-07T09:30').toISOString(),
      endsAt: new Date('2026-12-07T11:30').toISOString(),
      slots: 12,
      waitingList: true,
      signUpOpensAt: new Date('2026-12-06T08:00').toISOString(),
      invite: { ageBands: ['under_30'], buildings: ['3', '5'], campaign: false },
    });
  });

  it('leaves out a limit, a waiting list and an invitation nobody asked for', () => {
    const terms = activityTerms(filled({ waitingList: true }));
    expect(terms).not.toHaveProperty('slots');
    expect(terms).not.toHaveProperty('invite');
    expect(terms).not.toHaveProperty('signUpOpensAt');
    expect(terms.waitingList).toBe(false);
  });

  it('shows an activity’s terms for a change as they were sent', () => {
    const values = filled({
      slots: '8',
      waitingList: true,
      inviteGroup: true,
      ageBands: ['60_74'],
      buildings: '3, 5',
      campaign: true,
    });
    const terms = activityTerms(values);
    const activity = {
      ...terms,
      id: '22222222-2222-4222-8222-222222222222',
      organization: { id: ORGANIZATION, name: { zh: '阳光', en: 'Sunshine' } },
      slots: 8,
      signUpOpensAt: null,
      invite: {
        ageBands: ['60_74'],
        buildings: ['3', '5'],
        campaign: { ruleVersion: 3, bonusPercent: 50, from: '2026-12-01', to: '2026-12-31' },
      },
    } as unknown as StaffActivity;
    expect(activityFormValues(activity)).toEqual(values);
  });
});
