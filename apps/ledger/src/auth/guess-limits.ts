import type { RequestLimit } from '../common/request-limits';
import type { Context } from '../context';
import type { KioskActor } from './actors';

// How often each source, account, card and device may try, per minute. Lockouts (five wrong
// passwords or PINs) stop guessing one account; these limits stop guessing many, and bound the
// argon2 work anyone can make the service do. Counted per procedure call, however calls arrive.

/** `auth.login`: per address, per account from that address, and per account from anywhere. */
export function signInLimits(ctx: Context, { username }: { username: string }): RequestLimit[] {
  return [
    { key: `sign-in:source:${ctx.origin}`, max: 30, seconds: 60 },
    { key: `sign-in:account-source:${username}|${ctx.origin}`, max: 10, seconds: 60 },
    { key: `sign-in:account:${username}`, max: 100, seconds: 60 },
  ];
}

/** `kiosk.identify`: per address, per kiosk device, per card at that device, per card anywhere. */
export function pinLimits(
  ctx: Context & { kiosk?: KioskActor },
  { cardNumber }: { cardNumber: string },
): RequestLimit[] {
  const device = ctx.kiosk?.kioskId ?? 'unknown';
  const card = `${ctx.kiosk?.communityId ?? ''}:${cardNumber}`;
  return [
    { key: `pin:source:${ctx.origin}`, max: 60, seconds: 60 },
    { key: `pin:device:${device}`, max: 30, seconds: 60 },
    { key: `pin:card-device:${card}|${device}`, max: 10, seconds: 60 },
    { key: `pin:card:${card}`, max: 60, seconds: 60 },
  ];
}

/**
 * `me.signIn` and `me.signInFamily` on a phone: per address, per phone (its own id, or the
 * address when it sends none), per card or phone number on that phone, per card anywhere.
 */
export function phonePinLimits(
  ctx: Context,
  { communityId, who }: { communityId: string; who: string },
): RequestLimit[] {
  const device = phoneDevice(ctx);
  const card = `${communityId}:${who}`;
  return [
    { key: `pin:source:${ctx.origin}`, max: 60, seconds: 60 },
    { key: `pin:device:${device}`, max: 30, seconds: 60 },
    { key: `pin:card-device:${card}|${device}`, max: 10, seconds: 60 },
    { key: `pin:card:${card}`, max: 60, seconds: 60 },
  ];
}

/** The device a phone's PIN tries count against: its own id, else where it calls from. */
export function phoneDevice(ctx: Pick<Context, 'device' | 'origin'>): string {
  return ctx.device.id ? `phone:${ctx.device.id}` : `phone-at:${ctx.origin}`.slice(0, 100);
}

/**
 * A PIN typed by someone already signed in (changing it, confirming a proxy): per address and per
 * account, so a session left open cannot be used to guess the PIN quickly.
 */
export function accountPinLimits(
  ctx: Context & { resident?: { residentId: string } },
): RequestLimit[] {
  return [
    { key: `pin:source:${ctx.origin}`, max: 60, seconds: 60 },
    { key: `pin:account:${ctx.resident?.residentId ?? 'none'}`, max: 10, seconds: 60 },
  ];
}
