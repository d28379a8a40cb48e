import type { Certificate } from '@tally/domain/certificates';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context';
import { useApiMutation } from '../../api/queries';
import { Dialog, FormActions } from '../../ui/dialog';
import { Field } from '../../ui/field';
import { ErrorNotice } from '../../ui/states';
import { useToast } from '../../ui/toast';
import { ResidentSearch } from '../residents/resident-search';
import { IssuedCertificate } from './issued-certificate';
import './certificates.css';
import { DateInput } from '../../ui/date-input';
import {
  lastTwelveMonths,
  type Period,
  type PeriodErrors,
  periodErrors,
} from './certificate-period';

export type ChosenResident = { id: string; name: string; cardNumber: string };

/**
 * Issues a service certificate: who, which period, and what will count — then shows the number
 * and where to print and check it. Opened with a resident already chosen from their page.
 */
export function IssueCertificateDialog({
  open,
  onClose,
  resident: presetResident = null,
}: {
  open: boolean;
  onClose: () => void;
  resident?: ChosenResident | null;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const toast = useToast();
  const [resident, setResident] = useState<ChosenResident | null>(presetResident);
  const [period, setPeriod] = useState<Period>(lastTwelveMonths);
  const [errors, setErrors] = useState<PeriodErrors & { resident?: boolean }>({});
  const [issued, setIssued] = useState<Certificate | null>(null);
  const issue = useApiMutation(api.certificates.issue.mutate, {
    invalidates: ['certificates.list'],
    onSuccess: (certificate) => {
      setIssued(certificate);
      toast(t('certificates.issuedToast', { number: certificate.number }));
    },
  });

  // Each opening starts afresh: the resident given (if any), the last 12 months, no result.
  useEffect(() => {
    if (!open) return;
    setResident(presetResident);
    setPeriod(lastTwelveMonths());
    setErrors({});
    setIssued(null);
    issue.reset();
  }, [open]);

  const submit = () => {
    const found = { ...periodErrors(period), ...(resident ? {} : { resident: true }) };
    setErrors(found);
    if (!resident || Object.keys(found).length > 0) return;
    issue.mutate({ residentId: resident.id, ...period });
  };

  if (issued) {
    return (
      <Dialog
        open={open}
        onClose={onClose}
        title={t('certificates.issuedTitle')}
        footer={
          <button type="button" className="button button-primary" onClick={onClose}>
            {t('certificates.done')}
          </button>
        }
      >
        <IssuedCertificate certificate={issued} />
      </Dialog>
    );
  }

  return (
    <Dialog
      open={open}
      onClose={onClose}
      wide
      title={t('certificates.dialogTitle')}
      footer={
        <FormActions
          form="issue-certificate"
          onCancel={onClose}
          pending={issue.isPending}
          label={t('certificates.submit')}
          pendingLabel={t('certificates.submitting')}
        />
      }
    >
      <form
        id="issue-certificate"
        className="stack"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        {resident ? (
          <div className="field">
            <span className="field-label">{t('certificates.who')}</span>
            <div className="row">
              <span className="badge badge-info certificate-resident">
                {resident.name} · <span className="mono">{resident.cardNumber}</span>
              </span>
              <button
                type="button"
                className="button button-small"
                onClick={() => setResident(null)}
              >
                {t('certificates.changeResident')}
              </button>
            </div>
          </div>
        ) : (
          <div className="stack-small">
            <ResidentSearch
              label={t('certificates.who')}
              actionLabel={t('certificates.chooseResident')}
              onPick={(picked) => {
                setResident(picked);
                setErrors(({ resident: _, ...rest }) => rest);
              }}
            />
            {errors.resident ? (
              <span className="field-error" role="alert">
                {t('certificates.residentMissing')}
              </span>
            ) : null}
          </div>
        )}
        <div className="form-grid">
          <Field
            label={t('certificates.from')}
            hint={t('certificates.periodHint')}
            error={errors.from && t(`certificates.${errors.from}`)}
          >
            {(control) => (
              <DateInput
                control={control}
                value={period.from}
                onChange={(day) => setPeriod({ ...period, from: day })}
              />
            )}
          </Field>
          <Field label={t('certificates.to')} error={errors.to && t(`certificates.${errors.to}`)}>
            {(control) => (
              <DateInput
                control={control}
                value={period.to}
                onChange={(day) => setPeriod({ ...period, to: day })}
              />
            )}
          </Field>
        </div>
        <section className="notice certificate-counts" aria-labelledby="certificate-counts">
          <h3 id="certificate-counts">{t('certificates.countsTitle')}</h3>
          <ul>
            <li>{t('certificates.countsApproved')}</li>
            <li>{t('certificates.countsFixed')}</li>
            <li>{t('certificates.countsPublic')}</li>
          </ul>
        </section>
        <ErrorNotice error={issue.error} />
      </form>
    </Dialog>
  );
}
