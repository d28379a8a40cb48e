// Shared vitest settings. Database tests boot PGlite (about 3 s) and race real
// PostgreSQL connections, so the timeouts are generous; speed lives in benchmarks.
/** @type {import('vitest/config').ViteUserConfig} */
export const baseTestConfig = {
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // CI lists every test, so the log shows each ledger test ran on PGlite and on PostgreSQL.
    reporters: process.env.CI ? ['verbose'] : ['default'],
    pool: 'forks',
  },
};
