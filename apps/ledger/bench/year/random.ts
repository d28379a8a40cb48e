import { seededRandom } from '../../src/demo/demo-people';

/**
 * A number in [0, 1), from a seeded generator (the demo's): every run draws the same people and
 * the same kind of year; runs differ only by the moment the year ends, and ids.
 */
export type Random = () => number;

export const seeded: (seed: number) => Random = seededRandom;

export function pick<T>(random: Random, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

/** A whole number in [min, max]. */
export function between(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}
