import { weakPinReason } from '@tally/domain/me';

export type PinProblem =
  | 'pinShape'
  | 'pinMismatch'
  | 'pinSame'
  | `weak.${NonNullable<ReturnType<typeof weakPinReason>>}`;

/**
 * Why the new PIN cannot be sent yet, said before the service has to: 4–6 digits, typed the
 * same twice, not the old one, and not one of the first PINs a guesser tries. The service
 * checks again (it alone knows the birth year): its WEAK_PIN refusal is shown in words too.
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
  const weak = weakPinReason(newPin, { birthYear: null });
  return weak ? `weak.${weak}` : null;
}
