import { router } from '../trpc';

// Placeholder: the procedures of `rewards.*` are being built.
export const rewardsRouter = router({});
