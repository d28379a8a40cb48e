import { type AuditEntry, auditActions, auditTargetTypes } from '@tally/domain/audit';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { createI18n } from '../../i18n/i18n';
import { fakeApi, renderWithApp } from '../../test/render';
import { actionLabel, actorLabel, targetTypeLabel } from './audit-labels';
import { AuditLogPage } from './audit-log-page';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const resident = id(1);
const reward = id(2);
const office = id(50);

let next = 0;
function entry(fields: Partial<AuditEntry> & Pick<AuditEntry, 'action'>): AuditEntry {
  next += 1;
  return {
    id: next,
    at: '2026-12-01T09:00:00.000Z',
    actorType: 'staff',
    actorId: office,
    actorName: '李娜',
    targetType: null,
    targetId: null,
    targetName: null,
    origin: '10.0.0.7',
    details: {},
    names: {},
    ...fields,
  };
}

// Entries as the service writes them: keys, ids, nested terms, lists.
const entries: AuditEntry[] = [
  entry({
    action: 'kiosk.identify',
    actorType: 'kiosk',
    actorName: '大厅自助机',
    targetType: 'resident',
    targetId: resident,
    targetName: { zh: '王芳 · Q0001', en: '王芳 · Q0001' },
  }),
  entry({
    action: 'kiosk.redeem',
    targetType: 'redemption',
    targetId: id(3),
    details: {
      residentId: resident,
      rewardId: reward,
      quantity: 2,
      points: 40,
      transactionId: id(4),
    },
    names: {
      [resident]: { zh: '王芳 · Q0001', en: '王芳 · Q0001' },
      [reward]: { zh: '大米 5 公斤', en: '大米 5 公斤' },
    },
  }),
  entry({
    action: 'staff.update',
    targetType: 'staff_user',
    targetId: office,
    targetName: { zh: '李娜', en: '李娜' },
    details: { changes: { displayName: '李娜', role: 'office', active: true }, endedSessions: 1 },
  }),
  entry({
    action: 'rules.publish',
    targetType: 'earning_rule',
    targetId: '4',
    details: { version: 4, terms: { basePointsPerHour: 10, categoryWeights: { elder_care: 1.5 } } },
  }),
  entry({
    action: 'corrections.accept',
    targetType: 'correction_request',
    targetId: id(5),
    details: { reason: '核实无误', kind: 'wrong_hours', residentId: resident, decision: 'accept' },
    names: { [resident]: { zh: '王芳 · Q0001', en: '王芳 · Q0001' } },
  }),
  entry({
    action: 'service.review',
    targetType: 'organization',
    targetId: id(6),
    targetName: { zh: '助老服务队', en: '助老服务队' },
    details: { decision: 'approve', recordIds: [id(7), id(8), id(9), id(10), id(11)] },
  }),
  entry({
    action: 'residents.update',
    targetType: 'resident',
    targetId: resident,
    targetName: { zh: '王芳 · Q0001', en: '王芳 · Q0001' },
    details: { changed: ['displayName', 'showName', 'building'], showName: true },
  }),
  entry({
    action: 'kiosk.identify_failed',
    actorType: 'kiosk',
    details: { triesLeft: 2, lockedUntil: '2026-12-01T09:15:00.000Z' },
  }),
  entry({ action: 'ledger.checkpoint', targetType: 'ledger_checkpoint', targetId: '120' }),
  entry({ action: 'exports.journal', details: { language: 'zh' } }),
  entry({
    action: 'residents.addProxy',
    targetType: 'resident',
    targetId: resident,
    targetName: { zh: '王芳 · Q0001', en: '王芳 · Q0001' },
    details: { proxyId: id(12), kind: 'family', proxyName: '王小明', reason: '行动不便，女儿代办' },
  }),
];

function renderAudit(
  language: 'zh' | 'en',
  list = vi.fn((_input: unknown) => ({ items: entries, nextCursor: null })),
) {
  renderWithApp(<AuditLogPage />, {
    language,
    api: fakeApi({
      'audit.list.query': list,
      'staff.list.query': () => [],
      'kiosks.list.query': () => [],
    }),
  });
  return list;
}

describe('the audit log', () => {
  it('has zh and en words for every action and target the service writes', () => {
    for (const language of ['zh', 'en'] as const) {
      const { t } = createI18n(language);
      for (const action of auditActions) expect(actionLabel(t, action)).not.toBe(action);
      for (const type of auditTargetTypes) expect(targetTypeLabel(t, type)).not.toBe(type);
    }
  });

  it('reads in Chinese with no raw key or id on the page, names in place of ids', async () => {
    renderAudit('zh');
    const table = await screen.findByRole('table');
    const text = table.textContent ?? '';
    // No dotted or snake_case keys (kiosk.identify, staff_user), no camelCase keys (residentId),
    // no UUIDs, and no English words at all apart from the kiosk's network address.
    expect(text).not.toMatch(/[a-z]+[._][a-z]+/i);
    expect(text).not.toMatch(/[a-z][A-Z]/);
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}/);
    expect(text.replace(/\d+\.\d+\.\d+\.\d+/g, '')).not.toMatch(/[A-Za-z]{2,}/);
    expect(text).toContain('奖励：大米 5 公斤');
    expect(text).toContain('居民：王芳 · Q0001');
    expect(text).toContain('类型：时长有误');
    expect(text).toContain('服务记录：00000000…，00000000…，00000000… 等 5 项');
    expect(text).toContain('积分规则第 4 版');
    expect(text).toContain('修改项：显示名，公开姓名，楼栋');
    expect(text).toContain('为居民添加代办人');
    expect(text).toContain('类型：家属');
    expect(text).toContain('代办人：王小明');
  });

  it('names a proxy who acted on the phone, and for whom', () => {
    const proxyEntry = entry({
      action: 'me.signUp',
      actorType: 'resident',
      actorId: id(13),
      actorName: null,
      details: { activityId: id(14), actedFor: resident },
      names: {
        [id(13)]: { zh: '王小明 · Q0002', en: '王小明 · Q0002' },
        [resident]: { zh: '王秀英 · Q0001', en: '王秀英 · Q0001' },
      },
    });
    const names = (language: 'zh' | 'en') =>
      Object.fromEntries(
        Object.entries(proxyEntry.names).map(([key, name]) => [key, name[language]]),
      );
    expect(actorLabel(createI18n('zh').t, { ...proxyEntry, names: names('zh') })).toBe(
      '王小明 · Q0002 · 代 王秀英 · Q0001',
    );
    expect(actorLabel(createI18n('en').t, { ...proxyEntry, names: names('en') })).toBe(
      '王小明 · Q0002, for 王秀英 · Q0001',
    );
  });

  it('filters by an action chosen by its words', async () => {
    const list = renderAudit('en');
    await screen.findByRole('table');
    const filter = screen.getByLabelText('Action') as HTMLSelectElement;
    expect([...filter.options].map((option) => option.text)).toContain('Reversed a transaction');
    fireEvent.change(filter, { target: { value: 'ledger.reverse' } });
    await waitFor(() =>
      expect(list).toHaveBeenLastCalledWith(expect.objectContaining({ action: 'ledger.reverse' })),
    );
  });
});
