import { isDomainError } from '@tally/domain/errors';
import { sql } from 'kysely';
import type { Executor } from '../executor';
import { makeCheckpoint } from './make-checkpoint';

export type ScheduleLog = {
  info: (details: object, message: string) => void;
  error: (details: object, message: string) => void;
};

/**
 * Signs a checkpoint for every community with entries since its newest one: once at
 * start, then every `everyMinutes`. Several instances may run it side by side; a head
 * signed twice is kept once. The month's last checkpoint is what the poster prints.
 */
export function startCheckpointSchedule({
  db,
  everyMinutes,
  log,
}: {
  db: Executor;
  everyMinutes: number;
  log: ScheduleLog;
}): { stop: () => Promise<void> } {
  let running: Promise<void> | null = null;
  const tick = () => {
    running ??= checkpointCommunitiesWithNewEntries(db, log).finally(() => {
      running = null;
    });
  };
  tick();
  const timer = setInterval(tick, everyMinutes * 60_000);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}

export async function checkpointCommunitiesWithNewEntries(
  db: Executor,
  log: ScheduleLog,
): Promise<void> {
  const { rows } = await sql<{ community_id: string }>`
    select c.community_id
      from ledger_chains c
     where c.head_sequence > coalesce(
       (select max(k.sequence) from ledger_checkpoints k where k.community_id = c.community_id), -1)
     order by c.community_id`.execute(db);
  for (const { community_id: communityId } of rows) {
    try {
      const checkpoint = await makeCheckpoint(db, communityId);
      log.info({ communityId, sequence: checkpoint.sequence }, 'ledger checkpoint signed');
    } catch (error) {
      // A ledger that does not verify is the office's to see (the verify page says where);
      // the schedule goes on with the other communities.
      const reason = isDomainError(error) ? error.message : String(error);
      log.error({ communityId, reason }, 'no ledger checkpoint made');
    }
  }
}
