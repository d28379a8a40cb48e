import { useCallback, useState } from 'react';
import { createKioskApi } from './api/kiosk-client';
import {
  forgetDeviceToken,
  type Language,
  readDeviceToken,
  saveDeviceToken,
} from './device/device-settings';
import { type ApiFactory, KioskApp } from './kiosk-app';
import { SetupScreen } from './setup/setup-screen';

/**
 * Without a device token the kiosk can do nothing but ask for one. A token the
 * service refuses (revoked by the office) is forgotten and the set-up screen
 * returns, saying why.
 */
export function App({
  storage,
  idleSeconds,
  language,
  url = '/trpc',
}: {
  storage: Storage;
  idleSeconds: number;
  language: Language;
  url?: string;
}) {
  const [deviceToken, setDeviceToken] = useState(() => readDeviceToken(storage));
  const [revoked, setRevoked] = useState(false);

  const apiFor = useCallback<ApiFactory>(
    (residentToken) =>
      createKioskApi({
        url,
        deviceToken: () => deviceToken,
        residentToken: () => residentToken ?? null,
      }),
    [url, deviceToken],
  );

  const refused = useCallback(() => {
    forgetDeviceToken(storage);
    setDeviceToken(null);
    setRevoked(true);
  }, [storage]);

  if (!deviceToken) {
    return (
      <SetupScreen
        url={url}
        revoked={revoked}
        onReady={(token) => {
          saveDeviceToken(storage, token);
          setRevoked(false);
          setDeviceToken(token);
        }}
      />
    );
  }
  return (
    <KioskApp
      key={deviceToken}
      apiFor={apiFor}
      idleSeconds={idleSeconds}
      language={language}
      onDeviceRefused={refused}
    />
  );
}
