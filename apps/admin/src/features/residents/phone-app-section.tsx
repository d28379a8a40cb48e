import type { ProxyLink } from '@tally/domain/me';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { useFormat } from '../../i18n/format';
import { Badge } from '../../ui/badge';
import { ConfirmActions, Dialog } from '../../ui/dialog';
import { Empty, ErrorNotice, Loading } from '../../ui/states';
import { useToast } from '../../ui/toast';
import { LinkProxyDialog } from './link-proxy-dialog';
import { PhoneSessions } from './phone-sessions';

type Resident = { id: string; name: string };

/**
 * The resident app on the phone, as the office manages it for one resident: who may act for
 * them (and why the office linked them), and the phones signed in to their account.
 */
export function PhoneAppSection({ resident }: { resident: Resident }) {
  const { t } = useTranslation();
  const [linking, setLinking] = useState(false);
  return (
    <section className="card stack-small" aria-labelledby="phone-app-title">
      <h2 id="phone-app-title">{t('phoneApp.title')}</h2>
      <p className="muted">{t('phoneApp.description')}</p>
      <div className="row-between">
        <h3>{t('phoneApp.proxies')}</h3>
        <button type="button" className="button" onClick={() => setLinking(true)}>
          {t('phoneApp.link')}
        </button>
      </div>
      <ProxyList resident={resident} />
      <h3>{t('phoneApp.sessions')}</h3>
      <PhoneSessions residentId={resident.id} />
      <LinkProxyDialog open={linking} resident={resident} onClose={() => setLinking(false)} />
    </section>
  );
}

function ProxyList({ resident }: { resident: Resident }) {
  const { t } = useTranslation();
  const api = useApi();
  const format = useFormat();
  const [removing, setRemoving] = useState<ProxyLink | null>(null);
  const proxies = useApiQuery(
    'residents.proxies',
    { residentId: resident.id },
    api.residents.proxies.query,
  );
  if (proxies.error) return <ErrorNotice error={proxies.error} />;
  if (!proxies.data) return <Loading />;
  if (proxies.data.length === 0) return <Empty>{t('phoneApp.noProxies')}</Empty>;
  return (
    <div className="table-wrap">
      <table className="table" aria-label={t('phoneApp.proxies')}>
        <thead>
          <tr>
            <th scope="col">{t('residents.name')}</th>
            <th scope="col">{t('phoneApp.contact')}</th>
            <th scope="col">{t('phoneApp.addedBy')}</th>
            <th scope="col">{t('phoneApp.reason')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('staff.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {proxies.data.map((proxy) => (
            <tr key={proxy.id}>
              <td>
                <span translate="no">{proxy.displayName}</span>
                <div>
                  <Badge>{t(`phoneApp.kinds.${proxy.kind}`)}</Badge>
                </div>
              </td>
              <td className="mono">{proxy.contact}</td>
              <td className="nowrap">
                {t(`phoneApp.addedByWho.${proxy.addedBy}`)}
                <div className="muted">{format.dateTime(proxy.addedAt)}</div>
              </td>
              <td translate="no">{proxy.reason ?? '—'}</td>
              <td className="number">
                <button
                  type="button"
                  className="button button-small"
                  onClick={() => setRemoving(proxy)}
                >
                  {t('phoneApp.remove')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <RemoveProxyDialog resident={resident} proxy={removing} onClose={() => setRemoving(null)} />
    </div>
  );
}

function RemoveProxyDialog({
  resident,
  proxy,
  onClose,
}: {
  resident: Resident;
  proxy: ProxyLink | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const toast = useToast();
  const remove = useApiMutation(api.residents.removeProxy.mutate, {
    invalidates: ['residents.proxies', 'residents.phoneSessions'],
    onSuccess: () => {
      toast(t('phoneApp.removed', { name: proxy?.displayName ?? '' }));
      onClose();
    },
  });
  return (
    <Dialog
      open={proxy !== null}
      onClose={onClose}
      title={t('phoneApp.removeTitle')}
      footer={
        <ConfirmActions
          onCancel={onClose}
          onConfirm={() => proxy && remove.mutate({ residentId: resident.id, proxyId: proxy.id })}
          pending={remove.isPending}
          label={t('phoneApp.remove')}
          danger
        />
      }
    >
      <p>{t('phoneApp.removeExplain', { proxy: proxy?.displayName ?? '', name: resident.name })}</p>
      <ErrorNotice error={remove.error} />
    </Dialog>
  );
}
