import { HELP_NOTE_MAX, type HelpClaim, type HelpRequest } from '@tally/domain/timebank';
import type { TFunction } from 'i18next';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context';
import { useApiMutation } from '../../api/queries';
import { ConfirmActions, Dialog, FormDialog } from '../../ui/dialog';
import { DigitsInput, Field } from '../../ui/field';
import { ErrorNotice } from '../../ui/states';
import { useToast } from '../../ui/toast';
import { suggestedMinutes } from './claim-actions';
import { readMinutes } from './request-for-form';
import { useMinutesLabel } from './timebank-labels';
import { TIMEBANK_QUERIES } from './use-help-request';

type ClaimDialogProps = { request: HelpRequest; claim: HelpClaim; onClose: () => void };

/** The helper's name as typed, or "a neighbour" (the office is always told; this is a fallback). */
function helperName(t: TFunction, claim: HelpClaim): string {
  return claim.helperName ?? t('timebank.neighbour');
}

/**
 * The office settles a dispute: the exchange happened, for so many minutes (prefilled with the
 * helper's proposal), or it did not. Either way with a note both parties read.
 */
export function ResolveDialog({ request, claim, onClose }: ClaimDialogProps) {
  const { t } = useTranslation();
  const api = useApi();
  const toast = useToast();
  const minutesLabel = useMinutesLabel();
  const [outcome, setOutcome] = useState<'confirm' | 'dismiss'>('confirm');
  const [minutes, setMinutes] = useState(String(suggestedMinutes(claim, request.minutesEstimate)));
  const [note, setNote] = useState('');
  const [tried, setTried] = useState(false);
  const resolve = useApiMutation(api.timebank.resolve.mutate, {
    invalidates: TIMEBANK_QUERIES,
    onSuccess: (result) => {
      toast(
        result.outcome === 'confirm'
          ? t('timebank.resolve.confirmed', { minutes: minutesLabel(readMinutes(minutes) ?? 0) })
          : t('timebank.resolve.dismissed'),
      );
      onClose();
    },
  });
  const read = readMinutes(minutes);
  const problems = { minutes: outcome === 'confirm' && read === null, note: !note.trim() };

  return (
    <FormDialog
      id="resolve-form"
      open
      onClose={onClose}
      title={t('timebank.resolve.title', { helper: helperName(t, claim) })}
      submitLabel={t('timebank.resolve.submit')}
      pending={resolve.isPending}
      error={resolve.error}
      onSubmit={() => {
        setTried(true);
        if (problems.minutes || problems.note) return;
        resolve.mutate({
          requestId: request.id,
          helperId: claim.helperId,
          outcome,
          note: note.trim(),
          ...(outcome === 'confirm' && read !== null ? { minutes: read } : {}),
        });
      }}
    >
      <p>
        {claim.proposedMinutes === null
          ? t('timebank.resolve.explainNoProposal')
          : t('timebank.resolve.explain', { proposed: minutesLabel(claim.proposedMinutes) })}
      </p>
      {claim.disputeReason ? (
        <blockquote className="help-text" translate="no">
          {claim.disputeReason}
        </blockquote>
      ) : null}
      <fieldset className="plain-fieldset stack-small">
        <legend className="field-label">{t('timebank.resolve.outcome')}</legend>
        {(['confirm', 'dismiss'] as const).map((each) => (
          <label key={each} className="check-label">
            <input
              type="radio"
              name="resolve-outcome"
              checked={outcome === each}
              onChange={() => setOutcome(each)}
            />
            {t(`timebank.resolve.${each}`)}
          </label>
        ))}
      </fieldset>
      {outcome === 'confirm' ? (
        <MinutesField
          label={t('timebank.resolve.minutes')}
          value={minutes}
          onChange={setMinutes}
          error={tried && problems.minutes}
        />
      ) : null}
      <Field
        label={t('timebank.resolve.note')}
        hint={t('timebank.resolve.noteHint')}
        error={tried && problems.note ? t('validation.required') : undefined}
      >
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

/** For a requester who cannot confirm it themself: the office confirms the help and its time. */
export function ConfirmHelpDialog({ request, claim, onClose }: ClaimDialogProps) {
  const { t } = useTranslation();
  const api = useApi();
  const toast = useToast();
  const minutesLabel = useMinutesLabel();
  const [minutes, setMinutes] = useState(String(suggestedMinutes(claim, request.minutesEstimate)));
  const [tried, setTried] = useState(false);
  const confirm = useApiMutation(api.timebank.confirm.mutate, {
    invalidates: TIMEBANK_QUERIES,
    onSuccess: (result) => {
      toast(
        result.poolMinutes > 0
          ? t('timebank.confirm.donePool', {
              minutes: minutesLabel(result.minutes),
              pool: minutesLabel(result.poolMinutes),
            })
          : t('timebank.confirm.done', { minutes: minutesLabel(result.minutes) }),
      );
      onClose();
    },
  });
  const read = readMinutes(minutes);
  return (
    <FormDialog
      id="confirm-help-form"
      open
      onClose={onClose}
      title={t('timebank.confirm.title', { helper: helperName(t, claim) })}
      submitLabel={t('timebank.confirm.submit')}
      pending={confirm.isPending}
      error={confirm.error}
      onSubmit={() => {
        setTried(true);
        if (read !== null)
          confirm.mutate({ requestId: request.id, helperId: claim.helperId, minutes: read });
      }}
    >
      <p>{t('timebank.confirm.explain')}</p>
      <MinutesField
        label={t('timebank.confirm.minutes')}
        value={minutes}
        onChange={setMinutes}
        error={tried && read === null}
      />
    </FormDialog>
  );
}

/** The helper never came: their place opens again; nothing moves in the ledger. */
export function NoShowDialog({ request, claim, onClose }: ClaimDialogProps) {
  const { t } = useTranslation();
  const api = useApi();
  const toast = useToast();
  const noShow = useApiMutation(api.timebank.noShow.mutate, {
    invalidates: TIMEBANK_QUERIES,
    onSuccess: () => {
      toast(t('timebank.noShow.done'));
      onClose();
    },
  });
  return (
    <AskDialog
      title={t('timebank.noShow.title', { helper: helperName(t, claim) })}
      onClose={onClose}
      error={noShow.error}
      actions={
        <ConfirmActions
          onCancel={onClose}
          onConfirm={() => noShow.mutate({ requestId: request.id, helperId: claim.helperId })}
          pending={noShow.isPending}
          label={t('timebank.noShow.submit')}
          danger
        />
      }
    >
      <p>{t('timebank.noShow.explain')}</p>
    </AskDialog>
  );
}

/** A confirmed exchange that was wrong is undone by a reversal, never edited; a reason is required. */
export function ReverseExchangeDialog({ request, claim, onClose }: ClaimDialogProps) {
  const { t } = useTranslation();
  const api = useApi();
  const toast = useToast();
  const minutesLabel = useMinutesLabel();
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const reverse = useApiMutation(api.timebank.reverse.mutate, {
    invalidates: [...TIMEBANK_QUERIES, 'ledger.transaction'],
    onSuccess: () => {
      toast(t('timebank.reverse.done'));
      onClose();
    },
  });
  return (
    <FormDialog
      id="reverse-exchange-form"
      open
      onClose={onClose}
      title={t('timebank.reverse.title', { helper: helperName(t, claim) })}
      submitLabel={t('timebank.reverse.submit')}
      pending={reverse.isPending}
      error={reverse.error}
      onSubmit={() => {
        setTried(true);
        if (reason.trim())
          reverse.mutate({
            requestId: request.id,
            helperId: claim.helperId,
            reason: reason.trim(),
          });
      }}
    >
      <p>{t('timebank.reverse.explain', { minutes: minutesLabel(claim.minutes ?? 0) })}</p>
      <Field
        label={t('timebank.reverse.reason')}
        error={tried && !reason.trim() ? t('ledger.reasonRequired') : undefined}
      >
        {(control) => (
          <textarea
            {...control}
            className="textarea"
            maxLength={HELP_NOTE_MAX}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
          />
        )}
      </Field>
    </FormDialog>
  );
}

/** The office cancels a request still waiting, with a reason the requester and helpers read. */
export function CancelRequestDialog({
  request,
  onClose,
}: {
  request: HelpRequest;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const toast = useToast();
  const [reason, setReason] = useState('');
  const cancel = useApiMutation(api.timebank.cancel.mutate, {
    invalidates: TIMEBANK_QUERIES,
    onSuccess: () => {
      toast(t('timebank.cancel.done'));
      onClose();
    },
  });
  return (
    <AskDialog
      title={t('timebank.cancel.title')}
      onClose={onClose}
      error={cancel.error}
      actions={
        <>
          <button type="button" className="button" onClick={onClose}>
            {t('timebank.cancel.keep')}
          </button>
          <button
            type="button"
            className="button button-danger"
            disabled={cancel.isPending}
            onClick={() => cancel.mutate({ requestId: request.id, reason: reason.trim() })}
          >
            {cancel.isPending ? t('common.saving') : t('timebank.cancel.submit')}
          </button>
        </>
      }
    >
      <p>{t('timebank.cancel.explain')}</p>
      <Field label={t('timebank.cancel.reason')} hint={t('timebank.cancel.reasonHint')}>
        {(control) => (
          <textarea
            {...control}
            className="textarea"
            maxLength={HELP_NOTE_MAX}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
          />
        )}
      </Field>
    </AskDialog>
  );
}

function AskDialog({
  title,
  onClose,
  error,
  actions,
  children,
}: {
  title: string;
  onClose: () => void;
  error: unknown;
  actions: ReactNode;
  children: ReactNode;
}) {
  return (
    <Dialog open onClose={onClose} title={title} footer={actions}>
      {children}
      <ErrorNotice error={error} />
    </Dialog>
  );
}

function MinutesField({
  label,
  value,
  onChange,
  error,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Field label={label} error={error ? t('timebank.requestFor.errors.estimate') : undefined}>
      {(control) => (
        <DigitsInput control={control} maxLength={4} value={value} onChange={onChange} />
      )}
    </Field>
  );
}
