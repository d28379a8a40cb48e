import defaultConfig from './vitest.config';

// `pnpm test:pooled`: the API tests that lean hardest on what a connection remembers (writes
// under idempotency keys, sessions, lockouts and request limits, races for the last reward,
// place or vote) again, through pgbouncer in transaction mode (TEST_POOLER_URL, see
// tooling/db/start-pgbouncer.sh), where consecutive transactions of one client land on
// different server connections. PostgreSQL only; each test file gets a database of its own.
// A few files, not all: the whole API suite (62 files) through the pooler took ~10 minutes.
const pooledFiles = [
  'src/app.test.ts',
  'src/activities/sign-up.test.ts',
  'src/auth/guess-limits.test.ts',
  'src/auth/sign-in-tries.test.ts',
  'src/deliberation/deliberation.test.ts',
  'src/kiosk/identify-resident.test.ts',
  'src/redemptions/redeem-race.test.ts',
  'src/redemptions/redeem-reward.test.ts',
  'src/staff/staff-sessions.test.ts',
];

const pooler = process.env.TEST_POOLER_URL;
if (!pooler && process.env.CI) {
  throw new Error('TEST_POOLER_URL must be set in CI: the pooled API tests run through pgbouncer.');
}
if (!pooler) {
  console.warn(
    '\n⚠  test:pooled: NOT RUN, set TEST_POOLER_URL=postgres://postgres@127.0.0.1:6432/test ' +
      '(tooling/db/start-pgbouncer.sh starts one) and TEST_DATABASE_URL.\n',
  );
}

export default {
  ...defaultConfig,
  test: {
    ...defaultConfig.test,
    include: pooler ? pooledFiles : [],
    passWithNoTests: !pooler,
    env: pooler ? { TEST_POOLED: '1', TEST_DATABASE_URL: pooler } : {},
  },
};
