import type { CatalogItem } from '../api/kiosk-client';

/** The most one redemption may take (the service allows 1–10). */
export const MAX_QUANTITY = 10;

export type Availability = 'available' | 'outOfStock' | 'limitReached' | 'needMore';

/** Why a reward can or cannot be chosen now, in the order a resident would want to hear it. */
export function availabilityOf(item: CatalogItem): Availability {
  if (item.stock <= 0) return 'outOfStock';
  if (item.limitLeft === 0) return 'limitReached';
  if (!item.affordable) return 'needMore';
  return 'available';
}

/** How many the resident may take at once: stock, their limit, their points and 10. */
export function maxQuantity(item: CatalogItem, points: number): number {
  const affordable = Math.floor(points / item.points);
  return Math.max(
    1,
    Math.min(MAX_QUANTITY, item.stock, item.limitLeft ?? MAX_QUANTITY, affordable),
  );
}
