/**
 * The top of a scale: `value` rounded up to 2, 4 or 10 times a power of ten (at least 2), so the
 * halfway gridline is a whole number too.
 */
export function niceCeiling(value: number): number {
  if (value <= 2) return 2;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 4, 10].find((m) => m * magnitude >= value) ?? 10;
  return step * magnitude;
}
