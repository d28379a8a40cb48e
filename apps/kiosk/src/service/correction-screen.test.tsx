import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { CorrectionRequest, MyCorrection, MyRecord } from '../api/kiosk-client';
import { fakeApi, networkFailure, renderInLanguage } from '../test/fake-api';
import { CorrectionScreen } from './correction-screen';

const record: MyRecord = {
  id: 'rec1',
  organization: { id: 'o1', name: 'Sunshine Volunteers · 阳光志愿队' },
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
  requestedAt: '2026-11-27T10:00:00+08:00',
  resolvedAt: null,
  officeReason: null,
  correctedMinutes: null,
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
    expect(screen.getByText(/should be 2\.5 h/)).toBeTruthy();
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

  it('reports a missing record with no record and no minutes', () => {
    renderInLanguage(
      <CorrectionScreen
        api={fakeApi()}
        record={null}
        onBack={() => undefined}
        onDone={() => undefined}
      />,
      'zh',
    );
    expect(screen.queryByRole('button', { name: '增加 15 分钟' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '我的服务没有登记' }));
    fireEvent.click(screen.getByRole('button', { name: '下一步' }));
    expect(screen.getByText('我有一次服务没有记录。')).toBeTruthy();
  });
});
