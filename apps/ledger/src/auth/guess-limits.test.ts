import { describeEachDatabase } from '@tally/db/testing';
import { beforeEach, expect, it } from 'vitest';
import { givenKiosk } from '../kiosk/test-helpers';
import { givenCommunityWithStaff, serveDuring } from '../test/api';

type Answer = { error?: { data?: { domainCode?: string; httpStatus?: number } } };

// The real limits (limitScale 1). Windows are aligned to the clock, so a burst of 61 calls falls
// in at most two one-minute windows: a limit of 30 is exceeded in one of them whatever the time.

describeEachDatabase('request limits where guessing happens (F2, F15)', (database) => {
  const server = serveDuring(database, { limitScale: 1 });
  // Counts left by an earlier test of this file would spend part of the window.
  beforeEach(() => database().db.deleteFrom('request_limits').execute());

  /**
   * Many calls of one procedure, several to an HTTP request as tRPC's batching sends them (as many
   * as fit in Fastify's 100-character limit on the path's procedure list).
   */
  async function batches(procedure: string, inputs: unknown[], headers: Record<string, string>) {
    const size = Math.floor(100 / (procedure.length + 1));
    const answers: Answer[] = [];
    for (let i = 0; i < inputs.length; i += size) {
      answers.push(...(await batch(procedure, inputs.slice(i, i + size), headers)));
    }
    return answers;
  }

  async function batch(procedure: string, inputs: unknown[], headers: Record<string, string>) {
    const response = await fetch(
      `${server.url}/trpc/${inputs.map(() => procedure).join(',')}?batch=1`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(Object.fromEntries(inputs.map((input, i) => [i, input]))),
      },
    );
    return (await response.json()) as Answer[];
  }

  const codes = (answers: Answer[]) => answers.map((a) => a.error?.data?.domainCode ?? 'OK');

  it('counts every sign-in of a batch, so batching cannot outrun the limit per address', async () => {
    const names = Array.from({ length: 61 }, (_, i) => ({
      username: `nobody-${i}`,
      password: 'guess',
    }));
    const answers = await batches('auth.login', names, {});
    expect(answers).toHaveLength(61);
    const refused = codes(answers).filter((code) => code === 'TOO_MANY_REQUESTS');
    expect(refused.length).toBeGreaterThan(0);
  });

  it('counts every PIN of a batch against the kiosk device', async () => {
    const { communityId } = await givenCommunityWithStaff(server, database());
    const kiosk = await givenKiosk(server, database().db, communityId);
    const cards = Array.from({ length: 61 }, (_, i) => ({
      cardNumber: `GUESS${i}`,
      pin: '1234',
    }));
    const answers = await batches('kiosk.identify', cards, {
      authorization: `Bearer ${kiosk.token}`,
    });
    expect(codes(answers).filter((code) => code === 'TOO_MANY_REQUESTS').length).toBeGreaterThan(0);
  });

  it('answers 429 in the API error shape, saying when to try again', async () => {
    const login = () =>
      fetch(`${server.url}/trpc/auth.login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'somebody', password: 'guess' }),
      });
    let refused: Response | undefined;
    for (let i = 0; i < 21 && !refused; i++) {
      const response = await login();
      if (response.status === 429) refused = response;
    }
    expect(refused?.status).toBe(429);
    const retryAfter = Number(refused?.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    const body = (await refused?.json()) as {
      error: { message: string; data: { domainCode: string; details: unknown } };
    };
    expect(body.error.data.domainCode).toBe('TOO_MANY_REQUESTS');
    expect(body.error.data.details).toEqual({ retryAfterSeconds: retryAfter });
    expect(body.error.message).toMatch(/wait \d+ seconds/);
  });
});
