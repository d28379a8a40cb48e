import { z } from 'zod';

/**
 * The age bands reports group residents by, and a campaign can target. Ages come from the birth
 * year only (that is all a member card records): a resident's age in a year is `year - birthYear`,
 * the age they reach during that year. Edges, both ends included:
 * under 30 = 0–29, 30–44, 45–59, 60–74, 75 and over.
 */
export const ageBands = ['under_30', '30_44', '45_59', '60_74', '75_plus'] as const;
export const AgeBand = z.enum(ageBands);
export type AgeBand = z.infer<typeof AgeBand>;

export const ageBandEdges: Record<AgeBand, { minAge: number; maxAge: number | null }> = {
  under_30: { minAge: 0, maxAge: 29 },
  '30_44': { minAge: 30, maxAge: 44 },
  '45_59': { minAge: 45, maxAge: 59 },
  '60_74': { minAge: 60, maxAge: 74 },
  '75_plus': { minAge: 75, maxAge: null },
};

export const ageBandLabels: Record<AgeBand, { en: string; zh: string }> = {
  under_30: { en: 'Under 30', zh: '30岁以下' },
  '30_44': { en: '30–44', zh: '30–44岁' },
  '45_59': { en: '45–59', zh: '45–59岁' },
  '60_74': { en: '60–74', zh: '60–74岁' },
  '75_plus': { en: '75 and over', zh: '75岁及以上' },
};

/** The band a resident born in `birthYear` is in during `year`; null when the birth year is unknown. */
export function ageBandOf(birthYear: number | null | undefined, year: number): AgeBand | null {
  if (birthYear === null || birthYear === undefined) return null;
  const age = year - birthYear;
  return (
    ageBands.find((band) => {
      const { minAge, maxAge } = ageBandEdges[band];
      return age >= minAge && (maxAge === null || age <= maxAge);
    }) ?? (age < 0 ? 'under_30' : null)
  );
}
