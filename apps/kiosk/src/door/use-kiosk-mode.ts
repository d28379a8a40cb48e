import { useEffect } from 'react';
import { isDeviceRefused } from '../api/api-error';
import type { DoorActivity, KioskApi } from '../api/kiosk-client';
import { useLoad } from '../api/use-load';

/** The office switches a kiosk's mode now and then; a look twice a minute is plenty and light. */
export const MODE_REFRESH_MS = 30_000;

export type KioskModeState = {
  /** Until the service first answers, the kiosk does not know which screen to open on. */
  known: boolean;
  /** The activity whose door this kiosk keeps (activity mode), or null for its usual screens. */
  activity: DoorActivity | null;
  reload: () => void;
};

/**
 * What this kiosk is for just now, as the office set it: asked when the kiosk starts, and
 * again every half minute while nobody is using it (`watching`). A resident at the screen is
 * never switched away. A failed look keeps the last answer; a first look that fails opens the
 * usual screens.
 */
export function useKioskMode(
  api: KioskApi,
  { watching, onDeviceRefused }: { watching: boolean; onDeviceRefused: () => void },
): KioskModeState {
  const { data, error, reload } = useLoad('mode', () => api.mode.query());

  useEffect(() => {
    if (!watching) return;
    const timer = setInterval(reload, MODE_REFRESH_MS);
    return () => clearInterval(timer);
  }, [watching, reload]);
  useEffect(() => {
    if (isDeviceRefused(error)) onDeviceRefused();
  }, [error, onDeviceRefused]);

  return { known: data !== undefined || error != null, activity: data?.activity ?? null, reload };
}
