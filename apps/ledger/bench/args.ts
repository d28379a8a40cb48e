import { parseArgs } from 'node:util';

export type Scenario = 'spread' | 'hot';

export type BenchOptions = {
  seconds: number;
  clients: number;
  communities: number;
  /** Resident accounts per community, in both scenarios. */
  accounts: number;
  scenarios: Scenario[];
  pgbench: boolean;
};

export const usage = `Usage: pnpm bench -- [options]

  --seconds <n>       how long each scenario runs (default 10)
  --clients <n>       concurrent clients, and the pool size on PostgreSQL (default 16)
  --communities <n>   communities the spread scenario works across (default 16)
  --accounts <n>      resident accounts per community (default 10)
  --scenario <name>   spread | hot | both (default both)
  --no-pgbench        skip the pgbench comparison
  --help              show this text

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
  return {
    seconds: positiveInteger('seconds', values.seconds),
    clients: positiveInteger('clients', values.clients),
    communities: positiveInteger('communities', values.communities),
    accounts: atLeastTwo('accounts', values.accounts),
    scenarios: scenariosOf(values.scenario),
    pgbench: values.pgbench,
  };
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
      scenario: { type: 'string', default: 'both' },
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

function scenariosOf(text: string): Scenario[] {
  if (text === 'both') return ['spread', 'hot'];
  if (text === 'spread' || text === 'hot') return [text];
  throw new UsageError(`--scenario must be spread, hot or both, not "${text}"`);
}
