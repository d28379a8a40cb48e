import type { Kiosk } from '@tally/domain/kiosks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useApi } from '../../api/api-context';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { useFormat } from '../../i18n/format';
import { useLocalizedName } from '../../i18n/localized-name';
import { Badge } from '../../ui/badge';
import { Dialog } from '../../ui/dialog';
import { PageHeader } from '../../ui/page-header';
import { Empty, ErrorNotice, Loading } from '../../ui/states';
import { useToast } from '../../ui/toast';
import { ActivityModeDialog } from './activity-mode-dialog';
import { RegisterKioskDialog } from './register-kiosk-dialog';

export function KiosksPage() {
  const { t } = useTranslation();
  const api = useApi();
  const format = useFormat();
  const inLanguage = useLocalizedName();
  const toast = useToast();
  const [registering, setRegistering] = useState(false);
  const [revoking, setRevoking] = useState<Kiosk | null>(null);
  const [switching, setSwitching] = useState<Kiosk | null>(null);
  const kiosks = useApiQuery('kiosks.list', undefined, () => api.kiosks.list.query());
  const usualMode = useApiMutation(api.kiosks.setActivityMode.mutate, {
    invalidates: ['kiosks.list'],
    onSuccess: (kiosk) => toast(t('kiosks.activityModeOff', { name: kiosk.name })),
  });
  const revoke = useApiMutation(api.kiosks.revoke.mutate, {
    invalidates: ['kiosks.list'],
    onSuccess: (kiosk) => {
      toast(t('kiosks.revoked', { name: kiosk.name }));
      setRevoking(null);
    },
  });

  return (
    <>
      <PageHeader
        title={t('kiosks.title')}
        description={t('kiosks.description')}
        actions={
          <button
            type="button"
            className="button button-primary"
            onClick={() => setRegistering(true)}
          >
            {t('kiosks.register')}
          </button>
        }
      />
      <ErrorNotice error={kiosks.error ?? usualMode.error} />
      {kiosks.isPending ? (
        <Loading />
      ) : (kiosks.data ?? []).length === 0 ? (
        <Empty>{t('kiosks.none')}</Empty>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('kiosks.name')}</th>
                <th scope="col">{t('kiosks.registeredAt')}</th>
                <th scope="col">{t('staff.status')}</th>
                <th scope="col">{t('kiosks.mode')}</th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {(kiosks.data ?? []).map((kiosk) => (
                <tr key={kiosk.id}>
                  <td>{kiosk.name}</td>
                  <td className="nowrap">{format.dateTime(kiosk.createdAt)}</td>
                  <td>
                    {kiosk.revokedAt ? (
                      <Badge tone="danger">
                        {t('kiosks.revokedOn', { date: format.date(kiosk.revokedAt) })}
                      </Badge>
                    ) : (
                      <Badge tone="success">{t('kiosks.active')}</Badge>
                    )}
                  </td>
                  <td>
                    {kiosk.activity ? (
                      <>
                        <Badge tone="info">{t('kiosks.activityMode')}</Badge>{' '}
                        <Link href={`/activities/${kiosk.activity.id}`} translate="no">
                          {inLanguage(kiosk.activity.title)}
                        </Link>
                      </>
                    ) : kiosk.revokedAt ? null : (
                      <span className="muted">{t('kiosks.usualMode')}</span>
                    )}
                  </td>
                  <td>
                    {kiosk.revokedAt ? null : (
                      <div className="row">
                        <button
                          type="button"
                          className="button button-small"
                          onClick={() => setSwitching(kiosk)}
                        >
                          {kiosk.activity ? t('kiosks.otherActivity') : t('kiosks.toActivityMode')}
                        </button>
                        {kiosk.activity ? (
                          <button
                            type="button"
                            className="button button-small"
                            disabled={usualMode.isPending}
                            onClick={() =>
                              usualMode.mutate({ kioskId: kiosk.id, activityId: null })
                            }
                          >
                            {t('kiosks.toUsualMode')}
                          </button>
                        ) : null}
                        <button
                          type="button"
                          className="button button-small"
                          onClick={() => setRevoking(kiosk)}
                        >
                          {t('kiosks.revoke')}
                        </button>
                      </div>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <RegisterKioskDialog open={registering} onClose={() => setRegistering(false)} />
      {switching ? (
        <ActivityModeDialog kiosk={switching} onClose={() => setSwitching(null)} />
      ) : null}
      <Dialog
        open={revoking !== null}
        onClose={() => setRevoking(null)}
        title={t('kiosks.revokeTitle', { name: revoking?.name })}
        footer={
          <>
            <button type="button" className="button" onClick={() => setRevoking(null)}>
              {t('common.cancel')}
            </button>
            <button
              type="button"
              className="button button-danger"
              disabled={revoke.isPending}
              onClick={() => revoking && revoke.mutate({ id: revoking.id })}
            >
              {t('kiosks.revoke')}
            </button>
          </>
        }
      >
        <p>{t('kiosks.revokeExplain')}</p>
        <ErrorNotice error={revoke.error} />
      </Dialog>
    </>
  );
}
