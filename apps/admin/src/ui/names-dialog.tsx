import type { LocalizedText } from '@tally/domain/localized-text';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog, FormActions } from './dialog';
import { hasText, LocalizedFields, trimmedText } from './localized-fields';
import { ErrorNotice } from './states';

export type Names = { name: LocalizedText; description?: LocalizedText | undefined };

/**
 * Renames something the office named in each language (the community, an organization, a
 * goal), and rewords its description where it has one. One language is enough for the name.
 * Open while shown: render it when editing starts, so it starts from the names as they are.
 */
export function NamesDialog({
  title,
  kind = 'name',
  current,
  maxLength,
  descriptionMaxLength,
  pending,
  error,
  onSave,
  onClose,
}: {
  title: string;
  /** What the name is called in the fields' labels: a name, or a goal's title. */
  kind?: 'name' | 'title';
  current: Names;
  maxLength: number;
  /** Given when the thing has a description to reword. */
  descriptionMaxLength?: number;
  pending: boolean;
  error: unknown;
  onSave: (names: Names) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const form = useId();
  const [name, setName] = useState(current.name);
  const [description, setDescription] = useState(current.description);
  const [tried, setTried] = useState(false);

  return (
    <Dialog
      open
      onClose={onClose}
      title={title}
      footer={
        <FormActions form={form} onCancel={onClose} pending={pending} label={t('common.save')} />
      }
    >
      <form
        id={form}
        className="stack"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setTried(true);
          if (!hasText(name)) return;
          onSave({
            name: trimmedText(name),
            description: description ? trimmedText(description) : undefined,
          });
        }}
      >
        <LocalizedFields
          kind={kind}
          value={name}
          onChange={setName}
          maxLength={maxLength}
          error={tried && !hasText(name) ? t('validation.required') : undefined}
        />
        {description && descriptionMaxLength ? (
          <LocalizedFields
            kind="description"
            value={description}
            onChange={setDescription}
            maxLength={descriptionMaxLength}
            multiline
          />
        ) : null}
        <ErrorNotice error={error} />
      </form>
    </Dialog>
  );
}
