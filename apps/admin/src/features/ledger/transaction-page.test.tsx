import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Route } from 'wouter';
import { fakeApi, renderWithApp } from '../../test/render';
import { TransactionPage } from './transaction-page';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

const entry = (kind: 'redemption' | 'reversal', reverses: string | null) => ({
  id: id(2),
  communityId: id(100),
  sequence: 2,
  kind,
  actor: { type: 'staff', id: id(50) },
  actorName: 'The office',
  memo: kind === 'reversal' ? 'refund' : 'Rice 5 kg × 2',
  description:
    kind === 'reversal'
      ? {
          code: 'reversal',
          params: {
            of: 'redemption',
            subject: { zh: '大米 5 公斤', en: 'Rice 5 kg' },
            reason: '没货了',
            cause: 'cancellation',
          },
        }
      : {
          code: 'redemption',
          params: { reward: { zh: '大米 5 公斤', en: 'Rice 5 kg' }, quantity: 2 },
        },
  reference: null,
  reverses,
  reversedBy: null,
  createdAt: '2026-11-02T09:00:00Z',
  hash: 'ab'.repeat(32),
  prevHash: 'cd'.repeat(32),
  postings: [],
});

function openTransaction(
  kind: 'redemption' | 'reversal',
  reverses: string | null = null,
  language: 'zh' | 'en' = 'en',
) {
  renderWithApp(
    <Route path="/ledger/transactions/:id">
      <TransactionPage />
    </Route>,
    {
      path: `/ledger/transactions/${id(2)}`,
      language,
      api: fakeApi({
        'ledger.transaction.query': () => entry(kind, reverses),
        'staff.list.query': () => [],
        'kiosks.list.query': () => [],
      }),
    },
  );
}

describe('a transaction’s page', () => {
  it('offers the office to reverse a transaction', async () => {
    openTransaction('redemption');
    await screen.findByRole('heading', { name: /#2/ });
    expect(screen.getByRole('button', { name: 'Reverse' })).toBeTruthy();
  });

  it('does not offer to reverse a reversal: a new correction is posted instead', async () => {
    openTransaction('reversal', id(1));
    await screen.findByRole('heading', { name: /#2/ });
    expect(screen.queryByRole('button', { name: 'Reverse' })).toBeNull();
  });

  it("says what the entry is in the reader's language, beside the memo it was sealed with", async () => {
    openTransaction('reversal', id(1), 'zh');
    await screen.findByRole('heading', { name: '第 2 笔交易' });
    expect(screen.getByText('取消兑换：大米 5 公斤——没货了')).toBeTruthy();
    expect(screen.getByText('refund')).toBeTruthy();
  });
});
