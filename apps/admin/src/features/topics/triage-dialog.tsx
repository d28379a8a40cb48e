import type { Topic } from '@tally/domain/deliberation';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { DateInput } from '../../ui/date-input';
import { FormDialog } from '../../ui/dialog';
import { Field } from '../../ui/field';
import { useToast } from '../../ui/toast';
import { readDay } from '../../ui/typed-dates';
import { useTopicTitle } from './topic-labels';
import { TOPIC_QUERIES } from './use-topic';

type Decision = 'accept' | 'merge' | 'decline';
/** Topics another may join: those still raised or being consulted on. */
const MERGE_TARGETS = ['raised', 'accepted', 'consulted'];

/**
 * The office triages a raised topic: accepts it for consultation (with a planned date), merges it
 * into another open topic, or declines it with a reason the resident who raised it reads.
 */
export function TriageDialog({ topic, onClose }: { topic: Topic; onClose: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const toast = useToast();
  const title = useTopicTitle();
  const [decision, setDecision] = useState<Decision>('accept');
  const [plannedFor, setPlannedFor] = useState('');
  const [mergeInto, setMergeInto] = useState('');
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const others = useApiQuery('topics.list', { limit: 200 }, api.topics.list.query);
  const targets = (others.data?.items ?? []).filter(
    (other) => other.id !== topic.id && MERGE_TARGETS.includes(other.status),
  );
  const triage = useApiMutation(api.topics.triage.mutate, {
    invalidates: TOPIC_QUERIES,
    onSuccess: () => {
      toast(t(`topics.triage.done.${decision}`));
      onClose();
    },
  });
  const planned = plannedFor.trim() ? readDay(plannedFor) : null;
  const problems = {
    plannedFor: decision === 'accept' && plannedFor.trim() !== '' && !planned,
    mergeInto: decision === 'merge' && !mergeInto,
    reason: decision === 'decline' && !reason.trim(),
  };

  return (
    <FormDialog
      id="triage-form"
      open
      onClose={onClose}
      title={t('topics.triage.title')}
      submitLabel={t('topics.triage.submit')}
      pending={triage.isPending}
      error={triage.error}
      onSubmit={() => {
        setTried(true);
        if (Object.values(problems).some(Boolean)) return;
        const trimmed = reason.trim();
        triage.mutate({
          id: topic.id,
          decision,
          ...(trimmed ? { reason: trimmed } : {}),
          ...(decision === 'accept' && planned ? { plannedFor: planned } : {}),
          ...(decision === 'merge' ? { mergeInto } : {}),
        });
      }}
    >
      <fieldset className="plain-fieldset stack-small">
        <legend className="field-label">{t('topics.triage.decision')}</legend>
        {(['accept', 'merge', 'decline'] as const).map((each) => (
          <label key={each} className="check-label">
            <input
              type="radio"
              name="triage-decision"
              checked={decision === each}
              onChange={() => setDecision(each)}
            />
            {t(`topics.triage.${each}`)}
          </label>
        ))}
      </fieldset>
      {decision === 'accept' ? (
        <Field
          label={t('topics.triage.plannedFor')}
          hint={t('topics.triage.plannedForHint')}
          error={tried && problems.plannedFor ? t('topics.triage.dateError') : undefined}
        >
          {(control) => <DateInput control={control} value={plannedFor} onChange={setPlannedFor} />}
        </Field>
      ) : null}
      {decision === 'merge' ? (
        targets.length === 0 && others.data ? (
          <p className="notice notice-warning">{t('topics.triage.noOtherTopic')}</p>
        ) : (
          <Field
            label={t('topics.triage.mergeInto')}
            hint={t('topics.triage.mergeIntoHint')}
            error={tried && problems.mergeInto ? t('topics.triage.mergeRequired') : undefined}
          >
            {(control) => (
              <select
                {...control}
                className="select"
                value={mergeInto}
                onChange={(event) => setMergeInto(event.target.value)}
              >
                <option value="">{t('topics.triage.chooseTopic')}</option>
                {targets.map((target) => (
                  <option key={target.id} value={target.id}>
                    {title(target)}
                    {target.place ? `${t('topics.separator')}${target.place}` : ''}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )
      ) : null}
      <Field
        label={t('topics.triage.reason')}
        hint={decision === 'decline' ? t('topics.triage.reasonHint') : undefined}
        error={tried && problems.reason ? t('topics.triage.reasonRequired') : undefined}
      >
        {(control) => (
          <textarea
            {...control}
            className="textarea"
            maxLength={500}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
          />
        )}
      </Field>
    </FormDialog>
  );
}
