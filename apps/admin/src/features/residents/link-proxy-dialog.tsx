import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context';
import { useApiMutation } from '../../api/queries';
import { FormDialog } from '../../ui/dialog';
import { DigitsInput, Field } from '../../ui/field';
import { useToast } from '../../ui/toast';
import {
  emptyLinkProxy,
  type LinkProxyError,
  type LinkProxyValues,
  readLinkProxy,
} from './link-proxy-form';

/**
 * The office links someone to act for a resident on the phone: another resident by card, or a
 * family member it registers now (who signs in with their phone and a PIN of their own).
 */
export function LinkProxyDialog({
  open,
  resident,
  onClose,
}: {
  open: boolean;
  resident: { id: string; name: string };
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const toast = useToast();
  const [values, setValues] = useState<LinkProxyValues>(emptyLinkProxy);
  const [errors, setErrors] = useState<LinkProxyError[]>([]);
  useEffect(() => {
    if (!open) return;
    setValues(emptyLinkProxy);
    setErrors([]);
  }, [open]);
  const link = useApiMutation(api.residents.addProxy.mutate, {
    invalidates: ['residents.proxies'],
    onSuccess: (proxy) => {
      toast(t('phoneApp.linked', { name: proxy.displayName }));
      onClose();
    },
  });
  const set = (change: Partial<LinkProxyValues>) => setValues((old) => ({ ...old, ...change }));
  const error = (field: LinkProxyError) =>
    errors.includes(field) ? t(`phoneApp.errors.${field}`) : undefined;

  return (
    <FormDialog
      id="link-proxy"
      open={open}
      onClose={onClose}
      title={t('phoneApp.linkTitle', { name: resident.name })}
      submitLabel={t('phoneApp.link')}
      pending={link.isPending}
      error={link.error}
      onSubmit={() => {
        const read = readLinkProxy(values);
        if ('errors' in read) return setErrors(read.errors);
        setErrors([]);
        link.mutate({ residentId: resident.id, ...read });
      }}
    >
      <fieldset className="plain-fieldset stack-small">
        <legend className="field-label">{t('phoneApp.who')}</legend>
        <div className="segmented">
          {(['family', 'resident'] as const).map((kind) => (
            <label key={kind}>
              <input
                type="radio"
                name="proxy-kind"
                checked={values.kind === kind}
                onChange={() => set({ kind })}
              />
              {t(`phoneApp.kinds.${kind}`)}
            </label>
          ))}
        </div>
      </fieldset>
      {values.kind === 'resident' ? (
        <Field
          label={t('phoneApp.proxyCard')}
          hint={t('phoneApp.proxyCardHint')}
          error={error('cardNumber')}
        >
          {(control) => (
            <input
              {...control}
              className="input mono"
              value={values.cardNumber}
              onChange={(e) => set({ cardNumber: e.target.value })}
            />
          )}
        </Field>
      ) : (
        <FamilyFields values={values} set={set} error={error} />
      )}
      <Field label={t('phoneApp.reason')} hint={t('phoneApp.reasonHint')} error={error('reason')}>
        {(control) => (
          <input
            {...control}
            className="input"
            maxLength={200}
            value={values.reason}
            onChange={(e) => set({ reason: e.target.value })}
          />
        )}
      </Field>
    </FormDialog>
  );
}

function FamilyFields({
  values,
  set,
  error,
}: {
  values: LinkProxyValues;
  set: (change: Partial<LinkProxyValues>) => void;
  error: (field: LinkProxyError) => string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <>
      <div className="form-grid">
        <Field label={t('phoneApp.familyName')} error={error('name')}>
          {(control) => (
            <input
              {...control}
              className="input"
              maxLength={100}
              value={values.name}
              onChange={(e) => set({ name: e.target.value })}
            />
          )}
        </Field>
        <Field label={t('phoneApp.phone')} error={error('phone')}>
          {(control) => (
            <input
              {...control}
              className="input mono"
              type="tel"
              autoComplete="off"
              value={values.phone}
              onChange={(e) => set({ phone: e.target.value })}
            />
          )}
        </Field>
      </div>
      <div className="form-grid">
        <Field
          label={t('phoneApp.familyPin')}
          hint={t('phoneApp.familyPinHint')}
          error={error('pin')}
        >
          {(control) => (
            <DigitsInput
              control={control}
              className="input mono"
              type="password"
              autoComplete="new-password"
              maxLength={6}
              value={values.pin}
              onChange={(pin) => set({ pin })}
            />
          )}
        </Field>
        <Field label={t('phoneApp.familyPinAgain')} error={error('pinAgain')}>
          {(control) => (
            <DigitsInput
              control={control}
              className="input mono"
              type="password"
              autoComplete="new-password"
              maxLength={6}
              value={values.pinAgain}
              onChange={(pinAgain) => set({ pinAgain })}
            />
          )}
        </Field>
      </div>
    </>
  );
}
