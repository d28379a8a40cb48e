// Named points in a use case where a test may stop the work as a crash would. In production no
// failpoint is set and each is one environment read.
//
// - `TALLY_FAILPOINT=<name>` kills the process there (SIGKILL: no cleanup, no rollback of what
//   is committed, no response), for a test that runs the service in a child process.
// - `failAt(name, hook)` runs `hook` there in this process (a test throws from it).

const hooks = new Map<string, () => void>();

export function failpoint(name: string): void {
  if (process.env.TALLY_FAILPOINT === name) process.kill(process.pid, 'SIGKILL');
  hooks.get(name)?.();
}

/** Runs `hook` when the work reaches `name`, until the returned function is called. */
export function failAt(name: string, hook: () => void): () => void {
  hooks.set(name, hook);
  return () => hooks.delete(name);
}
