import { describe, expect, it, vi } from 'vitest';
import { fakeApi, refusal, resident } from '../test/fake-api';
import { connectResident } from './resident-connection';

describe("the resident's line to the service", () => {
  it('keeps the session alive when the resident touches the screen for a while without a call', async () => {
    let now = 0;
    const me = vi.fn().mockResolvedValue(resident);
    const onResident = vi.fn();
    const connection = connectResident({
      api: fakeApi({ me }),
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
      api: fakeApi({ catalog: () => Promise.reject(refusal('SESSION_EXPIRED', undefined, 401)) }),
      onExpired,
      onResident: () => undefined,
    });
    await expect(connection.api.catalog()).rejects.toBeTruthy();
    expect(onExpired).toHaveBeenCalledTimes(1);
  });

  it('does not treat other refusals as the end of the session', async () => {
    const onExpired = vi.fn();
    const connection = connectResident({
      api: fakeApi({ catalog: () => Promise.reject(refusal('OUT_OF_STOCK')) }),
      onExpired,
      onResident: () => undefined,
    });
    await expect(connection.api.catalog()).rejects.toBeTruthy();
    expect(onExpired).not.toHaveBeenCalled();
  });
});
