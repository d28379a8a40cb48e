import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context';
import { useApiMutation } from '../../api/queries';
import { Dialog, FormActions } from '../../ui/dialog';
import { DigitsInput, Field } from '../../ui/field';
import { ErrorNotice } from '../../ui/states';
import { useToast } from '../../ui/toast';
import {
  emptyResident,
  type ResidentErrors,
  type ResidentValues,
  toCreateResidentInput,
  validateResident,
} from './resident-form';

/** Issues a member card: the resident, their PIN and their accounts. */
export function CreateResidentDialog({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (id: string) => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const toast = useToast();
  const [values, setValues] = useState<ResidentValues>(emptyResident);
  const [errors, setErrors] = useState<ResidentErrors>({});
  const create = useApiMutation(api.residents.create.mutate, {
    invalidates: ['residents.list'],
    onSuccess: (resident) => {
      toast(t('residents.created', { name: resident.name, card: resident.cardNumber }));
      setValues(emptyResident);
      setErrors({});
      onCreated(resident.id);
    },
  });
  const set = <K extends keyof ResidentValues>(field: K, value: ResidentValues[K]) =>
    setValues((current) => ({ ...current, [field]: value }));
  const error = (field: keyof ResidentValues) =>
    errors[field] ? t(`residents.errors.${errors[field]}`) : undefined;

  return (
    <Dialog
      open={open}
      onClose={onClose}
      wide
      title={t('residents.create')}
      footer={
        <FormActions
          form="create-resident"
          onCancel={onClose}
          pending={create.isPending}
          label={t('residents.createSubmit')}
        />
      }
    >
      <form
        id="create-resident"
        className="stack"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const found = validateResident(values);
          setErrors(found);
          if (Object.keys(found).length === 0) create.mutate(toCreateResidentInput(values));
        }}
      >
        <div className="form-grid">
          <Field label={t('residents.name')} error={error('name')}>
            {(control) => (
              <input
                {...control}
                className="input"
                value={values.name}
                onChange={(event) => set('name', event.target.value)}
              />
            )}
          </Field>
          <Field label={t('residents.displayName')} hint={t('residents.displayNameHint')}>
            {(control) => (
              <input
                {...control}
                className="input"
                value={values.displayName}
                onChange={(event) => set('displayName', event.target.value)}
              />
            )}
          </Field>
          <Field
            label={t('residents.card')}
            error={error('cardNumber')}
            hint={t('residents.cardHint')}
          >
            {(control) => (
              <input
                {...control}
                className="input mono"
                autoComplete="off"
                value={values.cardNumber}
                onChange={(event) => set('cardNumber', event.target.value)}
              />
            )}
          </Field>
          <Field label={t('residents.pin')} error={error('pin')} hint={t('residents.pinHint')}>
            {(control) => (
              <DigitsInput
                control={control}
                className="input mono"
                autoComplete="off"
                maxLength={6}
                value={values.pin}
                onChange={(digits) => set('pin', digits)}
              />
            )}
          </Field>
          <Field label={t('residents.building')} error={error('building')}>
            {(control) => (
              <input
                {...control}
                className="input"
                value={values.building}
                onChange={(event) => set('building', event.target.value)}
              />
            )}
          </Field>
          <Field label={t('residents.birthYear')} error={error('birthYear')}>
            {(control) => (
              <DigitsInput
                control={control}
                maxLength={4}
                value={values.birthYear}
                onChange={(digits) => set('birthYear', digits)}
              />
            )}
          </Field>
        </div>
        <label className="check-label">
          <input
            type="checkbox"
            className="checkbox"
            checked={values.showName}
            onChange={(event) => set('showName', event.target.checked)}
          />
          {t('residents.showNameConsent')}
        </label>
        <ErrorNotice error={create.error} />
      </form>
    </Dialog>
  );
}
