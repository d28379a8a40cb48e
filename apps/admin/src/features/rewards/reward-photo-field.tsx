import type { Reward } from '@tally/domain/rewards';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { removeRewardPhoto, rewardPhotoDataUrl, uploadRewardPhoto } from '../../api/reward-photos';
import { useLocalizedName } from '../../i18n/localized-name';
import { useSessionStore } from '../../session/session-context';
import { ErrorNotice } from '../../ui/states';
import { useToast } from '../../ui/toast';

/** A reward's photo as the kiosk shows it; nothing while it loads or when there is none. */
export function RewardPhoto({ url, alt }: { url: string | null; alt: string }) {
  const session = useSessionStore();
  const photo = useQuery({
    queryKey: ['reward-photo', url],
    queryFn: () => rewardPhotoDataUrl(url ?? '', session.token()),
    enabled: url !== null,
    staleTime: Number.POSITIVE_INFINITY,
  });
  if (!photo.data) return null;
  return (
    <img
      src={photo.data}
      alt={alt}
      style={{ maxWidth: '15rem', maxHeight: '15rem', borderRadius: '0.5rem' }}
    />
  );
}

/**
 * The photo residents see at the kiosk instead of the kind's icon: upload, replace or remove.
 * It is saved at once (the service resizes it), apart from the reward's other terms.
 */
export function RewardPhotoField({ reward }: { reward: Reward | null }) {
  const { t } = useTranslation();
  const session = useSessionStore();
  const queryClient = useQueryClient();
  const toast = useToast();
  const named = useLocalizedName();
  const input = useRef<HTMLInputElement>(null);
  // The photo shown now: what the dialog opened with, then whatever the office last saved.
  const [current, setCurrent] = useState(reward?.photoUrl ?? null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['rewards.list'] });
  const upload = useMutation({
    mutationFn: (file: File) =>
      uploadRewardPhoto({ rewardId: reward?.id ?? '', file, token: session.token() }),
    onSuccess: async (saved) => {
      setCurrent(saved.photoUrl);
      await refresh();
      toast(t('rewards.photo.saved'));
    },
  });
  const remove = useMutation({
    mutationFn: () => removeRewardPhoto({ rewardId: reward?.id ?? '', token: session.token() }),
    onSuccess: async () => {
      setCurrent(null);
      await refresh();
      toast(t('rewards.photo.removed'));
    },
  });
  const busy = upload.isPending || remove.isPending;

  return (
    <fieldset className="plain-fieldset stack-small">
      <legend>{t('rewards.photo.title')}</legend>
      {reward === null ? (
        <p className="field-hint">{t('rewards.photo.saveFirst')}</p>
      ) : (
        <>
          <p className="field-hint">{t('rewards.photo.hint')}</p>
          {current ? (
            <RewardPhoto url={current} alt={t('rewards.photo.alt', { name: named(reward.name) })} />
          ) : (
            <p className="muted">{t('rewards.photo.none')}</p>
          )}
          <div className="row">
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() => input.current?.click()}
            >
              {current ? t('rewards.photo.replace') : t('rewards.photo.upload')}
            </button>
            {/* The button above is the control people use; the file input only opens the picker. */}
            <input
              ref={input}
              className="visually-hidden"
              type="file"
              accept="image/jpeg,image/png,image/webp"
              tabIndex={-1}
              aria-hidden="true"
              onChange={(event) => {
                const file = event.target.files?.[0];
                if (file) upload.mutate(file);
                if (input.current) input.current.value = '';
              }}
            />
            {current ? (
              <button
                type="button"
                className="button"
                disabled={busy}
                onClick={() => remove.mutate()}
              >
                {t('rewards.photo.remove')}
              </button>
            ) : null}
          </div>
          <ErrorNotice error={upload.error ?? remove.error} />
        </>
      )}
    </fieldset>
  );
}
