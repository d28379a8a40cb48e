import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context';
import { useApiMutation } from '../../api/queries';
import { copyText } from '../../ui/copy-text';
import { Dialog } from '../../ui/dialog';
import { Field } from '../../ui/field';
import { ErrorNotice } from '../../ui/states';

/**
 * Registers a kiosk and shows its device token exactly once: the service keeps only a hash,
 * so whoever sets the kiosk up must copy it now.
 */
export function RegisterKioskDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const [name, setName] = useState('');
  const [tried, setTried] = useState(false);
  const [copied, setCopied] = useState(false);
  const register = useApiMutation(api.kiosks.register.mutate, { invalidates: ['kiosks.list'] });
  useEffect(() => {
    if (!open) return;
    setName('');
    setTried(false);
    setCopied(false);
    register.reset();
  }, [open, register.reset]);
  const token = register.data?.deviceToken ?? null;
  // From PUBLIC_URL: the office may be on the server itself (localhost), the kiosk is not.
  const kioskUrl = register.data?.setupUrl ?? '';

  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={t('kiosks.register')}
      footer={
        register.data ? (
          <button type="button" className="button button-primary" onClick={onClose}>
            {t('kiosks.done')}
          </button>
        ) : (
          <>
            <button type="button" className="button" onClick={onClose}>
              {t('common.cancel')}
            </button>
            <button
              type="submit"
              form="register-kiosk"
              className="button button-primary"
              disabled={register.isPending}
            >
              {register.isPending ? t('common.saving') : t('kiosks.register')}
            </button>
          </>
        )
      }
    >
      {register.data ? (
        <div className="stack">
          <p className="notice notice-warning">{t('kiosks.tokenOnce')}</p>
          {token ? (
            <>
              <div className="field">
                <span className="field-label">{t('kiosks.token')}</span>
                <code className="token-box" data-testid="kiosk-token">
                  {token}
                </code>
              </div>
              <div className="field">
                <span className="field-label">{t('kiosks.url')}</span>
                <code className="token-box">{kioskUrl}</code>
              </div>
              <div className="row">
                <button
                  type="button"
                  className="button"
                  onClick={() => void copyText(token).then(setCopied)}
                >
                  {copied ? t('kiosks.copied') : t('kiosks.copy')}
                </button>
              </div>
            </>
          ) : (
            <p>{t('kiosks.tokenGone')}</p>
          )}
        </div>
      ) : (
        <form
          id="register-kiosk"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            setTried(true);
            if (name.trim()) register.mutate({ name: name.trim() });
          }}
        >
          <Field
            label={t('kiosks.name')}
            hint={t('kiosks.nameHint')}
            error={tried && !name.trim() ? t('validation.required') : undefined}
          >
            {(control) => (
              <input
                {...control}
                className="input"
                value={name}
                maxLength={100}
                onChange={(e) => setName(e.target.value)}
              />
            )}
          </Field>
        </form>
      )}
      <ErrorNotice error={register.error} />
    </Dialog>
  );
}
