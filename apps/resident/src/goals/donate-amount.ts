/** The − and + buttons move a gift by ten points; a gift is at least one point. */
export const DONATE_STEP = 10;

/** Quick amounts offered by taps, as far as the resident's points go. */
export function quickAmounts(points: number): number[] {
  return [10, 50, 100, 200].filter((amount) => amount <= points);
}

export function stepAmount(amount: number, direction: 1 | -1, points: number): number {
  return Math.min(points, Math.max(1, amount + direction * DONATE_STEP));
}
