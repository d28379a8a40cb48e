import { router } from '../trpc';

// Placeholder: the procedures of `ledger.*` are being built.
export const ledgerRouter = router({});
