import type { Move } from '@tally/domain/street';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context';
import { useApiMutation } from '../../api/queries';
import { useLocalizedName } from '../../i18n/localized-name';
import { ConfirmActions, Dialog, FormDialog } from '../../ui/dialog';
import { Field } from '../../ui/field';
import { ErrorNotice } from '../../ui/states';
import { useToast } from '../../ui/toast';

export type MoveDecision = { move: Move; decision: 'accept' | 'decline' | 'cancel' };

// Every answer to a move changes both lists, the menu's count and the residents' balances.
const INVALIDATES = ['moves.list', 'residents.list', 'residents.get'];

/** The receiving office's accept (with the building here) or decline (with a reason). */
export function MoveDecisionDialog({
  open,
  onClose,
}: {
  open: MoveDecision | null;
  onClose: () => void;
}) {
  if (!open) return null;
  if (open.decision === 'accept') return <AcceptDialog move={open.move} onClose={onClose} />;
  if (open.decision === 'decline') return <DeclineDialog move={open.move} onClose={onClose} />;
  return <CancelDialog move={open.move} onClose={onClose} />;
}

function AcceptDialog({ move, onClose }: { move: Move; onClose: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const toast = useToast();
  const inLanguage = useLocalizedName();
  const [building, setBuilding] = useState('');
  const community = inLanguage(move.from.name);
  const accept = useApiMutation(api.moves.accept.mutate, {
    invalidates: INVALIDATES,
    onSuccess: (done) => {
      toast(
        done.arrived
          ? t('moves.accepted', { name: done.resident.name, card: done.arrived.cardNumber })
          : t('moves.acceptedPending', { name: done.resident.name }),
      );
      onClose();
    },
  });
  return (
    <FormDialog
      id="accept-move"
      open
      onClose={onClose}
      title={t('moves.acceptTitle', { name: move.resident.name, community })}
      submitLabel={t('moves.acceptConfirm')}
      pending={accept.isPending}
      error={accept.error}
      onSubmit={() =>
        accept.mutate({
          moveId: move.id,
          ...(building.trim() ? { building: building.trim() } : {}),
        })
      }
    >
      <p>{t('moves.acceptExplain', { community })}</p>
      {move.note ? (
        <p className="muted">
          {t('moves.columns.note')}: {move.note}
        </p>
      ) : null}
      <Field label={t('moves.building')}>
        {(control) => (
          <input
            {...control}
            className="input"
            maxLength={40}
            value={building}
            onChange={(event) => setBuilding(event.target.value)}
          />
        )}
      </Field>
    </FormDialog>
  );
}

function DeclineDialog({ move, onClose }: { move: Move; onClose: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const toast = useToast();
  const inLanguage = useLocalizedName();
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const community = inLanguage(move.from.name);
  const decline = useApiMutation(api.moves.decline.mutate, {
    invalidates: INVALIDATES,
    onSuccess: () => {
      toast(t('moves.declined', { name: move.resident.name, community }));
      onClose();
    },
  });
  const missing = !reason.trim();
  return (
    <FormDialog
      id="decline-move"
      open
      onClose={onClose}
      title={t('moves.declineTitle', { name: move.resident.name })}
      submitLabel={t('moves.declineConfirm')}
      pending={decline.isPending}
      error={decline.error}
      onSubmit={() => {
        setTried(true);
        if (missing) return;
        decline.mutate({ moveId: move.id, reason: reason.trim() });
      }}
    >
      <p>{t('moves.declineExplain', { community })}</p>
      <Field
        label={t('moves.reason')}
        error={tried && missing ? t('moves.reasonRequired') : undefined}
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

function CancelDialog({ move, onClose }: { move: Move; onClose: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const toast = useToast();
  const inLanguage = useLocalizedName();
  const cancel = useApiMutation(api.moves.cancel.mutate, {
    invalidates: INVALIDATES,
    onSuccess: () => {
      toast(t('moves.cancelled', { name: move.resident.name }));
      onClose();
    },
  });
  return (
    <Dialog
      open
      onClose={onClose}
      title={t('moves.cancelTitle', { name: move.resident.name })}
      footer={
        <ConfirmActions
          onCancel={onClose}
          onConfirm={() => cancel.mutate({ moveId: move.id })}
          pending={cancel.isPending}
          label={t('moves.cancelConfirm')}
          danger
        />
      }
    >
      <p>{t('moves.cancelExplain', { community: inLanguage(move.to.name) })}</p>
      <ErrorNotice error={cancel.error} />
    </Dialog>
  );
}
