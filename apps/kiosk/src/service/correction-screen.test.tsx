import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type {
  CorrectionRequest,
  MyCorrection,
  MyRecord,
  RecentActivities,
} from '../api/kiosk-client';
import { fakeApi, networkFailure, renderInLanguage } from '../test/fake-api';
import { CorrectionScreen } from './correction-screen';

const record: MyRecord = {
  id: 'rec1',
  organization: { id: 'o1', name: { zh: '阳光志愿队', en: 'Sunshine Volunteers' } },
  activity: { title: 'Visiting older neighbours · 探访独居老人', category: 'mutual_aid' },
  startedAt: '2026-11-20T09:00:00+08:00',
  serviceDate: '2026-11-20',
  minutes: 120,
  status: 'approved',
  points: 20,
  correctable: true,
};

const sent: MyCorrection = {
  id: 'c1',
  kind: 'wrong_hours',
  status: 'open',
  reason: 'I served longer than recorded',
  proposedMinutes: 150,
  record: {
    id: 'rec1',
    organization: record.organization,
    activity: record.activity,
    startedAt: record.startedAt,
    minutes: 120,
  },
  missing: null,
  requestedAt: '2026-11-27T10:00:00+08:00',
  resolvedAt: null,
  officeReason: null,
  correctedMinutes: null,
};

const recent: RecentActivities = {
  organizations: [{ id: 'o1', name: { zh: '阳光志愿队', en: 'Sunshine Volunteers' }, mine: true }],
  activities: [
    {
      organization: { id: 'o1', name: { zh: '阳光志愿队', en: 'Sunshine Volunteers' } },
      title: 'Tree planting · 种树',
      category: 'environment',
      date: '2026-11-29',
    },
  ],
  from: '2026-10-02',
  to: '2026-11-30',
};

describe('the correction screen', () => {
  it('sends the right hours and a one-tap reason once, retrying under the same key', async () => {
    const requests: CorrectionRequest[] = [];
    const requestCorrection = vi.fn((input: CorrectionRequest) => {
      requests.push(input);
      return requests.length === 1 ? Promise.reject(networkFailure()) : Promise.resolve(sent);
    });
    const onDone = vi.fn();
    renderInLanguage(
      <CorrectionScreen
        api={fakeApi({ requestCorrection })}
        record={record}
        onBack={() => undefined}
        onDone={onDone}
      />,
    );
    const next = screen.getByRole('button', { name: 'Next' });
    expect(next).toHaveProperty('disabled', true);
    fireEvent.click(screen.getByRole('button', { name: '15 minutes more' }));
    fireEvent.click(screen.getByRole('button', { name: '15 minutes more' }));
    fireEvent.click(screen.getByRole('button', { name: 'I served longer than recorded' }));
    fireEvent.click(next);
    expect(screen.getByText(/should be 2\.5 hours/)).toBeTruthy();
    const send = screen.getByRole('button', { name: 'Send to the community office' });
    fireEvent.click(send);
    fireEvent.click(send);
    await waitFor(() => expect(onDone).toHaveBeenCalledWith(sent), { timeout: 5000 });
    expect(requests).toHaveLength(2);
    expect(requests[0]).toMatchObject({
      kind: 'wrong_hours',
      serviceRecordId: 'rec1',
      proposedMinutes: 150,
      reason: 'I served longer than recorded',
    });
    expect(requests[1]?.idempotencyKey).toBe(requests[0]?.idempotencyKey);
  });

  it('names a missing record by taps alone: organization, a day on the calendar, the activity', async () => {
    const requestCorrection = vi.fn((_input: CorrectionRequest) =>
      Promise.resolve({ ...sent, kind: 'missing_record' as const, record: null }),
    );
    const onDone = vi.fn();
    renderInLanguage(
      <CorrectionScreen
        api={fakeApi({ requestCorrection, recentActivities: () => Promise.resolve(recent) })}
        record={null}
        onBack={() => undefined}
        onDone={onDone}
      />,
      'zh',
    );
    expect(screen.queryByRole('button', { name: '增加 15 分钟' })).toBeNull();
    expect(screen.queryByRole('textbox')).toBeNull();
    fireEvent.click(await screen.findByRole('button', { name: /阳光志愿队/ }));
    // The calendar: 29 November has the team's sheet; days after today cannot be picked.
    expect(screen.getByText('2026年11月')).toBeTruthy();
    expect(screen.getByRole('button', { name: /11月30日/ })).toHaveProperty('disabled', false);
    fireEvent.click(screen.getByRole('button', { name: '上个月' }));
    expect(screen.getByText('2026年10月')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '下个月' }));
    fireEvent.click(screen.getByRole('button', { name: /11月29日.*有签到表/ }));
    fireEvent.click(screen.getByRole('button', { name: /种树/ }));
    expect(screen.getByText('我有一次服务没有记录。')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '提交给社区办公室' }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(requestCorrection.mock.calls[0]?.[0]).toMatchObject({
      kind: 'missing_record',
      organizationId: 'o1',
      serviceDate: '2026-11-29',
      activityTitle: 'Tree planting · 种树',
      reason: '',
    });
  });

  it('asks for a one-tap reason when the resident is not sure of the organization', async () => {
    renderInLanguage(
      <CorrectionScreen
        api={fakeApi({ recentActivities: () => Promise.resolve(recent) })}
        record={null}
        onBack={() => undefined}
        onDone={() => undefined}
      />,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Another one, or not sure' }));
    fireEvent.click(screen.getByRole('button', { name: /30 November/ }));
    fireEvent.click(screen.getByRole('button', { name: 'It is not in the list' }));
    const send = screen.getByRole('button', { name: 'Send to the community office' });
    expect(send).toHaveProperty('disabled', true);
    fireEvent.click(screen.getByRole('button', { name: 'My service was not recorded' }));
    expect(send).toHaveProperty('disabled', false);
  });

  it('offers "not sure" only with the list of organizations, never alone while it loads', async () => {
    let loaded: (answer: typeof recent) => void = () => undefined;
    renderInLanguage(
      <CorrectionScreen
        api={fakeApi({ recentActivities: () => new Promise((resolve) => (loaded = resolve)) })}
        record={null}
        onBack={() => undefined}
        onDone={() => undefined}
      />,
    );
    expect(screen.queryByRole('button', { name: 'Another one, or not sure' })).toBeNull();
    loaded(recent);
    await screen.findByRole('button', { name: /Sunshine/ });
    expect(screen.getByRole('button', { name: 'Another one, or not sure' })).toBeTruthy();
  });
});
