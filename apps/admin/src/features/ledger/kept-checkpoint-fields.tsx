import {
  type CheckpointDocument,
  CheckpointDocument as CheckpointFile,
  parseCheckpointCode,
} from '@tally/domain/checkpoints';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../ui/field';
import type { KeptCheckpoint } from './use-stepwise-verify';

/**
 * The checkpoint the office kept, to verify against: a code typed from the poster (a
 * typing mistake is caught here, by its check symbol, before anything is asked) or the
 * downloaded file.
 */
export function useKeptCheckpoint() {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [file, setFile] = useState<CheckpointDocument | null>(null);
  const [fileError, setFileError] = useState(false);
  const typed = code.trim() === '' ? null : parseCheckpointCode(code);
  const codeError = code.trim() !== '' && typed === null;
  const kept: KeptCheckpoint | undefined = file ?? typed?.code;

  const readFile = async (chosen: File | undefined) => {
    setFile(null);
    setFileError(false);
    if (!chosen) return;
    try {
      const parsed = CheckpointFile.safeParse(JSON.parse(await chosen.text()));
      if (parsed.success) setFile(parsed.data);
      else setFileError(true);
    } catch {
      setFileError(true);
    }
  };

  const fields = (
    <fieldset className="plain-fieldset stack-small">
      <legend className="field-label">{t('checkpoints.keptTitle')}</legend>
      <div className="row">
        <Field
          label={t('checkpoints.code')}
          hint={t('checkpoints.codeHint')}
          error={codeError ? t('checkpoints.codeTypo') : undefined}
        >
          {(control) => (
            <input
              {...control}
              className="input mono"
              value={code}
              autoComplete="off"
              spellCheck={false}
              disabled={file !== null}
              onChange={(event) => setCode(event.target.value)}
            />
          )}
        </Field>
        <Field
          label={t('checkpoints.file')}
          error={fileError ? t('checkpoints.fileUnreadable') : undefined}
        >
          {(control) => (
            // The browser's own file box speaks the browser's language ("Choose File"), not
            // the page's: a button in the page's words opens it.
            <div className="row">
              <input
                {...control}
                className="visually-hidden"
                type="file"
                accept="application/json,.json"
                onChange={(event) => void readFile(event.target.files?.[0])}
              />
              <label htmlFor={control.id} className="button">
                {t('checkpoints.chooseFile')}
              </label>
            </div>
          )}
        </Field>
      </div>
      {file ? <p className="muted">{t('checkpoints.fileChosen', { code: file.code })}</p> : null}
    </fieldset>
  );
  return { fields, kept, invalid: codeError || fileError };
}
