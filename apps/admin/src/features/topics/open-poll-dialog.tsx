import { noText } from '@tally/domain/localized-text';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context';
import { useApiMutation } from '../../api/queries';
import { DateTimeFields } from '../../ui/date-time-fields';
import { FormDialog } from '../../ui/dialog';
import { Field } from '../../ui/field';
import { GroupFields } from '../../ui/group-fields';
import { useToast } from '../../ui/toast';
import {
  canAddOption,
  canRemoveOption,
  emptyPollForm,
  type PollFormErrors,
  type PollFormValues,
  pollInput,
  validatePollForm,
} from './poll-form';
import { TOPIC_QUERIES } from './use-topic';

/**
 * The office opens a poll on a topic: the question and 2–6 options in each language, who may
 * vote, when it opens and closes, and whether the ballot is secret (then no vote can be changed).
 */
export function OpenPollDialog({ topicId, onClose }: { topicId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const toast = useToast();
  const [values, setValues] = useState<PollFormValues>(() => emptyPollForm());
  const [errors, setErrors] = useState<PollFormErrors>({});
  const open = useApiMutation(api.polls.open.mutate, {
    invalidates: TOPIC_QUERIES,
    onSuccess: () => {
      toast(t('topics.poll.opened'));
      onClose();
    },
  });
  const set = (next: Partial<PollFormValues>) => setValues((v) => ({ ...v, ...next }));
  const error = (field: keyof PollFormErrors) =>
    errors[field] ? t(`topics.poll.errors.${errors[field]}`) : undefined;

  return (
    <FormDialog
      id="open-poll-form"
      open
      onClose={onClose}
      title={t('topics.poll.title')}
      submitLabel={t('topics.poll.submit')}
      pending={open.isPending}
      error={open.error}
      wide
      onSubmit={() => {
        const found = validatePollForm(values);
        setErrors(found);
        if (Object.keys(found).length > 0) return;
        open.mutate({ topicId, ...pollInput(values) });
      }}
    >
      <div className="form-grid">
        <Field label={t('topics.poll.questionZh')} error={error('question')}>
          {(control) => (
            <input
              {...control}
              className="input"
              lang="zh-CN"
              maxLength={200}
              value={values.question.zh}
              onChange={(event) =>
                set({ question: { ...values.question, zh: event.target.value } })
              }
            />
          )}
        </Field>
        <Field label={t('topics.poll.questionEn')} hint={t('names.oneIsEnough')}>
          {(control) => (
            <input
              {...control}
              className="input"
              lang="en"
              maxLength={200}
              value={values.question.en}
              onChange={(event) =>
                set({ question: { ...values.question, en: event.target.value } })
              }
            />
          )}
        </Field>
      </div>
      <OptionFields values={values} set={set} error={error('options')} />
      <EligibilityFields values={values} set={set} error={error('group')} />
      <DateTimeFields
        labels={{ date: t('topics.poll.opensDate'), time: t('topics.poll.opensTime') }}
        date={values.opensDate}
        time={values.opensTime}
        onDate={(opensDate) => set({ opensDate })}
        onTime={(opensTime) => set({ opensTime })}
        error={error('opens')}
      />
      <DateTimeFields
        labels={{ date: t('topics.poll.closesDate'), time: t('topics.poll.closesTime') }}
        date={values.closesDate}
        time={values.closesTime}
        onDate={(closesDate) => set({ closesDate })}
        onTime={(closesTime) => set({ closesTime })}
        error={error('closes')}
      />
      <div className="stack-small">
        <label className="check-label">
          <input
            type="checkbox"
            className="checkbox"
            checked={values.secret}
            onChange={(event) => set({ secret: event.target.checked })}
          />
          {t('topics.poll.secret')}
        </label>
        <p className="field-hint">{t('topics.poll.secretHint')}</p>
        {values.secret ? null : (
          <label className="check-label">
            <input
              type="checkbox"
              className="checkbox"
              checked={values.changeable}
              onChange={(event) => set({ changeable: event.target.checked })}
            />
            {t('topics.poll.changeable')}
          </label>
        )}
      </div>
    </FormDialog>
  );
}

type FieldsProps = {
  values: PollFormValues;
  set: (next: Partial<PollFormValues>) => void;
  error: string | undefined;
};

/** The options, each in both languages, added and removed within 2–6. */
function OptionFields({ values, set, error }: FieldsProps) {
  const { t } = useTranslation();
  const change = (index: number, language: 'zh' | 'en', text: string) =>
    set({
      options: values.options.map((option, i) =>
        i === index ? { ...option, [language]: text } : option,
      ),
    });
  return (
    <fieldset className="plain-fieldset stack-small">
      <legend className="field-label">{t('topics.poll.options')}</legend>
      <p className="field-hint">{t('topics.poll.optionsHint')}</p>
      {values.options.map((option, index) => {
        const number = index + 1;
        return (
          <div key={index} className="poll-option-row">
            <Field label={t('topics.poll.optionZh', { number })}>
              {(control) => (
                <input
                  {...control}
                  className="input"
                  lang="zh-CN"
                  maxLength={100}
                  value={option.zh}
                  onChange={(event) => change(index, 'zh', event.target.value)}
                />
              )}
            </Field>
            <Field label={t('topics.poll.optionEn', { number })}>
              {(control) => (
                <input
                  {...control}
                  className="input"
                  lang="en"
                  maxLength={100}
                  value={option.en}
                  onChange={(event) => change(index, 'en', event.target.value)}
                />
              )}
            </Field>
            <button
              type="button"
              className="button button-small"
              disabled={!canRemoveOption(values)}
              onClick={() => set({ options: values.options.filter((_, i) => i !== index) })}
            >
              {t('topics.poll.removeOption', { number })}
            </button>
          </div>
        );
      })}
      {error ? <p className="field-error">{error}</p> : null}
      {canAddOption(values) ? (
        <div>
          <button
            type="button"
            className="button button-small"
            onClick={() => set({ options: [...values.options, noText] })}
          >
            {t('topics.poll.addOption')}
          </button>
        </div>
      ) : null}
    </fieldset>
  );
}

/** Who may vote: every resident, or those of some age bands and buildings. */
function EligibilityFields({ values, set, error }: FieldsProps) {
  const { t } = useTranslation();
  return (
    <fieldset className="plain-fieldset stack-small">
      <legend className="field-label">{t('topics.poll.who')}</legend>
      <div className="segmented">
        <label>
          <input
            type="radio"
            name="poll-eligibility"
            checked={values.everyone}
            onChange={() => set({ everyone: true })}
          />
          {t('topics.poll.everyone')}
        </label>
        <label>
          <input
            type="radio"
            name="poll-eligibility"
            checked={!values.everyone}
            onChange={() => set({ everyone: false })}
          />
          {t('topics.poll.group')}
        </label>
      </div>
      {values.everyone ? null : (
        <div className="stack-small">
          <GroupFields
            value={values}
            onChange={set}
            labels={{
              ageBands: t('topics.poll.ageBands'),
              buildings: t('topics.poll.buildings'),
              buildingsHint: t('topics.poll.buildingsHint'),
            }}
          />
          {error ? <p className="field-error">{error}</p> : null}
        </div>
      )}
    </fieldset>
  );
}
