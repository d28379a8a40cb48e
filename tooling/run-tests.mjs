#!/usr/bin/env node
// `pnpm test`: two lanes, one after the other, on a two-core machine. The first runs every
// package's unit, API and ledger tests (the ledger's own files three at a time), then a few of
// the ledger's API tests again through pgbouncer (test:pooled, after the ledger's own); the second
// builds the apps and runs the browser suites one after another, each with its own service and
// Chromium. Browser suites beside the ledger's tests (or each other) starve two cores, and the
// resident app's browser tests then fail now and then in ways no quiet run shows. Both lanes go
// on past a failure, so one run shows every failing test; the exit code is the worse of the two.
import { spawn } from 'node:child_process';

const lanes = [
  { name: 'unit', args: ['test', 'test:pooled', '--concurrency=2'] },
  { name: 'browser', args: ['test:e2e', '--concurrency=1'] },
];

function run({ args }) {
  return new Promise((resolve) => {
    const child = spawn('pnpm', ['exec', 'turbo', 'run', ...args, '--continue', '--no-daemon'], {
      stdio: 'inherit',
      env: { TURBO_TELEMETRY_DISABLED: '1', ...process.env },
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

const codes = [];
for (const lane of lanes) codes.push(await run(lane));
for (const [index, code] of codes.entries()) {
  console.log(`${lanes[index].name} lane: ${code === 0 ? 'passed' : `failed (exit ${code})`}`);
}
process.exit(Math.max(...codes));
