import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DatabaseOptions, openDatabase } from '@tally/db/connect';
import { migrateToLatest } from '@tally/db/migrate';
import { freePort, type ServiceProcess, spawnService } from '@tally/e2e/service';
import { afterAll, describe, expect, it } from 'vitest';
import { createCommunity } from './communities/create-community';
import { givenKiosk, givenResident, TEST_PIN } from './kiosk/test-helpers';
import { ledgerKey, ledgerKeyToPem } from './ledger/anchoring/ledger-key';
import { verifyLedger } from './ledger/verify-ledger';
import { createStaffUser } from './staff/create-staff-user';
import { apiClient, newIdempotencyKey, TEST_PASSWORD } from './test/api';

// The service when its database goes away under write load: PostgreSQL stopped at once (a power
// cut, an upgrade, a failover) and started again, and the service itself killed mid-write on the
// embedded database. Every write a client saw acknowledged must be there exactly once, and
// clients that retry with the same idempotency key must end up with every write done once.

const DONORS = 6;

/** The service signs with the key this test process seeds with (the checkpoints must agree). */
const SIGNING_KEY = { TALLY_SIGNING_KEY: ledgerKeyToPem(ledgerKey()) };

/** A community with an office, a kiosk and a resident with points to give, in `database`. */
async function seedDonor(database: DatabaseOptions) {
  const { db, close } = await openDatabase(database);
  try {
    await migrateToLatest(db);
    const community = await createCommunity(db, { name: { zh: '', en: 'Restart Community' } });
    const office = await createStaffUser(db, {
      communityId: community.id,
      username: `office-${randomBytes(3).toString('hex')}`,
      password: TEST_PASSWORD,
      displayName: 'Office',
      role: 'office',
    });
    const kiosk = await givenKiosk({ url: '' }, db, community.id);
    const resident = await givenResident(db, community.id, { points: 1_000_000 });
    return { communityId: community.id, office, kioskToken: kiosk.token, resident };
  } finally {
    await close();
  }
}

type Seeded = Awaited<ReturnType<typeof seedDonor>>;

/** A goal to give to and the resident identified at the kiosk, through the service's API. */
async function openKiosk(service: ServiceProcess, seeded: Seeded) {
  const { token } = await apiClient(service.directUrl).auth.login.mutate({
    username: seeded.office.username,
    password: TEST_PASSWORD,
  });
  const goal = await apiClient(service.directUrl, { token }).goals.create.mutate({
    idempotencyKey: newIdempotencyKey(),
    title: { en: 'New benches' },
    targetPoints: 1_000_000,
  });
  const { residentToken } = await apiClient(service.directUrl, {
    token: seeded.kioskToken,
  }).kiosk.identify.mutate({ cardNumber: seeded.resident.cardNumber, pin: TEST_PIN });
  return { goalId: goal.id, residentToken };
}

type Load = {
  /** Keys whose donation the service acknowledged. */
  acknowledged: Set<string>;
  /** Domain codes of the refusals seen while the database was away. */
  refusals: string[];
  /** Answers that were neither an acknowledgement nor a retryable refusal. */
  failures: string[];
  stop: () => Promise<void>;
};

/**
 * Donors give 1 point at a time, as a kiosk does: a failed or unanswered request is sent again
 * with the same idempotency key until it is answered, exactly as the kiosk app retries.
 */
function donate(url: () => string, headers: Record<string, string>, goalId: string): Load {
  const load: Load = { acknowledged: new Set(), refusals: [], failures: [], stop: async () => {} };
  let running = true;
  const donor = async (index: number) => {
    for (let n = 0; running; n++) {
      const key = `restart-${index}-${n}-${randomBytes(4).toString('hex')}`;
      for (;;) {
        const answer = await fetch(`${url()}/trpc/kiosk.donate`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: JSON.stringify({ idempotencyKey: key, goalId, points: 1 }),
          signal: AbortSignal.timeout(10_000),
        }).catch(() => undefined);
        if (answer?.ok) {
          load.acknowledged.add(key);
          break;
        }
        const code = answer
          ? (
              (await answer.json().catch(() => ({}))) as {
                error?: { data?: { domainCode?: string } };
              }
            ).error?.data?.domainCode
          : 'NO_ANSWER';
        if (code === 'SERVICE_UNAVAILABLE' || code === 'NO_ANSWER') {
          load.refusals.push(code);
          await new Promise((resolve) => setTimeout(resolve, 100));
          continue;
        }
        load.failures.push(`${answer?.status} ${code}`);
        break;
      }
    }
  };
  const donors = Array.from({ length: DONORS }, (_, index) => donor(index));
  load.stop = async () => {
    running = false;
    await Promise.all(donors);
  };
  return load;
}

async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs = 60_000) {
  const started = Date.now();
  while (!(await check().catch(() => false))) {
    if (Date.now() - started > timeoutMs) throw new Error(`waited too long for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What the ledger holds after the load: the goal's points, donations, and whether it verifies. */
async function ledgerAfter(database: DatabaseOptions, communityId: string, goalId: string) {
  const { db, close } = await openDatabase(database);
  try {
    const goal = await db
      .selectFrom('goals as g')
      .innerJoin('ledger_accounts as a', (join) =>
        join.onRef('a.community_id', '=', 'g.community_id').onRef('a.id', '=', 'g.account_id'),
      )
      .select('a.balance')
      .where('g.community_id', '=', communityId)
      .where('g.id', '=', goalId)
      .executeTakeFirstOrThrow();
    const donations = await db
      .selectFrom('ledger_transactions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('community_id', '=', communityId)
      .where('reference_type', '=', 'goal')
      .executeTakeFirstOrThrow();
    const verified = await verifyLedger(db, communityId);
    return { raised: goal.balance, donations: Number(donations.n), ok: verified.ok };
  } finally {
    await close();
  }
}

// A PostgreSQL server of the test's own, so stopping it disturbs no other test running beside it.
// Debian's cluster tools make one in a second; they need root, as CI has.
const POSTGRES_VERSION = existsSync('/etc/postgresql') ? readdirSync('/etc/postgresql')[0] : '';
const canMakeCluster =
  existsSync('/usr/bin/pg_createcluster') && process.getuid?.() === 0 && POSTGRES_VERSION !== '';

async function privateCluster() {
  const name = `tally_restart_${randomBytes(3).toString('hex')}`;
  const port = await freePort();
  const cluster = (tool: string, ...args: string[]) => {
    execFileSync(tool, [POSTGRES_VERSION ?? '', name, ...args], { stdio: 'pipe' });
  };
  cluster('pg_createcluster', '-p', String(port), '--', '--auth=trust');
  cluster('pg_ctlcluster', 'start');
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stopAtOnce: () => cluster('pg_ctlcluster', 'stop', '-m', 'immediate'),
    start: () => cluster('pg_ctlcluster', 'start'),
    drop: () => cluster('pg_dropcluster', '--stop'),
  };
}

// Each test starts the service twice (tsx, migrations, an embedded database): minutes on a busy machine.
describe('the service when its database goes away', { timeout: 240_000 }, () => {
  const cleanup: (() => Promise<void> | void)[] = [];
  afterAll(async () => {
    for (const step of cleanup.reverse()) await Promise.resolve(step()).catch(() => undefined);
  });

  if (!canMakeCluster) {
    if (process.env.CI) throw new Error('CI must run the PostgreSQL restart test: run it as root');
    it.skip('NOT RUN: stopping PostgreSQL under load needs Debian pg_createcluster and root', () => {});
    console.warn(
      '\n⚠  The PostgreSQL restart test did not run: it needs root and pg_createcluster.\n',
    );
  } else {
    it('rides out PostgreSQL stopping at once: 503 while it is away, then back by itself, every write once', async () => {
      const postgres = await privateCluster();
      cleanup.push(() => postgres.drop());
      const database = { url: postgres.url };
      const seeded = await seedDonor(database);
      const service = await spawnService({
        env: { DATABASE_URL: postgres.url, TALLY_DEMO: '0', ...SIGNING_KEY },
      });
      cleanup.push(() => service.stop());
      const { goalId, residentToken } = await openKiosk(service, seeded);
      const load = donate(
        () => service.directUrl,
        { authorization: `Bearer ${seeded.kioskToken}`, 'x-resident-token': residentToken },
        goalId,
      );

      await pause(2_000);
      postgres.stopAtOnce();
      await waitFor(
        async () => (await fetch(`${service.directUrl}/readyz`)).status === 503,
        '/readyz to answer 503',
      );
      await pause(2_000);
      expect(service.alive()).toBe(true);
      const during = load.acknowledged.size;
      postgres.start();
      await waitFor(
        async () => (await fetch(`${service.directUrl}/readyz`)).status === 200,
        'the service to be ready again',
      );
      await waitFor(async () => load.acknowledged.size > during + 20, 'writes to go through again');
      await load.stop();

      expect(service.alive()).toBe(true);
      expect(load.failures).toEqual([]);
      expect(load.refusals).toContain('SERVICE_UNAVAILABLE');
      expect(service.output()).not.toContain("Unhandled 'error' event");
      await service.stop();
      const ledger = await ledgerAfter(database, seeded.communityId, goalId);
      expect(ledger).toEqual({
        raised: load.acknowledged.size,
        donations: load.acknowledged.size,
        ok: true,
      });
    });
  }

  it('loses nothing acknowledged when killed in the middle of writes on the embedded database', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tally-kill-'));
    cleanup.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const database = { dataDir };
    const seeded = await seedDonor(database);
    const env = { TALLY_DATA_DIR: dataDir, DATABASE_URL: '', TALLY_DEMO: '0', ...SIGNING_KEY };
    let service = await spawnService({ env });
    cleanup.push(() => service.stop());
    const { goalId, residentToken } = await openKiosk(service, seeded);
    const load = donate(
      () => service.directUrl,
      { authorization: `Bearer ${seeded.kioskToken}`, 'x-resident-token': residentToken },
      goalId,
    );
    await waitFor(async () => load.acknowledged.size >= 30, 'some writes to go through');
    await service.kill();
    const beforeKill = load.acknowledged.size;
    service = await spawnService({ env });
    await waitFor(
      async () => load.acknowledged.size > beforeKill + 10,
      'writes to go through after the restart',
    );
    await load.stop();
    await service.stop();

    expect(load.failures).toEqual([]);
    const ledger = await ledgerAfter(database, seeded.communityId, goalId);
    expect(ledger).toEqual({
      raised: load.acknowledged.size,
      donations: load.acknowledged.size,
      ok: true,
    });
  });
});
