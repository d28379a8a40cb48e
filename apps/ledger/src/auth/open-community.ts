import { sql } from 'kysely';

/**
 * Whether the community a row names is open: a community the street office closed refuses its
 * staff's sign-ins and sessions, its kiosks and its phones (its records stay, for reading).
 */
export function communityIsOpen(communityColumn: string) {
  return sql<boolean>`exists (select 1 from communities c
    where c.id = ${sql.ref(communityColumn)} and c.active)`;
}
