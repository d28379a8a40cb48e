import { describe, expect, it } from 'vitest';
import { catalogItem } from '../test/fake-api';
import { availabilityOf, maxQuantity } from './redeemable';

describe('what a resident may redeem', () => {
  it('allows as many as stock, limit, points and the per-request cap all allow', () => {
    expect(maxQuantity(catalogItem({ points: 30, stock: 60, limitLeft: null }), 1000)).toBe(10);
    expect(maxQuantity(catalogItem({ points: 30, stock: 3, limitLeft: null }), 1000)).toBe(3);
    expect(maxQuantity(catalogItem({ points: 30, stock: 60, limitLeft: 2 }), 1000)).toBe(2);
    expect(maxQuantity(catalogItem({ points: 120, stock: 20, limitLeft: 2 }), 300)).toBe(2);
    expect(maxQuantity(catalogItem({ points: 120, stock: 20, limitLeft: 5 }), 250)).toBe(2);
  });

  it('says why a reward cannot be chosen', () => {
    expect(availabilityOf(catalogItem({ stock: 0 }))).toBe('outOfStock');
    expect(availabilityOf(catalogItem({ limitLeft: 0 }))).toBe('limitReached');
    expect(availabilityOf(catalogItem({ affordable: false, pointsShort: 40 }))).toBe('needMore');
    expect(availabilityOf(catalogItem())).toBe('available');
  });
});
