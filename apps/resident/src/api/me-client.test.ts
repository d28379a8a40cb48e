import { describe, expect, it, vi } from 'vitest';
import { createMeApi } from './me-client';

const refused = (domainCode: string, httpStatus: number) =>
  new Response(
    JSON.stringify([
      { error: { message: domainCode, code: -32001, data: { domainCode, httpStatus } } },
    ]),
    { status: httpStatus, headers: { 'content-type': 'application/json' } },
  );

function client(fetch: typeof globalThis.fetch) {
  const onSessionEnded = vi.fn();
  const onNetworkDown = vi.fn();
  const api = createMeApi({
    url: 'http://tally.test/trpc',
    token: () => 'tok',
    deviceId: 'device-1234',
    onSessionEnded,
    onNetworkDown,
    fetch,
  });
  return { api, onSessionEnded, onNetworkDown };
}

describe("the phone's client of the service", () => {
  it('sends the token and the device id with every request', async () => {
    const fetch = vi.fn(async () => refused('NOT_FOUND', 404));
    const { api } = client(fetch);
    await api.summary.query().catch(() => undefined);
    const headers = new Headers(
      (fetch.mock.calls[0] as unknown as [string, RequestInit])[1].headers,
    );
    expect(headers.get('authorization')).toBe('Bearer tok');
    expect(headers.get('x-device-id')).toBe('device-1234');
  });

  it('goes back to signing in when the session has ended', async () => {
    const { api, onSessionEnded, onNetworkDown } = client(async () =>
      refused('SESSION_EXPIRED', 401),
    );
    await expect(api.summary.query()).rejects.toThrow();
    expect(onSessionEnded).toHaveBeenCalledWith('expired');
    expect(onNetworkDown).not.toHaveBeenCalled();
  });

  it('shows the no-connection screen when a read gets no answer, but not a write', async () => {
    const { api, onNetworkDown } = client(async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(
      api.donate.mutate({ idempotencyKey: crypto.randomUUID(), goalId: 'g1', points: 10 }),
    ).rejects.toThrow();
    expect(onNetworkDown).not.toHaveBeenCalled();
    await expect(api.summary.query()).rejects.toThrow();
    expect(onNetworkDown).toHaveBeenCalledTimes(1);
  });

  it('supports a topic through topics.support, the procedure the kiosk shares', async () => {
    const fetch = vi.fn(async () => refused('TOPIC_NOT_OPEN', 412));
    const { api } = client(fetch);
    await expect(
      api.supportTopic.mutate({ idempotencyKey: crypto.randomUUID(), id: 't1' }),
    ).rejects.toThrow();
    const [url] = fetch.mock.calls[0] as unknown as [string];
    expect(new URL(url).pathname).toBe('/trpc/topics.support');
  });

  it('reaches the time bank through its own branch, the names the kiosk uses too', async () => {
    const fetch = vi.fn(async () => refused('REQUEST_CLOSED', 412));
    const { api } = client(fetch);
    await expect(
      api.timebank.claim.mutate({ idempotencyKey: crypto.randomUUID(), requestId: 'h1' }),
    ).rejects.toThrow();
    const [url] = fetch.mock.calls[0] as unknown as [string];
    expect(new URL(url).pathname).toBe('/trpc/timebank.claim');
  });
});
