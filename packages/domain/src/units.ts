import { z } from 'zod';

/**
 * The ledger's units, all whole numbers: minutes of service, points, and minutes of time credit
 * (the time bank's: they move between residents, while service minutes only ever grow).
 * Nothing money-like is ever a float, so sums are exact and comparisons honest.
 */
export const units = ['minutes', 'points', 'time_credit'] as const;
export const Unit = z.enum(units);
export type Unit = z.infer<typeof Unit>;

/** A whole, non-negative amount that JavaScript can hold exactly. */
export const Amount = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

/** Minutes of service (a non-negative safe integer). */
export const Minutes = Amount.brand<'Minutes'>();
export type Minutes = z.infer<typeof Minutes>;

/** Points (a non-negative safe integer). */
export const Points = Amount.brand<'Points'>();
export type Points = z.infer<typeof Points>;

/** A signed posting amount: never zero, always a safe integer. */
export const SignedAmount = z
  .number()
  .int()
  .min(-Number.MAX_SAFE_INTEGER)
  .max(Number.MAX_SAFE_INTEGER)
  .refine((n) => n !== 0, { message: 'A posting amount cannot be zero' });

/** Hours for people: 90 minutes reads as "1.5". Display only; never stored. */
export function minutesToHours(minutes: number): number {
  return Math.round((minutes / 60) * 100) / 100;
}
