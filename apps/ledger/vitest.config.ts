import { baseTestConfig } from '@tally/vitest-config';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  ...baseTestConfig,
  test: {
    ...baseTestConfig.test,
    setupFiles: ['src/test/ledger-key-setup.ts'],
    // Much of a file's time is spent waiting on PostgreSQL: three at once keep two cores busy.
    maxWorkers: 3,
  },
});
