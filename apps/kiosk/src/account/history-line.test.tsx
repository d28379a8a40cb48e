import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../api/kiosk-client';
import { renderInLanguage } from '../test/fake-api';
import { HistoryLine } from './history-line';

const at = new Date(2026, 10, 12, 10, 0).toISOString();
const entry = (overrides: Partial<HistoryEntry>): HistoryEntry => ({
  transactionId: 't1',
  kind: 'service_credit',
  points: 30,
  minutes: 90,
  description: {
    code: 'service_credit',
    params: {
      activity: 'Elderly visits',
      minutes: 90,
      points: 30,
      ruleVersion: 2,
      firstParticipationBonus: null,
      corrected: false,
    },
  },
  serviceDate: null,
  createdAt: at,
  actedBy: null,
  ...overrides,
});

const lineText = () => screen.getByRole('listitem').textContent?.replace(/\s+/g, ' ').trim();

describe('a line of history, in plain words', () => {
  it('reads "+30 points · Elderly visits · served 29 Oct, credited 12 Nov" for service', () => {
    renderInLanguage(
      <ul>
        <HistoryLine entry={entry({ serviceDate: '2026-10-29' })} />
      </ul>,
    );
    expect(lineText()).toBe(
      '+30 points·Elderly visits1.5 hours of service·served 29 Oct, credited 12 Nov',
    );
  });

  it('gives the service day and the hours with their unit in Chinese too', () => {
    renderInLanguage(
      <ul>
        <HistoryLine entry={entry({ serviceDate: '2026-10-29', minutes: 60 })} />
      </ul>,
      'zh',
    );
    expect(lineText()).toBe('+30 积分·Elderly visits服务 1 小时·10月29日服务，11月12日入账');
  });

  it('reads "−120 points · Rice 5 kg" for a redemption, in the resident\'s language', () => {
    renderInLanguage(
      <ul>
        <HistoryLine
          entry={entry({
            kind: 'redemption',
            points: -120,
            minutes: 0,
            description: {
              code: 'redemption',
              params: { reward: { zh: '大米 5 公斤', en: 'Rice 5 kg' }, quantity: 1 },
            },
          })}
        />
      </ul>,
      'zh',
    );
    expect(lineText()).toBe('\u2212120 积分·大米 5 公斤·11月12日');
  });

  it('names the goal a gift went to', () => {
    renderInLanguage(
      <ul>
        <HistoryLine
          entry={entry({
            kind: 'donation',
            points: -50,
            minutes: 0,
            description: { code: 'donation', params: { goal: { zh: '长椅', en: 'Benches' } } },
          })}
        />
      </ul>,
    );
    expect(lineText()).toBe('\u221250 points·Given to: Benches·12 Nov');
  });

  it("says what a correction corrected, not the office's English memo", () => {
    renderInLanguage(
      <ul>
        <HistoryLine
          entry={entry({
            kind: 'reversal',
            points: -30,
            minutes: -90,
            description: {
              code: 'reversal',
              params: {
                of: 'service_credit',
                subject: { zh: '探访老人', en: '探访老人' },
                reason: 'Logged twice',
                cause: 'office',
              },
            },
          })}
        />
      </ul>,
      'zh',
    );
    expect(lineText()).not.toContain('Logged twice');
    expect(lineText()).toContain('探访老人');
  });
});
