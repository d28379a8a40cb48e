import { describe, expect, it } from 'vitest';
import { emptyPollForm, type PollFormValues, pollInput, validatePollForm } from './poll-form';

const filled = (changes: Partial<PollFormValues> = {}): PollFormValues => ({
  ...emptyPollForm(new Date(2026, 11, 7, 9, 30)),
  question: { zh: '是否建设车棚？', en: '' },
  options: [
    { zh: '同意', en: 'Yes' },
    { zh: '不同意', en: 'No' },
  ],
  ...changes,
});

describe('the open-a-poll form', () => {
  it('opens now and closes a week later at six, secret and for everyone, unless changed', () => {
    const input = pollInput(filled());
    expect(input.opensAt).toBe(new Date(2026, 11, 7, 9, 30).toISOString());
    expect(input.closesAt).toBe(new Date(2026, 11, 14, 18, 0).toISOString());
    expect(input).toMatchObject({ secret: true, changeable: false });
    expect(input).not.toHaveProperty('eligibility');
  });

  it('asks for a question, a text for every option and at least two options', () => {
    expect(validatePollForm(filled({ question: { zh: ' ', en: '' } }))).toMatchObject({
      question: 'question',
    });
    expect(
      validatePollForm(
        filled({
          options: [
            { zh: '同意', en: '' },
            { zh: '', en: '' },
          ],
        }),
      ),
    ).toMatchObject({ options: 'options' });
    expect(validatePollForm(filled({ options: [{ zh: '同意', en: '' }] }))).toMatchObject({
      options: 'tooFew',
    });
    expect(validatePollForm(filled())).toEqual({});
  });

  it('refuses a close that is not after the open, and times it cannot read', () => {
    expect(
      validatePollForm(filled({ closesDate: '2026-12-07', closesTime: '09:30' })),
    ).toMatchObject({ closes: 'order' });
    expect(validatePollForm(filled({ opensTime: '25:00' }))).toMatchObject({ opens: 'opens' });
  });

  it('never sends a changeable secret ballot', () => {
    expect(pollInput(filled({ secret: true, changeable: true })).changeable).toBe(false);
    expect(pollInput(filled({ secret: false, changeable: true })).changeable).toBe(true);
  });

  it('limits the vote to the age bands and buildings chosen, buildings as typed in a list', () => {
    expect(validatePollForm(filled({ everyone: false }))).toMatchObject({ group: 'group' });
    const input = pollInput(
      filled({ everyone: false, ageBands: ['60_74'], buildings: '3, 5，3 、7' }),
    );
    expect(input.eligibility).toEqual({ ageBands: ['60_74'], buildings: ['3', '5', '7'] });
  });
});
