import type { ResidentDetail } from '@tally/domain/residents';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context';
import { useApiMutation } from '../../api/queries';
import { Dialog, FormActions } from '../../ui/dialog';
import { DigitsInput, Field } from '../../ui/field';
import { ErrorNotice } from '../../ui/states';
import { useToast } from '../../ui/toast';
import { PIN } from './resident-form';

const refreshes = ['residents.get', 'residents.list', 'organizations.members'];

type Props = { open: boolean; resident: ResidentDetail; onClose: () => void };

/** Details and the resident's consent to be named on public screens (the kiosk's idle screen). */
export function EditResidentDialog({ open, resident, onClose }: Props) {
  const { t } = useTranslation();
  const api = useApi();
  const toast = useToast();
  const [name, setName] = useState(resident.name);
  const [displayName, setDisplayName] = useState(resident.displayName);
  const [building, setBuilding] = useState(resident.building ?? '');
  const [birthYear, setBirthYear] = useState(resident.birthYear?.toString() ?? '');
  const [showName, setShowName] = useState(resident.showName);
  const [invalid, setInvalid] = useState<string | null>(null);
  useEffect(() => {
    if (!open) return;
    setName(resident.name);
    setDisplayName(resident.displayName);
    setBuilding(resident.building ?? '');
    setBirthYear(resident.birthYear?.toString() ?? '');
    setShowName(resident.showName);
    setInvalid(null);
  }, [open, resident]);
  const update = useApiMutation(api.residents.update.mutate, {
    invalidates: refreshes,
    onSuccess: () => {
      toast(t('residents.saved'));
      onClose();
    },
  });
  const submit = () => {
    const year = birthYear.trim() ? Number(birthYear) : null;
    if (!name.trim()) return setInvalid('name');
    if (year !== null && (!Number.isInteger(year) || year < 1900 || year > 2100))
      return setInvalid('birthYear');
    setInvalid(null);
    // Send only what changed: the service records each change in the audit log.
    const changes = {
      ...(name.trim() !== resident.name ? { name: name.trim() } : {}),
      ...(displayName.trim() && displayName.trim() !== resident.displayName
        ? { displayName: displayName.trim() }
        : {}),
      ...((building.trim() || null) !== resident.building
        ? { building: building.trim() || null }
        : {}),
      ...(year !== resident.birthYear ? { birthYear: year } : {}),
      ...(showName !== resident.showName ? { showName } : {}),
    };
    if (Object.keys(changes).length === 0) return onClose();
    update.mutate({ id: resident.id, ...changes });
  };

  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={t('residents.editTitle', { name: resident.name })}
      footer={
        <FormActions
          form="edit-resident"
          onCancel={onClose}
          pending={update.isPending}
          label={t('common.save')}
        />
      }
    >
      <form
        id="edit-resident"
        className="stack"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Field
          label={t('residents.name')}
          error={invalid === 'name' ? t('residents.errors.name') : undefined}
        >
          {(control) => (
            <input
              {...control}
              className="input"
              value={name}
              onChange={(e) => setName(e.target.value)}
            />
          )}
        </Field>
        <Field label={t('residents.displayName')} hint={t('residents.displayNameHint')}>
          {(control) => (
            <input
              {...control}
              className="input"
              value={displayName}
              onChange={(e) => setDisplayName(e.target.value)}
            />
          )}
        </Field>
        <div className="form-grid">
          <Field label={t('residents.building')}>
            {(control) => (
              <input
                {...control}
                className="input"
                value={building}
                onChange={(e) => setBuilding(e.target.value)}
              />
            )}
          </Field>
          <Field
            label={t('residents.birthYear')}
            error={invalid === 'birthYear' ? t('residents.errors.birthYear') : undefined}
          >
            {(control) => (
              <DigitsInput
                control={control}
                maxLength={4}
                value={birthYear}
                onChange={setBirthYear}
              />
            )}
          </Field>
        </div>
        <label className="check-label">
          <input
            type="checkbox"
            className="checkbox"
            checked={showName}
            onChange={(e) => setShowName(e.target.checked)}
          />
          {t('residents.showNameConsent')}
        </label>
        <ErrorNotice error={update.error} />
      </form>
    </Dialog>
  );
}

/** A new PIN also unlocks the card and ends its kiosk sessions. */
export function ResetPinDialog({ open, resident, onClose }: Props) {
  const { t } = useTranslation();
  const api = useApi();
  const toast = useToast();
  const [pin, setPin] = useState('');
  const [again, setAgain] = useState('');
  const [tried, setTried] = useState(false);
  useEffect(() => {
    if (open) {
      setPin('');
      setAgain('');
      setTried(false);
    }
  }, [open]);
  const reset = useApiMutation(api.residents.resetPin.mutate, {
    invalidates: refreshes,
    onSuccess: () => {
      toast(t('residents.pinReset', { name: resident.name }));
      onClose();
    },
  });
  const pinError = tried && !PIN.test(pin) ? t('residents.errors.pin') : undefined;
  const againError =
    tried && PIN.test(pin) && pin !== again ? t('residents.errors.pinAgain') : undefined;
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={t('residents.resetPinTitle', { name: resident.name })}
      footer={
        <FormActions
          form="reset-pin"
          onCancel={onClose}
          pending={reset.isPending}
          label={t('residents.resetPin')}
        />
      }
    >
      <p className="muted">{t('residents.resetPinExplain')}</p>
      <form
        id="reset-pin"
        className="form-grid"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setTried(true);
          if (PIN.test(pin) && pin === again) reset.mutate({ id: resident.id, pin });
        }}
      >
        <Field label={t('residents.newPin')} error={pinError} hint={t('residents.pinHint')}>
          {(control) => (
            <DigitsInput
              control={control}
              className="input mono"
              type="password"
              autoComplete="new-password"
              maxLength={6}
              value={pin}
              onChange={setPin}
            />
          )}
        </Field>
        <Field label={t('residents.newPinAgain')} error={againError}>
          {(control) => (
            <DigitsInput
              control={control}
              className="input mono"
              type="password"
              autoComplete="new-password"
              maxLength={6}
              value={again}
              onChange={setAgain}
            />
          )}
        </Field>
      </form>
      <ErrorNotice error={reset.error} />
    </Dialog>
  );
}

/** Locking a lost card stops it at every kiosk until the office unlocks it. */
export function CardLockDialog({ open, resident, onClose }: Props) {
  const { t } = useTranslation();
  const api = useApi();
  const toast = useToast();
  const locking = !resident.cardLocked;
  const setLock = useApiMutation(api.residents.setCardLock.mutate, {
    invalidates: refreshes,
    onSuccess: () => {
      toast(locking ? t('residents.cardLocked') : t('residents.cardUnlocked'));
      onClose();
    },
  });
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={locking ? t('residents.lockCard') : t('residents.unlockCard')}
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button
            type="button"
            className={locking ? 'button button-danger' : 'button button-primary'}
            disabled={setLock.isPending}
            onClick={() => setLock.mutate({ id: resident.id, locked: locking })}
          >
            {locking ? t('residents.lockCard') : t('residents.unlockCard')}
          </button>
        </>
      }
    >
      <p>
        {locking
          ? t('residents.lockExplain', { card: resident.cardNumber })
          : t('residents.unlockExplain', { card: resident.cardNumber })}
      </p>
      <ErrorNotice error={setLock.error} />
    </Dialog>
  );
}
