import type { ReportInput, WillingnessReport } from '@tally/domain/reports';
import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { Route } from 'wouter';
import { fakeApi, renderWithApp } from '../../test/render';
import { ReportsPage } from './reports-page';

const period = {
  from: '2026-08-31',
  to: '2026-11-28',
  organizationId: null,
  timeZone: 'Asia/Shanghai',
};

const willingness = (servedOnce: WillingnessReport['funnel']['servedOnce']): WillingnessReport => ({
  period,
  funnel: {
    residents: 60,
    servedOnce,
    servedAgainWithin90Days: servedOnce === '<5' ? '<5' : 30,
    firstStepRate: servedOnce === '<5' ? '<5' : 0.75,
    secondStepRate: servedOnce === '<5' ? '<5' : 0.6667,
  },
  firstStepsInPeriod: { residents: 12, servedAgainWithin90Days: 7, stillWithin90Days: '<5' },
  medianDaysCardToFirstService: 21,
  activities: {
    total: {
      activities: 0,
      viewed: '<5',
      signedUp: '<5',
      attended: '<5',
      cameBackWithin90Days: '<5',
      noShowRate: null,
    },
    byOrganization: [],
    byInvitedGroup: [],
  },
});

function renderReports(
  path: string,
  report: WillingnessReport,
  freshness = { replica: false, lagSeconds: null as number | null, asOf: '2026-11-28T08:00:00Z' },
) {
  const asked: ReportInput[] = [];
  const api = fakeApi({
    'insights.freshness.query': () => freshness,
    'organizations.list.query': () => [
      { id: 'org-1', name: { zh: '绿色家园', en: 'Green Homes Team' } },
    ],
    'insights.willingness.query': (input: ReportInput) => {
      asked.push(input);
      return report;
    },
  });
  const view = renderWithApp(
    <Route path="/reports/:report">
      <ReportsPage />
    </Route>,
    { api, path },
  );
  return { ...view, asked };
}

describe('the reports page', () => {
  it('opens the report and period named in the address', async () => {
    const { asked } = renderReports('/reports/willingness?period=90d', willingness(45));
    const funnel = await screen.findByRole('list', { name: 'From resident to regular' });
    expect(funnel.textContent).toContain('Served at least once45');
    expect(screen.getByRole('link', { name: 'First steps' }).getAttribute('aria-current')).toBe(
      'page',
    );
    // The service counts the 90 days back from the community's today.
    expect(asked.at(-1)).toEqual({ last: 'last_90_days' });
    expect(screen.getByText('21 days')).toBeTruthy();
  });

  it('keeps a new organization in the address, so a link reproduces the view', async () => {
    const { location } = renderReports('/reports/willingness', willingness(45));
    await screen.findByRole('option', { name: 'Green Homes Team' });
    fireEvent.change(screen.getByLabelText('Organization'), { target: { value: 'org-1' } });
    await vi.waitFor(() =>
      expect(location.history.at(-1)).toBe('/reports/willingness?organization=org-1'),
    );
  });

  it('says plainly when too few residents served, instead of drawing empty charts', async () => {
    renderReports('/reports/willingness', willingness('<5'));
    await screen.findByRole('heading', { name: 'Too little to report in this period' });
    expect(screen.queryByRole('list', { name: 'From resident to regular' })).toBeNull();
  });

  it('says how far behind the figures are when they are read from a replica that lags', async () => {
    renderReports('/reports/willingness', willingness(45), {
      replica: true,
      lagSeconds: 42.4,
      asOf: '2026-11-28T08:00:00Z',
    });
    expect((await screen.findByTestId('replica-lag')).textContent).toBe(
      'These figures are read from a copy of the database that is 42 seconds behind the newest entries.',
    );
  });

  it('says nothing of a replica that has caught up', async () => {
    renderReports('/reports/willingness', willingness(45), {
      replica: true,
      lagSeconds: 0,
      asOf: '2026-11-28T08:00:00Z',
    });
    await screen.findByRole('list', { name: 'From resident to regular' });
    expect(screen.queryByTestId('replica-lag')).toBeNull();
  });
});
