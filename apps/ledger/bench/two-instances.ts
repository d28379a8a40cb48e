import { performance } from 'node:perf_hooks';
import { apiClient } from '../src/test/api';
import { type BenchServer, startBenchServer } from './bench-server';
import { type Context, measure, prepared } from './http-half';
import { prepareRedeemingKiosks, type RedeemingKiosk, redeemOnce } from './http-setup';
import type { ScenarioRow } from './report';

/** A client of the scenario: one instance's kiosks in several communities, used in turn. */
type Desk = { kiosks: RedeemingKiosk[]; next: number };

/**
 * `redeem-instances`: the district picture, several stateless instances of the service over
 * one PostgreSQL. A second service process starts beside the first; one kiosk in each of
 * --instance-communities communities identifies its resident; then N clients redeem, client i
 * calling instance i % 2 and taking turns at the kiosks i, i + N, i + 2N, …, so every
 * community is written to and each instance carries half the load.
 */
export async function runRedeemOnTwoInstances(context: Context): Promise<ScenarioRow[]> {
  const { target, options, signal } = context;
  const started = performance.now();
  const second = await startBenchServer(target);
  try {
    const instances = [context.server, second];
    const kiosks = await prepareRedeemingKiosks(context.server.url, target.db, {
      communities: options.instanceCommunities,
      kiosks: 1,
    });
    context.written.push(...kiosks.map((k) => k.communityId));
    prepared(
      'redeem-instances',
      started,
      `a second service process and ${kiosks.length} kiosks in as many communities`,
    );
    const both = { ...context, server: bothServers(instances) };
    const rows: ScenarioRow[] = [];
    for (const count of options.kiosks) {
      if (signal.aborted) break;
      const desks = Array.from({ length: count }, (_, i): Desk => {
        const url = instances[i % 2]?.url ?? context.server.url;
        const mine = kiosks.filter((_, k) => k % count === i);
        return {
          kiosks: mine.map((kiosk) => ({ ...kiosk, resident: apiClient(url, kiosk.tokens) })),
          next: 0,
        };
      });
      const name = `redeem-instances ×${count}/${kiosks.length}`;
      rows.push(await measure(both, name, desks, redeemAtNextKiosk));
    }
    return rows;
  } finally {
    await second.close();
  }
}

function redeemAtNextKiosk(desk: Desk) {
  const kiosk = desk.kiosks[desk.next++ % desk.kiosks.length];
  if (!kiosk) throw new Error('a desk without kiosks');
  return redeemOnce(kiosk);
}

/** Both service processes as one, for the CPU column: the service's cost is theirs together. */
function bothServers(instances: BenchServer[]): BenchServer {
  const [first] = instances;
  return {
    url: first?.url ?? '',
    description: 'two processes',
    cpuMs: async () => {
      const each = await Promise.all(instances.map((instance) => instance.cpuMs()));
      return each.some((ms) => ms === null) ? null : each.reduce<number>((a, b) => a + (b ?? 0), 0);
    },
    close: async () => undefined,
  };
}
