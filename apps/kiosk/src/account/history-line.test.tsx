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
  description: 'Elderly visits',
  createdAt: at,
  ...overrides,
});

const lineText = () => screen.getByRole('listitem').textContent?.replace(/\s+/g, ' ').trim();

describe('a line of history, in plain words', () => {
  it('reads "+30 points · Elderly visits · 12 Nov" for service', () => {
    renderInLanguage(
      <ul>
        <HistoryLine entry={entry({})} />
      </ul>,
    );
    expect(lineText()).toBe('+30 points·Elderly visits1.5 h of service·12 Nov');
  });

  it('reads "−120 points · Rice 5 kg" for a redemption, in the resident\'s language', () => {
    renderInLanguage(
      <ul>
        <HistoryLine
          entry={entry({
            kind: 'redemption',
            points: -120,
            minutes: 0,
            description: 'Rice 5 kg · 大米 5 公斤',
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
          entry={entry({ kind: 'donation', points: -50, minutes: 0, description: 'Benches' })}
        />
      </ul>,
    );
    expect(lineText()).toBe('\u221250 points·Given to: Benches·12 Nov');
  });
});
