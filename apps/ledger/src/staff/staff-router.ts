import { router } from '../trpc';

// Placeholder: the procedures of `staff.*` are being built.
export const staffRouter = router({});
