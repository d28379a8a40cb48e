import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context';
import { useApiMutation, useApiQuery, usePlainMutation } from '../../api/queries';
import { useFormat } from '../../i18n/format';
import { mayManage } from '../../session/permissions';
import { useUser } from '../../session/session-context';
import { saveFile } from '../../ui/save-file';
import { ErrorNotice } from '../../ui/states';
import { useToast } from '../../ui/toast';

/**
 * The newest signed checkpoint, as the office keeps it: its code to write down (the poster
 * prints one too), its file to download, and, for the office, signing the ledger now.
 */
export function CheckpointPanel() {
  const { t } = useTranslation();
  const api = useApi();
  const user = useUser();
  const format = useFormat();
  const toast = useToast();
  const checkpoints = useApiQuery('ledger.checkpoints', { limit: 1 }, api.ledger.checkpoints.query);
  const latest = checkpoints.data?.items[0];
  const hasOne = latest !== undefined && latest.sequence > 0;
  const download = usePlainMutation(async () => {
    const file = await api.ledger.checkpointFile.query({});
    const fileName = `tally-checkpoint-${file.sequence}.json`;
    saveFile(
      new Blob([`${JSON.stringify(file, null, 2)}\n`], { type: 'application/json' }),
      fileName,
    );
    return fileName;
  });
  const sign = useApiMutation(api.ledger.checkpoint.mutate, {
    invalidates: ['ledger.checkpoints', 'audit.list'],
    onSuccess: (checkpoint) => toast(t('checkpoints.signed', { code: checkpoint.code })),
  });

  return (
    <section className="card stack" aria-labelledby="checkpoints-title">
      <h2 id="checkpoints-title">{t('checkpoints.title')}</h2>
      <p className="muted">{t('checkpoints.description')}</p>
      {hasOne ? (
        <div className="checkpoint-latest">
          <span className="muted">{t('checkpoints.latest')}</span>
          <strong className="checkpoint-code mono" data-testid="checkpoint-code" translate="no">
            {latest.code}
          </strong>
          <span>
            {t('checkpoints.latestDetails', {
              sequence: latest.sequence,
              signedAt: format.dateTime(latest.signedAt),
            })}
          </span>
        </div>
      ) : checkpoints.isSuccess ? (
        <p>{t('checkpoints.none')}</p>
      ) : null}
      <div className="row">
        {hasOne ? (
          <button
            type="button"
            className="button"
            disabled={download.isPending}
            onClick={() =>
              download.mutate(undefined, {
                onSuccess: (fileName) => toast(t('checkpoints.downloaded', { fileName })),
              })
            }
          >
            {t('checkpoints.download')}
          </button>
        ) : null}
        {mayManage(user.role) ? (
          <button
            type="button"
            className="button"
            disabled={sign.isPending}
            onClick={() => sign.mutate({})}
          >
            {sign.isPending ? t('checkpoints.signing') : t('checkpoints.signNow')}
          </button>
        ) : null}
      </div>
      <ErrorNotice error={download.error ?? sign.error} />
    </section>
  );
}
