import { router } from '../trpc';

// Placeholder: the procedures of `audit.*` are being built.
export const auditRouter = router({});
