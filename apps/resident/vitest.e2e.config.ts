import { baseTestConfig } from '@tally/vitest-config';
import { defineConfig } from 'vitest/config';

// End-to-end: real Chromium against the real service (see @tally/e2e). One file at a time:
// each starts its own service and browser.
export default defineConfig({
  ...baseTestConfig,
  test: {
    ...baseTestConfig.test,
    include: ['e2e/**/*.e2e.test.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
  },
});
