import {
  TOPIC_BODY_MAX,
  TOPIC_TITLE_MAX,
  type TopicKind,
  topicKinds,
} from '@tally/domain/deliberation';
import type { Resident } from '@tally/domain/residents';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context';
import { useApiMutation } from '../../api/queries';
import { mayOpen } from '../../session/permissions';
import { useUser } from '../../session/session-context';
import { FormDialog } from '../../ui/dialog';
import { Field } from '../../ui/field';
import { useToast } from '../../ui/toast';
import { ResidentSearch } from '../residents/resident-search';
import { useKindLabel } from './topic-labels';
import { TOPIC_QUERIES } from './use-topic';

/**
 * The office or a leader raises a topic: title, what and why, where, its kind; the office may
 * type it for a resident who came with it, found by name or card.
 */
export function RaiseTopicDialog({
  onClose,
  onRaised,
}: {
  onClose: () => void;
  onRaised: (id: string) => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const toast = useToast();
  const user = useUser();
  const kindLabel = useKindLabel();
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [place, setPlace] = useState('');
  const [kind, setKind] = useState<TopicKind>('other');
  const [resident, setResident] = useState<Resident | null>(null);
  const [tried, setTried] = useState(false);
  const raise = useApiMutation(api.topics.raise.mutate, {
    invalidates: TOPIC_QUERIES,
    onSuccess: (result) => {
      toast(t('topics.raiseForm.raised', { title: title.trim() }));
      onRaised(result.id);
      onClose();
    },
  });
  // Finding residents is the office's (leaders see only their members elsewhere).
  const findsResidents = mayOpen(user.role, 'residents');

  return (
    <FormDialog
      id="raise-topic-form"
      open
      onClose={onClose}
      title={t('topics.raiseForm.title')}
      submitLabel={t('topics.raiseForm.submit')}
      pending={raise.isPending}
      error={raise.error}
      wide
      onSubmit={() => {
        setTried(true);
        if (!title.trim()) return;
        raise.mutate({
          title: title.trim(),
          body: body.trim(),
          kind,
          ...(place.trim() ? { place: place.trim() } : {}),
          ...(resident ? { onBehalfOf: resident.id } : {}),
        });
      }}
    >
      <p className="muted">{t('topics.raiseForm.hint')}</p>
      <Field
        label={t('topics.raiseForm.topicTitle')}
        error={tried && !title.trim() ? t('topics.raiseForm.titleError') : undefined}
      >
        {(control) => (
          <input
            {...control}
            className="input"
            maxLength={TOPIC_TITLE_MAX}
            value={title}
            onChange={(event) => setTitle(event.target.value)}
          />
        )}
      </Field>
      <Field label={t('topics.raiseForm.body')} hint={t('topics.raiseForm.bodyHint')}>
        {(control) => (
          <textarea
            {...control}
            className="textarea"
            maxLength={TOPIC_BODY_MAX}
            value={body}
            onChange={(event) => setBody(event.target.value)}
          />
        )}
      </Field>
      <div className="form-grid">
        <Field label={t('topics.raiseForm.place')} hint={t('topics.raiseForm.placeHint')}>
          {(control) => (
            <input
              {...control}
              className="input"
              maxLength={100}
              value={place}
              onChange={(event) => setPlace(event.target.value)}
            />
          )}
        </Field>
        <Field label={t('topics.raiseForm.kind')}>
          {(control) => (
            <select
              {...control}
              className="select"
              value={kind}
              onChange={(event) => setKind(event.target.value as TopicKind)}
            >
              {topicKinds.map((each) => (
                <option key={each} value={each}>
                  {kindLabel(each)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      {findsResidents ? (
        <fieldset className="plain-fieldset stack-small">
          <legend className="field-label">{t('topics.raiseForm.onBehalf')}</legend>
          <p className="field-hint">{t('topics.raiseForm.onBehalfHint')}</p>
          {resident ? (
            <p className="row">
              <span>
                {t('topics.raiseForm.forResident')}{' '}
                <strong translate="no">
                  {resident.name} · {resident.cardNumber}
                </strong>
              </span>
              <button
                type="button"
                className="button button-small"
                onClick={() => setResident(null)}
              >
                {t('topics.raiseForm.clearResident')}
              </button>
            </p>
          ) : (
            <ResidentSearch
              label={t('topics.raiseForm.findResident')}
              actionLabel={t('topics.raiseForm.choose')}
              onPick={setResident}
            />
          )}
        </fieldset>
      ) : null}
    </FormDialog>
  );
}
