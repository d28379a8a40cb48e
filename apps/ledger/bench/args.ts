import { parseArgs } from 'node:util';
import { MAX_RECORDS_PER_CALL } from '@tally/domain/service';

/** Transfers posted straight to the ledger. */
export type TransferScenario = 'spread' | 'hot';
/** Requests to the real service over HTTP. */
export type HttpScenario = 'redeem-one' | 'redeem-spread' | 'redeem-instances' | 'review';
export type Scenario = TransferScenario | HttpScenario;

const transferScenarios: TransferScenario[] = ['spread', 'hot'];
const httpScenarios: HttpScenario[] = ['redeem-one', 'redeem-spread', 'redeem-instances', 'review'];
const groups: Record<string, Scenario[]> = {
  both: transferScenarios,
  transfers: transferScenarios,
  redeem: ['redeem-one', 'redeem-spread', 'redeem-instances'],
  http: httpScenarios,
  all: [...transferScenarios, ...httpScenarios],
};

export type BenchOptions = {
  seconds: number;
  clients: number;
  communities: number;
  /** Resident accounts per community, in both transfer scenarios. */
  accounts: number;
  scenarios: Scenario[];
  pgbench: boolean;
  http: HttpOptions;
};

export type HttpOptions = {
  seconds: number;
  /** Kiosk counts each redeem scenario runs with, in turn. */
  kiosks: number[];
  /** Communities the redeem-instances scenario spreads over. */
  instanceCommunities: number;
  /** Office members approving at once in the review scenario. */
  reviewers: number;
  /** Records one review request approves. */
  reviewBatch: number;
};

export const usage = `Usage: pnpm bench -- [options]

  --seconds <n>         how long each transfer scenario runs (default 10)
  --clients <n>         concurrent transfer clients, the pool size on PostgreSQL and
                        pgbench's clients (default 16)
  --communities <n>     communities the spread scenarios work across (default 16)
  --accounts <n>        resident accounts per community for transfers (default 10)
  --scenario <names>    comma-separated: spread, hot, redeem-one, redeem-spread,
                        redeem-instances, review,
                        or a group: transfers (= both), redeem, http, all (default all)
  --no-http             leave out the HTTP scenarios
  --http-seconds <n>    how long each HTTP scenario runs (default 8)
  --http-kiosks <list>  kiosk counts for each redeem scenario, in turn (default 32,16)
  --instance-communities <n>
                        communities redeem-instances spreads over (default 100)
  --reviewers <n>       office members approving at once in review (default 8)
  --review-batch <n>    records each review request approves (default 10)
  --no-pgbench          skip the pgbench comparison
  --help                show this text

Transfers post straight to the ledger. The HTTP scenarios run the real service (its own
process, its default pool) on a loopback port and call it as the kiosks and the admin app do:
  redeem-one     N kiosks of one community, each with its own resident, redeem a 1-point reward
  redeem-spread  N kiosks spread over --communities communities, the same
  redeem-instances  N kiosks, each taking turns at its kiosks in --instance-communities
                 communities, half of them calling one instance of the service and half
                 another (two processes, each with its own pool, over one database)
  review         the office approves sheets a leader logged, --review-batch records a request
Runs on DATABASE_URL (in a fresh schema, dropped afterwards), else on in-memory PGlite.`;

export class UsageError extends Error {}

/** Reads the command line; `null` means the user asked for help. */
export function parseBenchArgs(argv: string[]): BenchOptions | null {
  // `pnpm bench -- --seconds 5` may hand the script a literal `--`; parseArgs would stop there.
  const args = argv.filter((arg) => arg !== '--');
  let values: ReturnType<typeof parse>['values'];
  try {
    values = parse(args).values;
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help) return null;
  const scenarios = scenariosOf(values.scenario).filter(
    (scenario) => values.http || !isHttpScenario(scenario),
  );
  if (scenarios.length === 0) throw new UsageError('no scenario left to run');
  return {
    seconds: positiveInteger('seconds', values.seconds),
    clients: positiveInteger('clients', values.clients),
    communities: positiveInteger('communities', values.communities),
    accounts: atLeastTwo('accounts', values.accounts),
    scenarios,
    pgbench: values.pgbench,
    http: {
      seconds: positiveInteger('http-seconds', values['http-seconds']),
      kiosks: values['http-kiosks'].split(',').map((n) => positiveInteger('http-kiosks', n)),
      instanceCommunities: positiveInteger('instance-communities', values['instance-communities']),
      reviewers: positiveInteger('reviewers', values.reviewers),
      reviewBatch: upTo(MAX_RECORDS_PER_CALL, 'review-batch', values['review-batch']),
    },
  };
}

export function isHttpScenario(scenario: Scenario): scenario is HttpScenario {
  return (httpScenarios as Scenario[]).includes(scenario);
}

function parse(args: string[]) {
  return parseArgs({
    args,
    allowNegative: true,
    options: {
      seconds: { type: 'string', default: '10' },
      clients: { type: 'string', default: '16' },
      communities: { type: 'string', default: '16' },
      accounts: { type: 'string', default: '10' },
      scenario: { type: 'string', default: 'all' },
      http: { type: 'boolean', default: true },
      'http-seconds': { type: 'string', default: '8' },
      'http-kiosks': { type: 'string', default: '32,16' },
      'instance-communities': { type: 'string', default: '100' },
      reviewers: { type: 'string', default: '8' },
      'review-batch': { type: 'string', default: '10' },
      pgbench: { type: 'boolean', default: true },
      help: { type: 'boolean', default: false },
    },
  });
}

function positiveInteger(name: string, text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new UsageError(`--${name} must be a positive whole number, not "${text}"`);
  }
  return value;
}

// A transfer needs two distinct accounts.
function atLeastTwo(name: string, text: string): number {
  const value = positiveInteger(name, text);
  if (value < 2) throw new UsageError(`--${name} must be at least 2`);
  return value;
}

// A review request names at most a full sign-in sheet.
function upTo(max: number, name: string, text: string): number {
  const value = positiveInteger(name, text);
  if (value > max) throw new UsageError(`--${name} must be at most ${max}`);
  return value;
}

function scenariosOf(text: string): Scenario[] {
  const chosen = new Set<Scenario>();
  for (const name of text.split(',').map((part) => part.trim())) {
    const scenarios = groups[name] ?? (isScenario(name) ? [name] : null);
    if (!scenarios) {
      throw new UsageError(
        `--scenario takes ${[...transferScenarios, ...httpScenarios].join(', ')} or ${Object.keys(groups).join(', ')}, not "${name}"`,
      );
    }
    for (const scenario of scenarios) chosen.add(scenario);
  }
  return [...chosen];
}

function isScenario(name: string): name is Scenario {
  return (
    (transferScenarios as string[]).includes(name) || (httpScenarios as string[]).includes(name)
  );
}
