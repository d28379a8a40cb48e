import { hashSecret } from '../src/auth/secrets';
import type { Executor } from '../src/ledger/executor';
import {
  type CreatedResident,
  createResident,
  type NewResident,
} from '../src/residents/create-resident';

export const BENCH_PIN = '1234';

/**
 * Issues `count` member cards through the service's own `createResident` (both accounts,
 * sealed), `parallel` at a time on the pool's connections. One PIN hash for all: argon2 is slow
 * on purpose, and ten thousand of them would be the whole setup.
 */
export async function createResidents(
  db: Executor,
  {
    communityId,
    count,
    parallel = 1,
    person = (i) => ({ name: `R${i}`, cardNumber: `B${i}` }),
  }: {
    communityId: string;
    count: number;
    parallel?: number;
    person?: (i: number) => Omit<NewResident, 'communityId' | 'pin'>;
  },
): Promise<CreatedResident[]> {
  const pinHash = await hashSecret(BENCH_PIN);
  const made: CreatedResident[] = new Array(count);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < count; i = next++) {
      made[i] = await createResident(
        db,
        { communityId, ...person(i), pin: BENCH_PIN },
        { pinHash },
      );
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, count) }, worker));
  return made;
}
