import type { Poster } from '@tally/domain/insights';

// What fits on one sheet: a poster read from across a hall has room for a few bars and a few
// goals; the rest is summed up in a line rather than shrunk into unreadable print. A long wall
// of names takes the room of two bars.
const ORGANIZATIONS_SHOWN = 6;
const ORGANIZATIONS_SHOWN_BESIDE_MANY_NAMES = 4;
const MANY_NAMES = 36;
const GOALS_SHOWN = 4;

/** "YYYY-MM" of a date, in local time. */
export function monthOf(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}`;
}

/** The months the poster can be about, newest first: this month and the `count - 1` before it. */
export function recentMonths(today: Date, count = 24): string[] {
  return Array.from({ length: count }, (_, back) =>
    monthOf(new Date(today.getFullYear(), today.getMonth() - back, 1)),
  );
}

/** Last month: the poster's default, a month that is over. */
export function previousMonth(today: Date): string {
  return monthOf(new Date(today.getFullYear(), today.getMonth() - 1, 1));
}

/** Name sizes from the largest down: the wall takes the largest at which every name fits. */
export const nameSizes = ['xl', 'large', 'medium', 'small', 'tiny'] as const;

/** The poster's content, cut to what one sheet can show. */
export function posterLayout(poster: Poster) {
  const organizations = poster.organizations.slice(
    0,
    poster.thanks.length > MANY_NAMES ? ORGANIZATIONS_SHOWN_BESIDE_MANY_NAMES : ORGANIZATIONS_SHOWN,
  );
  const otherOrganizations = poster.organizations.length - organizations.length;
  // Goals that made it first (the good news), then the closest to their target.
  const goals = [...poster.goals]
    .sort(
      (a, b) =>
        Number(b.funded) - Number(a.funded) ||
        b.raisedPoints / b.targetPoints - a.raisedPoints / a.targetPoints,
    )
    .slice(0, GOALS_SHOWN);
  const mostMinutes = Math.max(1, ...organizations.map((organization) => organization.minutes));
  return {
    organizations: organizations.map((organization) => ({
      ...organization,
      share: organization.minutes / mostMinutes,
    })),
    otherOrganizations,
    goals: goals.map((goal) => ({
      ...goal,
      progress: Math.min(1, goal.raisedPoints / Math.max(1, goal.targetPoints)),
    })),
  };
}
