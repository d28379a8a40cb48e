import { createContext, type ReactNode, useContext, useEffect, useMemo, useState } from 'react';

// A reward photo is only served to a registered kiosk, which proves itself with its device
// token in a header: an <img src> cannot send one, so the kiosk fetches the photo and shows it
// as a data: address (the service's content policy allows those, not blob:). Photo addresses
// name their version, so the browser's cache and this page's memory may keep them for good.

type PhotoLoader = (url: string) => Promise<string>;

const RewardPhotoContext = createContext<PhotoLoader | null>(null);

export function RewardPhotoProvider({
  deviceToken,
  children,
}: {
  deviceToken: string;
  children: ReactNode;
}) {
  const load = useMemo(() => photoLoader(deviceToken), [deviceToken]);
  return <RewardPhotoContext.Provider value={load}>{children}</RewardPhotoContext.Provider>;
}

function photoLoader(deviceToken: string): PhotoLoader {
  const loaded = new Map<string, Promise<string>>();
  return (url) => {
    const known = loaded.get(url);
    if (known) return known;
    const loading = fetch(url, { headers: { Authorization: `Bearer ${deviceToken}` } })
      .then((response) => {
        if (!response.ok) throw new Error(`photo ${response.status}`);
        return response.blob();
      })
      .then(dataUrl);
    // A failed load is tried again next time the reward is shown.
    loading.catch(() => loaded.delete(url));
    loaded.set(url, loading);
    return loading;
  };
}

function dataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(blob);
  });
}

/** The photo as an address an <img> can show; null while loading, without one, or on failure. */
export function useRewardPhoto(url: string | null | undefined): string | null {
  const load = useContext(RewardPhotoContext);
  const [shown, setShown] = useState<{ url: string; src: string } | null>(null);
  useEffect(() => {
    if (!url || !load) return;
    let current = true;
    load(url).then(
      (src) => current && setShown({ url, src }),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [url, load]);
  return shown && shown.url === url ? shown.src : null;
}
