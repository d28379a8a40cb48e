import { arch, cpus, loadavg, platform, totalmem } from 'node:os';

/** What recorded figures were measured on; a number without its machine means little. */
export function describeMachine(): string {
  const processors = cpus();
  const model = processors[0]?.model.trim() ?? 'unknown CPU';
  const memoryGiB = (totalmem() / 1024 ** 3).toFixed(1);
  return `${model} × ${processors.length}, ${memoryGiB} GiB memory, ${platform()} ${arch()}, Node ${process.version}`;
}

/** Other work on the machine skews every figure; the load at the start says whether there was any. */
export function describeLoad(): string {
  const [one = 0, five = 0] = loadavg();
  return `load average ${one.toFixed(2)} (1 min), ${five.toFixed(2)} (5 min) at the start`;
}
