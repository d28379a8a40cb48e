import { router } from '../trpc';

// Placeholder: the procedures of `service.*` are being built.
export const serviceRouter = router({});
