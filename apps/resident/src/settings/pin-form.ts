export type PinProblem = 'pinShape' | 'pinMismatch' | 'pinSame';

/**
 * Why the new PIN cannot be sent yet: 4–6 digits, typed the same twice, not the old one. Whether
 * it is too easy to guess (1234, 0000, the birth year) the service alone decides, and its
 * WEAK_PIN refusal is shown in words: the domain's `weakPinReason` lives in a module that builds
 * zod schemas, and importing it would bring all of zod into the phone's bundle.
 */
export function pinProblem({
  oldPin,
  newPin,
  again,
}: {
  oldPin: string;
  newPin: string;
  again: string;
}): PinProblem | null {
  if (!/^\d{4,6}$/.test(newPin)) return 'pinShape';
  if (newPin !== again) return 'pinMismatch';
  if (newPin === oldPin) return 'pinSame';
  return null;
}
