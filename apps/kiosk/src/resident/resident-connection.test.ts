import { describe, expect, it, vi } from 'vitest';
import { fakeApi, refusal, resident } from '../test/fake-api';
import { connectResident } from './resident-connection';

describe("the resident's line to the service", () => {
  it('keeps the session alive when the resident touches the screen for a while without a call', async () => {
    let now = 0;
    const me = vi.fn().mockResolvedValue(resident);
    const onResident = vi.fn();
    const connection = connectResident({
      apiFor: (session) => fakeApi({ me }, session?.links),
      residentToken: 'resident-token',
      onExpired: () => undefined,
      onResident,
      now: () => now,
    });
    now = 10_000;
    connection.touched();
    expect(me).not.toHaveBeenCalled();
    now = 31_000;
    connection.touched();
    connection.touched();
    expect(me).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(onResident).toHaveBeenCalledWith(resident));
  });

  it('asks for the PIN again when the service says the session has ended', async () => {
    const onExpired = vi.fn();
    const connection = connectResident({
      apiFor: (session) =>
        fakeApi(
          { catalog: () => Promise.reject(refusal('SESSION_EXPIRED', undefined, 401)) },
          session?.links,
        ),
      residentToken: 'resident-token',
      onExpired,
      onResident: () => undefined,
    });
    await expect(connection.api.catalog.query()).rejects.toBeTruthy();
    expect(onExpired).toHaveBeenCalledTimes(1);
  });

  it('does not treat other refusals as the end of the session', async () => {
    const onExpired = vi.fn();
    const connection = connectResident({
      apiFor: (session) =>
        fakeApi({ catalog: () => Promise.reject(refusal('OUT_OF_STOCK')) }, session?.links),
      residentToken: 'resident-token',
      onExpired,
      onResident: () => undefined,
    });
    await expect(connection.api.catalog.query()).rejects.toBeTruthy();
    expect(onExpired).not.toHaveBeenCalled();
  });

  it('counts any call of the resident as keeping the session alive', async () => {
    let now = 0;
    const me = vi.fn().mockResolvedValue(resident);
    const connection = connectResident({
      apiFor: (session) => fakeApi({ me }, session?.links),
      residentToken: 'resident-token',
      onExpired: () => undefined,
      onResident: () => undefined,
      now: () => now,
    });
    now = 25_000;
    await connection.api.catalog.query();
    now = 40_000;
    connection.touched();
    expect(me).not.toHaveBeenCalled();
  });

  it('does not take a refused sign-out for an expired session', async () => {
    const onExpired = vi.fn();
    const connection = connectResident({
      apiFor: (session) =>
        fakeApi(
          { signOut: () => Promise.reject(refusal('SESSION_EXPIRED', undefined, 401)) },
          session?.links,
        ),
      residentToken: 'resident-token',
      onExpired,
      onResident: () => undefined,
    });
    await expect(connection.api.signOut.mutate()).rejects.toBeTruthy();
    expect(onExpired).not.toHaveBeenCalled();
  });
});
