import type { Dashboard } from '@tally/domain/insights';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi, renderWithApp } from '../../test/render';
import { DashboardPage } from './dashboard-page';

const days = Array.from({ length: 30 }, (_, i) => ({
  date: new Date(Date.UTC(2026, 10, 8 + i)).toISOString().slice(0, 10),
  minutes: i % 3 === 0 ? 60 : 0,
}));

function figures(period: Dashboard['period']): Dashboard {
  return {
    month: '2026-12',
    period,
    approvedMinutes: 600,
    participants: 12,
    newParticipants: 2,
    pendingApprovals: 5,
    lowStockRewards: [],
    minutesByDay: days,
    minutesByCategory: [{ category: 'culture', minutes: 600 }],
  };
}

function renderDashboard(period: Dashboard['period'], language: 'en' | 'zh' = 'en') {
  return renderWithApp(<DashboardPage />, {
    language,
    api: fakeApi({
      'insights.dashboard.query': () => figures(period),
      'goals.list.query': () => [],
    }),
  });
}

describe('the office dashboard', () => {
  it('says the month when the figures are of the month', async () => {
    renderDashboard({ kind: 'month', days: 15, from: '2026-12-01', to: '2026-12-15' });
    expect(await screen.findByText('How the community is doing in December 2026.')).toBeTruthy();
    expect(screen.getByText('Hours served this month')).toBeTruthy();
    expect(screen.getByText('10')).toBeTruthy();
  });

  it('says "the last 30 days" early in a month, with the days they are, in both languages', async () => {
    const early = { kind: 'recentDays', days: 30, from: '2026-11-08', to: '2026-12-07' } as const;
    const { unmount } = renderDashboard(early);
    expect(await screen.findByText(/over the last 30 days \(8 Nov to 7 Dec\)/)).toBeTruthy();
    expect(screen.getByText('Hours served in the last 30 days')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Hours by category, last 30 days' })).toBeTruthy();
    expect(screen.queryByText(/this month/)).toBeNull();
    unmount();
    renderDashboard(early, 'zh');
    expect(await screen.findByText('近 30 天服务时长（小时）')).toBeTruthy();
    expect(screen.queryByText(/本月服务/)).toBeNull();
  });
});
