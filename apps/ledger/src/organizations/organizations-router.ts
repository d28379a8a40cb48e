import { router } from '../trpc';

// Placeholder: the procedures of `organizations.*` are being built.
export const organizationsRouter = router({});
