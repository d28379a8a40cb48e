import type { Poster } from '@tally/domain/insights';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithApp } from '../../test/render';
import { posterLayout, previousMonth, recentMonths } from './poster-layout';
import { PosterSheet } from './poster-sheet';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

const poster = (overrides: Partial<Poster> = {}): Poster => ({
  communityName: { zh: '清河社区', en: 'Qinghe' },
  month: '2026-10',
  minutes: 7_530,
  hours: 125.5,
  participants: 41,
  newParticipants: 6,
  organizations: [{ id: id(1), name: { zh: '绿手', en: 'Green Hands' }, minutes: 3_000 }],
  categories: [{ category: 'environment', minutes: 3_000 }],
  pointsDonated: 420,
  goals: [
    {
      id: id(10),
      title: { zh: '花园长椅', en: 'Benches for the garden' },
      targetPoints: 1_000,
      raisedPoints: 400,
      funded: false,
    },
    {
      id: id(11),
      title: { zh: '图书架', en: 'Library shelves' },
      targetPoints: 500,
      raisedPoints: 500,
      funded: true,
    },
  ],
  thanks: ['Grandma Li', 'Xiao Wang'],
  otherVolunteers: 39,
  checkpoint: { code: '#2718-K3M9-QX4T', sequence: 2718, signedAt: '2026-11-01T01:00:00+08:00' },
  ...overrides,
});

describe('the monthly poster', () => {
  it('defaults to last month and offers the two years before', () => {
    expect(previousMonth(new Date(2026, 0, 15))).toBe('2025-12');
    const months = recentMonths(new Date(2026, 10, 27));
    expect(months).toHaveLength(24);
    expect(months[0]).toBe('2026-11');
    expect(months[1]).toBe('2026-10');
    expect(months.at(-1)).toBe('2024-12');
  });

  it('keeps six organizations and counts the rest, and puts funded goals first', () => {
    const organizations = Array.from({ length: 9 }, (_, n) => ({
      id: id(n + 1),
      name: { zh: '', en: `Group ${n + 1}` },
      minutes: 900 - n * 60,
    }));
    const layout = posterLayout(poster({ organizations }));
    expect(layout.organizations.map((o) => o.name.en)).toEqual([
      'Group 1',
      'Group 2',
      'Group 3',
      'Group 4',
      'Group 5',
      'Group 6',
    ]);
    expect(layout.organizations[0]?.share).toBe(1);
    expect(layout.otherOrganizations).toBe(3);
    expect(layout.goals.map((goal) => goal.title.en)).toEqual([
      'Library shelves',
      'Benches for the garden',
    ]);
  });

  it('makes room for a long wall of names by showing fewer organizations', () => {
    const organizations = Array.from({ length: 9 }, (_, n) => ({
      id: id(n + 1),
      name: { zh: '', en: `Group ${n + 1}` },
      minutes: 900 - n * 60,
    }));
    const thanks = Array.from({ length: 60 }, (_, n) => `Neighbour ${n + 1}`);
    const layout = posterLayout(poster({ organizations, thanks }));
    expect(layout.organizations).toHaveLength(4);
    expect(layout.otherOrganizations).toBe(5);
  });

  it('shows the month’s figures, goals and the names with how many more to thank', () => {
    renderWithApp(<PosterSheet poster={poster()} paper="a3" />);
    const sheet = screen.getByRole('article', {
      name: 'Poster for October 2026, as it prints on A3',
    });
    expect(within(sheet).getByText('Qinghe · October 2026')).toBeTruthy();
    // Printed in November, the poster still says which month it is about.
    expect(within(sheet).getByRole('heading', { level: 2 }).textContent).toBe(
      'In October 2026, neighbours made Qinghe better',
    );
    expect(within(sheet).getByTestId('poster-hours').textContent).toBe('125.5');
    expect(within(sheet).getByText('41')).toBeTruthy();
    expect(within(sheet).getByText('Green Hands')).toBeTruthy();
    const funded = within(sheet).getByText('Library shelves').closest('li');
    expect(funded?.textContent).toContain('Funded!');
    expect(
      within(sheet).getByText('Benches for the garden').closest('li')?.textContent,
    ).not.toContain('Funded!');
    const names = within(sheet)
      .getAllByRole('listitem')
      .filter((item) => item.closest('.poster-names'));
    expect(names.map((item) => item.textContent)).toEqual(['Grandma Li', 'Xiao Wang']);
    expect(within(sheet).getByText('and 39 more neighbours')).toBeTruthy();
  });

  it('prints no tile that would read zero', () => {
    const { container } = renderWithApp(
      <PosterSheet poster={poster({ newParticipants: 0 })} paper="a4" />,
    );
    const tiles = [...container.querySelectorAll('.poster-figure-label')].map((l) => l.textContent);
    expect(tiles).toEqual(['hours given to our community', 'neighbours took part']);
    const quiet = renderWithApp(
      <PosterSheet
        poster={poster({ minutes: 0, hours: 0, participants: 0, newParticipants: 0 })}
        paper="a4"
      />,
      { language: 'zh' },
    );
    expect(quiet.container.querySelector('.poster-figures')).toBeNull();
    expect(quiet.container.querySelector('h2')?.textContent).toBe(
      '2026年10月 · 清河社区，每一小时都算数',
    );
  });

  it('prints the ledger checkpoint’s code for the office to keep, or nothing without one', () => {
    const code = (sheet: { container: HTMLElement }) =>
      sheet.container.querySelector('[data-testid="poster-checkpoint"]')?.textContent ?? null;
    expect(code(renderWithApp(<PosterSheet poster={poster()} paper="a4" />))).toBe(
      'Ledger checkpoint #2718-K3M9-QX4T — keep this code: it proves the ledger up to entry 2718 is untouched.',
    );
    expect(
      code(renderWithApp(<PosterSheet poster={poster()} paper="a4" />, { language: 'zh' })),
    ).toContain('账本检查点 #2718-K3M9-QX4T');
    expect(
      code(renderWithApp(<PosterSheet poster={poster({ checkpoint: null })} paper="a4" />)),
    ).toBeNull();
  });

  it('thanks volunteers by number when none agreed to be named, in Chinese too', () => {
    renderWithApp(<PosterSheet poster={poster({ thanks: [], otherVolunteers: 1 })} paper="a4" />);
    expect(
      screen.getByText('Thank you to the 1 neighbour who gave their time in October 2026.'),
    ).toBeTruthy();
    renderWithApp(
      <PosterSheet poster={poster({ thanks: ['李阿姨'], otherVolunteers: 12 })} paper="a4" />,
      {
        language: 'zh',
      },
    );
    expect(screen.getByText('以及另外 12 位邻居')).toBeTruthy();
    expect(
      screen.getByRole('article', { name: '2026年10月海报（按 A4 纸打印的效果）' }),
    ).toBeTruthy();
  });
});
