import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { copyText } from '../../ui/copy-text';

/** Copies a secret shown once (a token, a temporary password) and says whether it worked. */
export function CopyButton({ text }: { text: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  return (
    <button
      type="button"
      className="button"
      onClick={() => void copyText(text).then((copied) => setState(copied ? 'copied' : 'failed'))}
    >
      {state === 'copied'
        ? t('staff.copied')
        : state === 'failed'
          ? t('staff.copyFailed')
          : t('staff.copy')}
    </button>
  );
}
