import { useEffect, useState } from 'react';

const QUERY = '(orientation: portrait)';

/** Whether the screen stands upright; some lists show more lines then. */
export function usePortrait(): boolean {
  const [portrait, setPortrait] = useState(() => globalThis.matchMedia?.(QUERY).matches ?? false);
  useEffect(() => {
    const media = globalThis.matchMedia?.(QUERY);
    if (!media) return;
    const changed = () => setPortrait(media.matches);
    media.addEventListener('change', changed);
    return () => media.removeEventListener('change', changed);
  }, []);
  return portrait;
}
