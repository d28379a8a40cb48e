import { type Cell, SUPPRESSED } from '@tally/domain/reports';

// A report cell is a number or "<5" (fewer than five residents behind it). The page shows
// "<5" as text and never draws it: a bar's length would give the hidden number away.

export function isShown(cell: Cell): cell is number {
  return cell !== SUPPRESSED;
}

/** The figure as text, or "<5". */
export function cellText(cell: Cell, show: (value: number) => string): string {
  return isShown(cell) ? show(cell) : SUPPRESSED;
}

/** The largest shown figure (at least `floor`, so an all-zero chart does not divide by zero). */
export function largestShown(cells: Cell[], floor = 1): number {
  return Math.max(floor, ...cells.filter(isShown));
}

/** A bar's length as a fraction of `scale` (0–1), or null when the figure is hidden. */
export function barFraction(cell: Cell, scale: number): number | null {
  if (!isShown(cell)) return null;
  if (scale <= 0) return 0;
  return Math.min(1, cell / scale);
}

/** `part / whole` when both are shown and the whole is not zero; otherwise nothing to show. */
export function shareOf(part: Cell, whole: Cell): number | null {
  if (!isShown(part) || !isShown(whole) || whole === 0) return null;
  return part / whole;
}

/**
 * A share as a whole percentage; a share above zero but under 1% reads "<1%" rather than a
 * "0%" that would say nothing happened.
 */
export function shareText(share: Cell, percent: (value: number) => string): string {
  if (!isShown(share)) return SUPPRESSED;
  return share > 0 && share < 0.01 ? `<${percent(0.01)}` : percent(share);
}
