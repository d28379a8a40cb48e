import { router } from '../trpc';

// Placeholder: the procedures of `rules.*` are being built.
export const rulesRouter = router({});
