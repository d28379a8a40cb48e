import { type ReactNode, useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from './states';

/**
 * A modal dialog on the native <dialog>: the browser traps focus, closes on Escape and
 * returns focus to what opened it.
 */
export function Dialog({
  open,
  title,
  onClose,
  children,
  footer,
  wide = false,
}: {
  open: boolean;
  title: ReactNode;
  onClose: () => void;
  children: ReactNode;
  footer?: ReactNode;
  wide?: boolean;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);

  if (!open) return null;
  return (
    <dialog
      ref={ref}
      className={wide ? 'dialog dialog-wide' : 'dialog'}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <div className="dialog-header">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="button button-ghost button-small" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
      <div className="dialog-body">{children}</div>
      {footer ? <div className="dialog-footer">{footer}</div> : null}
    </dialog>
  );
}

/**
 * The footer of a dialog that holds a form: Cancel, and the button that submits
 * form `form` — disabled while the request is under way.
 */
export function FormActions({
  form,
  onCancel,
  pending,
  label,
  pendingLabel,
  cancelLabel,
  danger = false,
}: {
  form: string;
  onCancel: () => void;
  pending: boolean;
  label: ReactNode;
  /** What the button says while pending; "Saving…" unless given. */
  pendingLabel?: ReactNode;
  /** What the button that closes the dialog says; "Cancel" unless given (e.g. "Keep it"). */
  cancelLabel?: ReactNode;
  danger?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      <button type="button" className="button" onClick={onCancel}>
        {cancelLabel ?? t('common.cancel')}
      </button>
      <button
        type="submit"
        form={form}
        className={`button ${danger ? 'button-danger' : 'button-primary'}`}
        disabled={pending}
      >
        {pending ? (pendingLabel ?? t('common.saving')) : label}
      </button>
    </>
  );
}

/** The footer of a dialog that asks before doing one thing: Cancel, and the button that does it. */
export function ConfirmActions({
  onCancel,
  onConfirm,
  pending,
  label,
  danger = false,
}: {
  onCancel: () => void;
  onConfirm: () => void;
  pending: boolean;
  label: ReactNode;
  danger?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      <button type="button" className="button" onClick={onCancel}>
        {t('common.cancel')}
      </button>
      <button
        type="button"
        className={`button ${danger ? 'button-danger' : 'button-primary'}`}
        disabled={pending}
        onClick={onConfirm}
      >
        {pending ? t('common.saving') : label}
      </button>
    </>
  );
}

/**
 * A dialog that is one form: its fields, the error the service answered, and a footer of
 * Cancel and the button that submits it (disabled while the request is under way). `onSubmit`
 * runs when the form is sent (Enter in a field, or the button); it checks and sends.
 */
export function FormDialog({
  id,
  open,
  onClose,
  title,
  submitLabel,
  pending,
  error,
  onSubmit,
  wide,
  children,
}: {
  /** The form's id, unique on the page (the footer's button submits it). */
  id: string;
  open: boolean;
  onClose: () => void;
  title: ReactNode;
  submitLabel: ReactNode;
  pending: boolean;
  error: unknown;
  onSubmit: () => void;
  wide?: boolean;
  children: ReactNode;
}) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={title}
      wide={wide ?? false}
      footer={<FormActions form={id} onCancel={onClose} pending={pending} label={submitLabel} />}
    >
      <form
        id={id}
        className="stack"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          onSubmit();
        }}
      >
        {children}
        <ErrorNotice error={error} />
      </form>
    </Dialog>
  );
}
