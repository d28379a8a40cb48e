import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiFactory, Identified, Resident } from './api/kiosk-client';
import { countdownSeconds, type Language } from './device/device-settings';
import { DoorScreen } from './door/door-screen';
import { useKioskMode } from './door/use-kiosk-mode';
import { markDocumentLanguage } from './i18n/i18n';
import { IdentifyScreen } from './identify/identify-screen';
import { IdleScreen } from './idle/idle-screen';
import { ResidentArea } from './resident/resident-area';
import { connectResident } from './resident/resident-connection';
import { CountdownOverlay } from './session/countdown-overlay';
import { IdleHoldContext } from './session/idle-hold';
import { useInactivity } from './session/use-inactivity';

type Stage =
  | { name: 'idle' }
  | { name: 'identify'; cardNumber: string; expired: boolean }
  | { name: 'resident'; residentToken: string; resident: Resident; cardNumber: string };

/**
 * The kiosk's one flow: the idle screen, identifying, then the resident's own
 * screens until they sign out or walk away. Signing out drops the resident's
 * stage, and with it every piece of their data, and returns to the idle screen
 * in the device's own language. While the office has the kiosk in activity mode,
 * the activity's door takes the idle screen's place.
 */
export function KioskApp({
  apiFor,
  idleSeconds,
  language,
  onDeviceRefused,
}: {
  apiFor: ApiFactory;
  idleSeconds: number;
  language: Language;
  onDeviceRefused: () => void;
}) {
  const { i18n } = useTranslation();
  const [stage, setStage] = useState<Stage>({ name: 'idle' });
  const [holds, setHolds] = useState(0);
  const [communityName, setCommunityName] = useState('');
  const deviceApi = useMemo(() => apiFor(), [apiFor]);
  const mode = useKioskMode(deviceApi, { watching: stage.name === 'idle', onDeviceRefused });

  const updateResident = useCallback(
    (resident: Resident) => setStage((s) => (s.name === 'resident' ? { ...s, resident } : s)),
    [],
  );
  const residentToken = stage.name === 'resident' ? stage.residentToken : null;
  const connection = useMemo(
    () =>
      residentToken
        ? connectResident({
            apiFor,
            residentToken,
            onExpired: () =>
              setStage((s) =>
                s.name === 'resident'
                  ? { name: 'identify', cardNumber: s.cardNumber, expired: true }
                  : s,
              ),
            onResident: updateResident,
          })
        : null,
    [apiFor, residentToken, updateResident],
  );

  const backToIdle = useCallback(() => {
    setStage({ name: 'idle' });
    setHolds(0);
    void i18n.changeLanguage(language);
    markDocumentLanguage(language);
  }, [i18n, language]);

  const signOut = useCallback(() => {
    // Best effort: the token also dies on its own after 2 idle minutes.
    connection?.api.signOut.mutate().catch(() => undefined);
    backToIdle();
  }, [connection, backToIdle]);

  const hold = useCallback(() => {
    setHolds((n) => n + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      setHolds((n) => Math.max(0, n - 1));
    };
  }, []);

  const { remaining, stay } = useInactivity({
    idleSeconds,
    countdownSeconds: countdownSeconds(idleSeconds),
    paused: stage.name === 'idle' || holds > 0,
    onTimeout: signOut,
    onActivity: () => connection?.touched(),
  });

  const identified = useCallback(({ residentToken, resident }: Identified, cardNumber: string) => {
    setStage({ name: 'resident', residentToken, resident, cardNumber });
  }, []);

  return (
    <IdleHoldContext.Provider value={hold}>
      {stage.name === 'idle' && mode.activity && (
        <DoorScreen api={deviceApi} activity={mode.activity} onChanged={mode.reload} />
      )}
      {stage.name === 'idle' && mode.known && !mode.activity && (
        <IdleScreen
          api={deviceApi}
          onStart={(cardNumber) => setStage({ name: 'identify', cardNumber, expired: false })}
          onCommunityName={setCommunityName}
          onDeviceRefused={onDeviceRefused}
        />
      )}
      {stage.name === 'identify' && (
        <IdentifyScreen
          api={deviceApi}
          initialCard={stage.cardNumber}
          expired={stage.expired}
          onIdentified={identified}
          onCancel={backToIdle}
          onDeviceRefused={onDeviceRefused}
        />
      )}
      {stage.name === 'resident' && connection && (
        <ResidentArea
          key={stage.residentToken}
          api={connection.api}
          resident={stage.resident}
          communityName={communityName}
          onResident={updateResident}
          onSignOut={signOut}
        />
      )}
      {remaining !== null && (
        <CountdownOverlay remaining={remaining} onStay={stay} onLeave={signOut} />
      )}
    </IdleHoldContext.Provider>
  );
}
