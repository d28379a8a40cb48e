#!/usr/bin/env node
// `pnpm test`: two lanes at once on a two-core machine. One runs every package's unit, API and
// ledger tests (the ledger's own files three at a time); the other builds the apps and runs the
// browser suites one after another, each with its own service and Chromium. Two browser suites
// at once beside the ledger starve two cores and make browser tests time out. Both lanes go on
// past a failure, so one run shows every failing test; the exit code is the worse of the two.
import { spawn } from 'node:child_process';

const lanes = [
  { name: 'unit', args: ['test', '--concurrency=2'] },
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

const codes = await Promise.all(lanes.map(run));
for (const [index, code] of codes.entries()) {
  console.log(`${lanes[index].name} lane: ${code === 0 ? 'passed' : `failed (exit ${code})`}`);
}
process.exit(Math.max(...codes));
