import { router } from '../trpc';

// Placeholder: the procedures of `goals.*` are being built.
export const goalsRouter = router({});
