import type { ResidentDetail } from '@tally/domain/residents';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { useFormat } from '../../i18n/format';
import { useLocalizedName } from '../../i18n/localized-name';
import { FormDialog } from '../../ui/dialog';
import { Field } from '../../ui/field';
import { Loading } from '../../ui/states';
import { useToast } from '../../ui/toast';

/** From a resident's page: propose moving them to another open community of the street. */
export function ProposeMoveDialog({
  open,
  resident,
  onClose,
}: {
  open: boolean;
  resident: Pick<ResidentDetail, 'id' | 'name' | 'points'>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const toast = useToast();
  const format = useFormat();
  const inLanguage = useLocalizedName();
  const [toCommunityId, setToCommunityId] = useState('');
  const [note, setNote] = useState('');
  const [tried, setTried] = useState(false);
  // Choosing, then a last look at what will happen before anything is sent.
  const [confirming, setConfirming] = useState(false);
  useEffect(() => {
    if (!open) return;
    setToCommunityId('');
    setNote('');
    setTried(false);
    setConfirming(false);
  }, [open]);
  const destinations = useApiQuery(
    'moves.destinations',
    undefined,
    () => api.moves.destinations.query(),
    { enabled: open },
  );
  const propose = useApiMutation(api.moves.propose.mutate, {
    invalidates: ['moves.list'],
    onSuccess: (move) => {
      toast(t('moves.proposed', { name: move.resident.name, community: inLanguage(move.to.name) }));
      onClose();
    },
  });
  const missing = !toCommunityId;
  const choices = destinations.data ?? [];
  const chosen = choices.find((community) => community.id === toCommunityId);

  return (
    <FormDialog
      id="propose-move"
      open={open}
      onClose={onClose}
      title={t('moves.moveTitle', { name: resident.name })}
      submitLabel={confirming ? t('moves.propose') : t('moves.next')}
      pending={propose.isPending}
      error={propose.error ?? destinations.error}
      onSubmit={() => {
        setTried(true);
        if (missing) return;
        if (!confirming) {
          setConfirming(true);
          return;
        }
        propose.mutate({
          residentId: resident.id,
          toCommunityId,
          ...(note.trim() ? { note: note.trim() } : {}),
        });
      }}
    >
      <p>{t('moves.moveExplain', { points: format.number(resident.points) })}</p>
      {confirming && chosen ? (
        <p className="notice notice-warning" data-testid="move-confirm">
          {t('moves.confirmQuestion', { name: resident.name, community: inLanguage(chosen.name) })}
          {note.trim() ? (
            <>
              <br />
              {t('moves.columns.note')}: {note.trim()}
            </>
          ) : null}
        </p>
      ) : destinations.isPending ? (
        <Loading />
      ) : choices.length === 0 && destinations.data ? (
        <p className="notice">{t('moves.noDestinations')}</p>
      ) : (
        <Field
          label={t('moves.destination')}
          error={tried && missing ? t('moves.destinationRequired') : undefined}
        >
          {(control) => (
            <select
              {...control}
              className="select"
              value={toCommunityId}
              onChange={(event) => setToCommunityId(event.target.value)}
            >
              <option value="">{t('moves.chooseDestination')}</option>
              {choices.map((community) => (
                <option key={community.id} value={community.id}>
                  {inLanguage(community.name)}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      {confirming ? null : (
        <Field label={t('moves.note')} hint={t('moves.noteHint')}>
          {(control) => (
            <textarea
              {...control}
              className="textarea"
              maxLength={500}
              value={note}
              onChange={(event) => setNote(event.target.value)}
            />
          )}
        </Field>
      )}
    </FormDialog>
  );
}
