import type { GroupParticipation } from '@tally/domain/reports';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithApp } from '../../test/render';
import { niceCeiling } from './chart-scale';
import { GroupParticipationTable } from './group-participation-table';
import { MonthColumns } from './month-columns';
import { barFraction, cellText, largestShown, shareOf, shareText } from './report-cells';
import { ShareBar } from './share-bar';
import { sparklineRuns } from './sparkline';

describe('hidden "<5" figures in the report charts', () => {
  it('shows "<5" as text and never gives it a bar length', () => {
    expect(cellText('<5', String)).toBe('<5');
    expect(cellText(12, String)).toBe('12');
    expect(barFraction('<5', 10)).toBeNull();
    expect(barFraction(5, 10)).toBe(0.5);
    expect(largestShown(['<5', 7, 3, '<5'])).toBe(7);
    expect(largestShown(['<5'])).toBe(1);
    expect(shareOf(10, '<5')).toBeNull();
    expect(shareOf(10, 0)).toBeNull();
    expect(shareOf(10, 40)).toBe(0.25);
  });

  it('says "<1%" for a share too small to round to a whole percent, but not for none at all', () => {
    const percent = (value: number) => `${Math.floor(value * 100)}%`;
    expect(shareText(0.0047, percent)).toBe('<1%');
    expect(shareText(0, percent)).toBe('0%');
    expect(shareText(0.31, percent)).toBe('31%');
    expect(shareText('<5', percent)).toBe('<5');
  });

  it('rounds a column scale up to a whole halfway line', () => {
    expect(niceCeiling(0)).toBe(2);
    expect(niceCeiling(3)).toBe(4);
    expect(niceCeiling(6)).toBe(10);
    expect(niceCeiling(23)).toBe(40);
    expect(niceCeiling(160)).toBe(200);
  });

  it('draws a participants bar only for groups whose figures are shown', () => {
    const groups: GroupParticipation[] = [
      { group: '30_44', residents: 17, participants: 10, rate: 0.5882 },
      { group: '60_74', residents: 9, participants: '<5', rate: '<5' },
      { group: 'unknown', residents: '<5', participants: '<5', rate: '<5' },
    ];
    const { container } = renderWithApp(
      <GroupParticipationTable caption="By age" dimension="age_band" groups={groups} />,
    );
    const row = (name: string) => screen.getByRole('row', { name: new RegExp(`^${name}`) });
    expect(
      within(row('30–44'))
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['17', '10', '58%']);
    expect(
      within(row('60–74'))
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['9', '<5', '<5']);
    expect(
      within(row('Not recorded'))
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['<5', '<5', '<5']);
    // The drawing is hidden from screen readers (the cells say it all): one filled bar (30–44);
    // 60–74 shows its residents but no fill; "not recorded" has no bar at all.
    expect(container.querySelectorAll('.report-group-bar')).toHaveLength(2);
    expect(container.querySelectorAll('.report-group-fill')).toHaveLength(1);
  });

  it('labels the month columns with every month’s figure and draws no column for "<5"', () => {
    const { container } = renderWithApp(
      <MonthColumns
        label="New participants per month."
        months={[
          { month: '2026-07', value: '<5' },
          { month: '2026-08', value: 23 },
          { month: '2026-09', value: 6 },
        ]}
      />,
    );
    expect(screen.getByRole('img').getAttribute('aria-label')).toBe(
      'New participants per month. July 2026: <5; August 2026: 23; September 2026: 6.',
    );
    expect(container.querySelectorAll('rect')).toHaveLength(2);
  });

  it('does not draw a split when one of its parts is hidden, but lists every part', () => {
    renderWithApp(
      <ShareBar
        label="Points"
        segments={[
          { key: 'a', label: 'Redeemed', share: 0.25 },
          { key: 'b', label: 'Given to goals', share: '<5' },
        ]}
      />,
    );
    expect(screen.queryByRole('img')).toBeNull();
    expect(screen.getByText(/Not drawn/)).toBeTruthy();
    expect(screen.getByText('<5')).toBeTruthy();
  });

  it('labels a drawn split with all its figures', () => {
    renderWithApp(
      <ShareBar
        label="Hours"
        segments={[
          { key: 'a', label: 'Community participation', share: 0.5152, detail: '1,015 h' },
          { key: 'b', label: 'Service', share: 0.4848, detail: '955 h' },
        ]}
      />,
    );
    expect(screen.getByRole('img').getAttribute('aria-label')).toBe(
      'Hours: Community participation 51% (1,015 h), Service 48% (955 h)',
    );
  });

  it('breaks a trend line at hidden months instead of drawing them at any height', () => {
    expect(sparklineRuns(['<5', 3, 4, '<5', 6, '<5'])).toEqual([
      [
        { value: 3, index: 1 },
        { value: 4, index: 2 },
      ],
      [{ value: 6, index: 4 }],
    ]);
  });
});
