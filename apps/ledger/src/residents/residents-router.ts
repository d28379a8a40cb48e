import { router } from '../trpc';

// Placeholder: the procedures of `residents.*` are being built.
export const residentsRouter = router({});
