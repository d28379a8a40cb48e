import { router } from '../trpc';

// Placeholder: the procedures of `kiosks.*` are being built.
export const kiosksRouter = router({});
