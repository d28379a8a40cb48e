import { router } from '../trpc';

// Placeholder: the procedures of `redemptions.*` are being built.
export const redemptionsRouter = router({});
