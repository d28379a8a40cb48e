import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeApi } from '../api/me-client';
import type { MeSession, ResidentProxy } from '../api/me-types';
import { useAction } from '../api/use-action';
import { useLoad } from '../api/use-load';
import { NamedText } from '../ui/named-text';
import { ActionProblem, Failure, Loading } from '../ui/status';

/**
 * Who may act for the resident (added by card number and confirmed with the resident's own
 * PIN, or linked by the office), and whom the signed-in resident acts for. Someone acting as a
 * proxy sees the list but cannot change it.
 */
export function ProxiesPanel({
  api,
  session,
  onActFor,
}: {
  api: MeApi;
  session: MeSession;
  onActFor: (residentId: string) => void;
}) {
  const { t } = useTranslation();
  const proxies = useLoad('proxies', () => api.proxies.query());
  const [said, setSaid] = useState<{ text: string; name: string } | null>(null);
  const remove = useAction<{ removed: boolean }>();
  const [asking, setAsking] = useState<ResidentProxy | null>(null);
  const others = session.canActFor.filter(
    (person) => person.residentId !== session.actingFor?.residentId,
  );

  const removeProxy = async (proxy: ResidentProxy) => {
    const done = await remove.run((idempotencyKey) =>
      api.removeProxy.mutate({ idempotencyKey, proxyId: proxy.id }),
    );
    if (!done) return;
    setAsking(null);
    setSaid({ text: t('settings.removed', { name: proxy.displayName }), name: proxy.displayName });
    proxies.reload();
  };

  return (
    <section className="card" aria-labelledby="proxies-title">
      <h2 id="proxies-title">{t('settings.proxiesTitle')}</h2>
      <p className="muted">{t('settings.proxiesIntro')}</p>
      {!proxies.data && proxies.loading && <Loading />}
      {proxies.error != null && !proxies.data && (
        <Failure error={proxies.error} onRetry={proxies.reload} />
      )}
      {said && (
        <p className="notice notice-success" role="status">
          <NamedText text={said.text} names={[said.name]} />
        </p>
      )}
      {proxies.data?.proxies.length === 0 && <p>{t('settings.noProxies')}</p>}
      <ul className="list">
        {proxies.data?.proxies.map((proxy) => (
          <li key={proxy.id} className="stack" style={{ gap: '0.2rem' }} data-testid="proxy">
            <h3 translate="no">{proxy.displayName}</h3>
            <p className="muted">{t(`settings.kind.${proxy.kind}`, { contact: proxy.contact })}</p>
            {proxy.addedBy === 'office' && proxy.reason && (
              <p className="muted">
                <NamedText
                  text={t('settings.addedByOffice', { reason: proxy.reason })}
                  names={[proxy.reason]}
                />
              </p>
            )}
            {!session.asProxy && asking?.id !== proxy.id && (
              <button
                type="button"
                className="button button-quiet"
                style={{ alignSelf: 'flex-start' }}
                onClick={() => setAsking(proxy)}
              >
                {t('settings.remove')}
              </button>
            )}
            {asking?.id === proxy.id && (
              <div className="stack" style={{ gap: '0.5rem' }}>
                <p className="field-label">
                  <NamedText
                    text={t('settings.removeAsk', { name: proxy.displayName })}
                    names={[proxy.displayName]}
                  />
                </p>
                <ActionProblem state={remove.state} />
                <div className="actions">
                  <button
                    type="button"
                    className="button button-danger"
                    disabled={remove.sending}
                    onClick={() => removeProxy(proxy)}
                  >
                    {t('settings.removeYes')}
                  </button>
                  <button
                    type="button"
                    className="button button-quiet"
                    onClick={() => setAsking(null)}
                  >
                    {t('common.cancel')}
                  </button>
                </div>
              </div>
            )}
          </li>
        ))}
      </ul>
      {!session.asProxy && (
        <AddProxy
          api={api}
          onAdded={(proxy) => {
            setSaid({
              text: t('settings.added', { name: proxy.displayName }),
              name: proxy.displayName,
            });
            proxies.reload();
          }}
        />
      )}
      <h3>{t('settings.iActFor')}</h3>
      {others.length === 0 ? (
        <p className="muted">{t('settings.noneIActFor')}</p>
      ) : (
        <div className="choices">
          {others.map((person) => (
            <button
              key={person.residentId}
              type="button"
              className="button button-secondary"
              onClick={() => onActFor(person.residentId)}
            >
              <NamedText
                text={t('settings.switchTo', { name: person.displayName })}
                names={[person.displayName]}
              />
            </button>
          ))}
        </div>
      )}
    </section>
  );
}

function AddProxy({ api, onAdded }: { api: MeApi; onAdded: (proxy: ResidentProxy) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [card, setCard] = useState('');
  const [pin, setPin] = useState('');
  const action = useAction<ResidentProxy>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!card.trim() || !pin) return;
    const proxy = await action.run((idempotencyKey) =>
      api.addProxy.mutate({ idempotencyKey, proxyCardNumber: card, pin }),
    );
    setPin('');
    if (!proxy) return;
    setCard('');
    setOpen(false);
    action.reset();
    onAdded(proxy);
  };

  if (!open) {
    return (
      <button type="button" className="button button-secondary" onClick={() => setOpen(true)}>
        {t('settings.addProxy')}
      </button>
    );
  }
  return (
    <form className="stack" onSubmit={submit} noValidate aria-label={t('settings.addProxy')}>
      <h3>{t('settings.addProxy')}</h3>
      <label className="field">
        <span className="field-label">{t('settings.proxyCard')}</span>
        <input
          value={card}
          onChange={(event) => setCard(event.target.value)}
          autoCapitalize="characters"
          autoComplete="off"
        />
      </label>
      <label className="field">
        <span className="field-label">{t('settings.yourPin')}</span>
        <input
          type="password"
          inputMode="numeric"
          autoComplete="current-password"
          value={pin}
          onChange={(event) => setPin(event.target.value)}
        />
      </label>
      <ActionProblem state={action.state} />
      <div className="actions">
        <button
          type="submit"
          className="button button-primary"
          disabled={action.sending || !card.trim() || !pin}
        >
          {action.sending ? t('common.sending') : t('settings.add')}
        </button>
        <button type="button" className="button button-quiet" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
