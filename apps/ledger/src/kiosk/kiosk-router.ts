import { router } from '../trpc';

// Placeholder: the procedures of `kiosk.*` are being built.
export const kioskRouter = router({});
