import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeApi } from '../api/me-client';
import type { MeSession } from '../api/me-types';
import { useAction } from '../api/use-action';
import { NamedText } from '../ui/named-text';
import { ActionProblem } from '../ui/status';

/**
 * A family member who acts for several residents (or a resident who also acts for a parent)
 * chooses whose account to use before anything else; the choice can be changed at any time.
 */
export function ActForScreen({
  api,
  session,
  onSession,
}: {
  api: MeApi;
  session: MeSession;
  onSession: (session: MeSession) => void;
}) {
  const { t } = useTranslation();
  const action = useAction<MeSession>();
  const [chosen, setChosen] = useState<string | null>(null);
  const choose = async (residentId: string) => {
    setChosen(residentId);
    const next = await action.run(() => api.actFor.mutate({ residentId }));
    if (next) onSession(next);
  };
  // Someone who acts for exactly one resident has nothing to choose: go straight on.
  const only =
    session.actingFor === null && session.canActFor.length === 1 ? session.canActFor[0] : undefined;
  const started = useRef(false);
  useEffect(() => {
    if (!only || started.current) return;
    started.current = true;
    void choose(only.residentId);
  });
  return (
    <section className="stack" aria-labelledby="act-for-title">
      <div className="screen-title">
        <h1 id="act-for-title">{t('actFor.title')}</h1>
        <p className="muted">{t('actFor.intro')}</p>
      </div>
      {session.canActFor.length === 0 && <p className="notice notice-info">{t('actFor.none')}</p>}
      <div className="choices">
        {session.canActFor.map((person) => {
          const self =
            session.signedInAs.kind === 'resident' && person.residentId === session.signedInAs.id;
          return (
            <button
              key={person.residentId}
              type="button"
              className="button button-secondary"
              aria-pressed={session.actingFor?.residentId === person.residentId}
              disabled={action.sending && chosen === person.residentId}
              onClick={() => choose(person.residentId)}
            >
              {self ? (
                <NamedText
                  text={t('actFor.me', { name: person.displayName })}
                  names={[person.displayName]}
                />
              ) : (
                <span translate="no">{person.displayName}</span>
              )}
            </button>
          );
        })}
      </div>
      <ActionProblem state={action.state} />
    </section>
  );
}
