import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { type DatabaseHandle, openDatabase } from '@tally/db/connect';
import { openTestDatabase, type TestDatabase, testEngines } from '@tally/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaffUser } from '../staff/create-staff-user';

const run = promisify(execFile);
// tsx, PGlite and the migrations start afresh in each run; slow on a busy machine.
const SPAWN_MS = 120_000;

// The command lines the README documents, run as a person would: through pnpm 12, which
// passes a `--` after the script name on to the script.
describe.each(testEngines())('the staff command line on %s', (engine) => {
  let env: NodeJS.ProcessEnv;
  let dataDir: string | undefined;
  let postgres: TestDatabase | undefined;

  // The ledger key the command line makes (as the service would) lives in a folder of the test's.
  const keyDir = mkdtempSync(join(tmpdir(), 'tally-cli-key-'));
  const keyFile = { TALLY_SIGNING_KEY_FILE: join(keyDir, 'signing-key.pem') };

  beforeAll(async () => {
    if (engine === 'pglite') {
      dataDir = mkdtempSync(join(tmpdir(), 'tally-cli-'));
      env = { ...process.env, ...keyFile, TALLY_DATA_DIR: dataDir, DATABASE_URL: '' };
      return;
    }
    postgres = await openTestDatabase('postgres');
    const url = new URL(process.env.TEST_DATABASE_URL ?? '');
    url.searchParams.set('options', `-c search_path=${postgres.schema}`);
    env = { ...process.env, ...keyFile, DATABASE_URL: url.toString() };
  });
  afterAll(async () => {
    await postgres?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    rmSync(keyDir, { recursive: true, force: true });
  });

  /** The database, opened only while the command line is not using it (PGlite allows one user). */
  async function inDatabase<T>(work: (db: DatabaseHandle['db']) => Promise<T>): Promise<T> {
    if (postgres) return work(postgres.db);
    const handle = await openDatabase({ dataDir: dataDir ?? '' });
    try {
      return await work(handle.db);
    } finally {
      await handle.close();
    }
  }

  const pnpm = async (...args: string[]) =>
    (await run('pnpm', ['--filter', '@tally/ledger', ...args], { env })).stdout;

  it(
    'opens the first office, then a leader nobody controls, with `pnpm --filter … -- --flags`',
    async () => {
      const office = await pnpm(
        'create-office',
        '--',
        '--community',
        'Hill Community',
        '--username',
        'office',
        '--name',
        'Hill office',
      );
      expect(office).toContain('Created office account "office" for Hill Community.');
      expect(office).toMatch(/Password \(shown once\): \S{12,}/);
      const leader = await pnpm(
        'create-staff',
        '--',
        '--community',
        'Hill Community',
        '--role',
        'leader',
        '--username',
        'leader2',
        '--name',
        'Wang Fang',
        '--password',
        'a long enough secret',
      );
      expect(leader).toContain('Created leader account "leader2" for Hill Community.');
      expect(leader).not.toContain('a long enough secret');

      const state = await inDatabase(async (db) => ({
        staff: await db
          .selectFrom('staff_users')
          .select(['username', 'role'])
          .orderBy('username')
          .execute(),
        controllers: await db.selectFrom('staff_controllers').selectAll().execute(),
        audit: await db
          .selectFrom('audit_log')
          .select(['action', 'actor_type', 'origin'])
          .execute(),
      }));
      expect(state.staff).toEqual([
        { username: 'leader2', role: 'leader' },
        { username: 'office', role: 'office' },
      ]);
      expect(state.controllers).toEqual([]);
      expect(state.audit).toEqual([
        { action: 'staff.create', actor_type: 'system', origin: 'command line' },
        { action: 'staff.create', actor_type: 'system', origin: 'command line' },
      ]);
    },
    SPAWN_MS,
  );

  it(
    'confirms an account the office opened, for a one-person office',
    async () => {
      await inDatabase(async (db) => {
        const community = await db.selectFrom('communities').select('id').executeTakeFirstOrThrow();
        const office = await db
          .selectFrom('staff_users')
          .select('id')
          .where('username', '=', 'office')
          .executeTakeFirstOrThrow();
        await createStaffUser(
          db,
          {
            communityId: community.id,
            username: 'leader3',
            password: 'a long enough secret',
            displayName: 'Chen Jing',
            role: 'leader',
          },
          { controllerId: office.id },
        );
      });
      const answer = await pnpm(
        'confirm-staff',
        '--',
        '--community',
        'Hill Community',
        '--username',
        'leader3',
      );
      expect(answer).toContain('Confirmed "leader3" of Hill Community.');
      const controllers = await inDatabase((db) =>
        db.selectFrom('staff_controllers').selectAll().execute(),
      );
      expect(controllers).toEqual([]);
    },
    SPAWN_MS,
  );

  it(
    'refuses a community that does not exist, and opens nothing',
    async () => {
      const failure = await pnpm(
        'create-staff',
        '--community',
        'Nowhere',
        '--role',
        'leader',
        '--username',
        'leader9',
      ).then(
        () => null,
        (error: { stderr: string }) => error.stderr,
      );
      expect(failure).toContain('There is no community named "Nowhere".');
      const found = await inDatabase((db) =>
        db.selectFrom('staff_users').select('id').where('username', '=', 'leader9').execute(),
      );
      expect(found).toEqual([]);
    },
    SPAWN_MS,
  );

  it(
    'opens a street over the communities named, with its street office account',
    async () => {
      const street = await pnpm(
        'create-street',
        '--',
        '--name',
        '山丘街道',
        '--name-en',
        'Hill Street',
        '--community',
        'Hill Community',
        '--username',
        'hill-street',
        '--password',
        'another long secret',
      );
      expect(street).toContain(
        'Created street "山丘街道" over Hill Community, and its street office account "hill-street".',
      );
      const state = await inDatabase(async (db) => ({
        account: await db
          .selectFrom('staff_users')
          .select(['role', 'street_id'])
          .where('username', '=', 'hill-street')
          .executeTakeFirstOrThrow(),
        communities: await db.selectFrom('communities').select('street_id').execute(),
      }));
      expect(state.account.role).toBe('street');
      expect(state.communities.map((c) => c.street_id)).toEqual([state.account.street_id]);
    },
    SPAWN_MS,
  );
});
