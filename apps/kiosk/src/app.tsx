import { useCallback, useState } from 'react';
import { type ApiFactory, createKioskApi } from './api/kiosk-client';
import {
  forgetDeviceToken,
  type Language,
  readDeviceToken,
  saveDeviceToken,
} from './device/device-settings';
import { KioskApp } from './kiosk-app';
import { SetupScreen } from './setup/setup-screen';
import { RewardPhotoProvider } from './ui/reward-photos';

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
    (resident) => createKioskApi({ url, deviceToken: () => deviceToken, resident }),
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
    <RewardPhotoProvider deviceToken={deviceToken}>
      <KioskApp
        key={deviceToken}
        apiFor={apiFor}
        idleSeconds={idleSeconds}
        language={language}
        onDeviceRefused={refused}
      />
    </RewardPhotoProvider>
  );
}
