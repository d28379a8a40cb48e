import type { Resident } from '@tally/domain/residents';
import { HELP_NOTE_MAX, type PoolRule } from '@tally/domain/timebank';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context';
import { useApiMutation } from '../../api/queries';
import { useBuildingLabel } from '../../i18n/format';
import { FormDialog } from '../../ui/dialog';
import { DigitsInput, Field } from '../../ui/field';
import { useToast } from '../../ui/toast';
import { ResidentSearch } from '../residents/resident-search';
import { useMinutesLabel } from './timebank-labels';
import { TIMEBANK_QUERIES } from './use-help-request';

const GRANT_MAX = 1_000_000;

/** Whole minutes a grant may add: 1 to a million (the domain's `GrantPoolInput`); null otherwise. */
export function readGrantMinutes(text: string): number | null {
  if (!/^\d+$/.test(text.trim())) return null;
  const minutes = Number(text);
  return minutes >= 1 && minutes <= GRANT_MAX ? minutes : null;
}

/** An age the pool's rule takes (50 to 120); null otherwise. */
export function readMinAge(text: string): number | null {
  if (!/^\d+$/.test(text.trim())) return null;
  const age = Number(text);
  return age >= 50 && age <= 120 ? age : null;
}

/** The office grants the community's time credit to the care pool: a transaction in the ledger. */
export function GrantDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const toast = useToast();
  const minutesLabel = useMinutesLabel();
  const [minutes, setMinutes] = useState('');
  const [note, setNote] = useState('');
  const [tried, setTried] = useState(false);
  const grant = useApiMutation(api.timebank.grant.mutate, {
    invalidates: TIMEBANK_QUERIES,
    onSuccess: (result) => {
      toast(
        t('timebank.pool.grantedToast', {
          minutes: minutesLabel(readGrantMinutes(minutes) ?? 0),
          balance: minutesLabel(result.poolBalance),
        }),
      );
      onClose();
    },
  });
  const read = readGrantMinutes(minutes);
  return (
    <FormDialog
      id="grant-pool-form"
      open
      onClose={onClose}
      title={t('timebank.pool.grantTitle')}
      submitLabel={t('timebank.pool.grantSubmit')}
      pending={grant.isPending}
      error={grant.error}
      onSubmit={() => {
        setTried(true);
        if (read !== null) grant.mutate({ minutes: read, note: note.trim() });
      }}
    >
      <p>{t('timebank.pool.grantExplain')}</p>
      <Field
        label={t('timebank.pool.grantMinutes')}
        error={tried && read === null ? t('timebank.pool.grantError') : undefined}
      >
        {(control) => (
          <DigitsInput control={control} maxLength={7} value={minutes} onChange={setMinutes} />
        )}
      </Field>
      <Field label={t('timebank.pool.grantNote')} hint={t('timebank.pool.grantNoteHint')}>
        {(control) => (
          <textarea
            {...control}
            className="textarea"
            maxLength={HELP_NOTE_MAX}
            value={note}
            onChange={(event) => setNote(event.target.value)}
          />
        )}
      </Field>
    </FormDialog>
  );
}

/** Who the pool pays for: residents from an age on (and the care list), or the care list only. */
export function PoolRuleDialog({ rule, onClose }: { rule: PoolRule; onClose: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const toast = useToast();
  const [byAge, setByAge] = useState(rule.minAge !== null);
  const [age, setAge] = useState(String(rule.minAge ?? 75));
  const [tried, setTried] = useState(false);
  const save = useApiMutation(api.timebank.setPoolRule.mutate, {
    invalidates: TIMEBANK_QUERIES,
    onSuccess: () => {
      toast(t('timebank.pool.ruleSaved'));
      onClose();
    },
  });
  const read = readMinAge(age);
  return (
    <FormDialog
      id="pool-rule-form"
      open
      onClose={onClose}
      title={t('timebank.pool.ruleTitle')}
      submitLabel={t('common.save')}
      pending={save.isPending}
      error={save.error}
      onSubmit={() => {
        setTried(true);
        if (!byAge) save.mutate({ minAge: null });
        else if (read !== null) save.mutate({ minAge: read });
      }}
    >
      <fieldset className="plain-fieldset stack-small">
        <legend className="field-label">{t('timebank.pool.rule')}</legend>
        <label className="check-label">
          <input type="radio" name="pool-rule" checked={byAge} onChange={() => setByAge(true)} />
          {t('timebank.pool.ruleByAge')}
        </label>
        <label className="check-label">
          <input type="radio" name="pool-rule" checked={!byAge} onChange={() => setByAge(false)} />
          {t('timebank.pool.ruleNoAge')}
        </label>
      </fieldset>
      {byAge ? (
        <Field
          label={t('timebank.pool.minAge')}
          hint={t('timebank.pool.minAgeHint')}
          error={tried && read === null ? t('timebank.pool.minAgeError') : undefined}
        >
          {(control) => (
            <DigitsInput control={control} maxLength={3} value={age} onChange={setAge} />
          )}
        </Field>
      ) : null}
    </FormDialog>
  );
}

/** The office puts a resident on the care list (the pool pays for them whatever their age). */
export function AddToCareListDialog({
  listed,
  onClose,
}: {
  /** Residents already on the list: shown, but not to be picked again. */
  listed: string[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const toast = useToast();
  const buildingLabel = useBuildingLabel();
  const [resident, setResident] = useState<Resident | null>(null);
  const [note, setNote] = useState('');
  const [tried, setTried] = useState(false);
  const add = useApiMutation(api.timebank.addToCareList.mutate, {
    invalidates: TIMEBANK_QUERIES,
    onSuccess: () => {
      toast(t('timebank.pool.added', { name: resident?.name ?? '' }));
      onClose();
    },
  });
  return (
    <FormDialog
      id="care-list-form"
      open
      onClose={onClose}
      title={t('timebank.pool.addTitle')}
      submitLabel={t('timebank.pool.addSubmit')}
      pending={add.isPending}
      error={add.error}
      wide
      onSubmit={() => {
        setTried(true);
        if (resident) add.mutate({ residentId: resident.id, note: note.trim() });
      }}
    >
      <fieldset className="plain-fieldset stack-small">
        <legend className="field-label">{t('timebank.pool.columns.name')}</legend>
        {resident ? (
          <p className="row">
            <strong translate="no">
              {resident.name} · {resident.cardNumber}
              {resident.building ? ` · ${buildingLabel(resident.building)}` : ''}
            </strong>
            <button type="button" className="button button-small" onClick={() => setResident(null)}>
              {t('timebank.requestFor.change')}
            </button>
          </p>
        ) : (
          <ResidentSearch
            label={t('timebank.requestFor.findResident')}
            actionLabel={t('timebank.requestFor.choose')}
            onPick={setResident}
            disabledIds={listed}
            pickedLabel={t('timebank.pool.onList')}
          />
        )}
        {tried && !resident ? (
          <span className="field-error">{t('timebank.requestFor.errors.resident')}</span>
        ) : null}
      </fieldset>
      <Field label={t('timebank.pool.addNote')} hint={t('timebank.pool.addNoteHint')}>
        {(control) => (
          <textarea
            {...control}
            className="textarea"
            maxLength={HELP_NOTE_MAX}
            value={note}
            onChange={(event) => setNote(event.target.value)}
          />
        )}
      </Field>
    </FormDialog>
  );
}
