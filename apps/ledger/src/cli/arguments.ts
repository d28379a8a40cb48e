import { type ParseArgsConfig, parseArgs } from 'node:util';

/**
 * The command line's options. `pnpm --filter @tally/ledger <script> -- --flag …` passes the
 * `--` on to the script with pnpm 12 (pnpm 8 swallowed it), and `parseArgs` would stop reading
 * options there; so a bare `--` is dropped, and both forms work.
 */
export function commandLineOptions<O extends NonNullable<ParseArgsConfig['options']>>(
  options: O,
  argv: string[] = process.argv.slice(2),
) {
  return parseArgs({ options, args: argv.filter((arg) => arg !== '--') }).values;
}
