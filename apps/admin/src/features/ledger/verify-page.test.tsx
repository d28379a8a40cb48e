import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { fakeApi, renderWithApp, staffUser } from '../../test/render';
import { VerifyPage } from './verify-page';

const step = (checkedThrough: number, done = false, broken: number | null = null) => ({
  ok: done && broken === null,
  transactions: 20_000,
  firstBrokenSequence: broken,
  mismatchedAccounts: [],
  headHash: 'ab'.repeat(32),
  checkedThrough,
  total: 45_000,
  done,
});

describe('verifying the ledger', () => {
  it('goes step by step with a real progress bar, and links the first broken entry', async () => {
    let releaseSecond: () => void = () => {};
    const verify = vi.fn(async ({ afterSequence }: { afterSequence: number; limit: number }) => {
      if (afterSequence === 0) return step(20_000);
      if (afterSequence === 20_000) {
        await new Promise<void>((resolve) => {
          releaseSecond = resolve;
        });
        return step(40_000);
      }
      return step(41_233, true, 41_234);
    });
    const journal = vi.fn(({ cursor }: { cursor?: string; limit: number }) => ({
      items: [{ id: cursor ? 'broken-entry-id' : 'newest-id', sequence: cursor ? 41_234 : 45_000 }],
      nextCursor: null,
    }));
    renderWithApp(<VerifyPage />, {
      user: staffUser('auditor'),
      api: fakeApi({ 'ledger.verify.mutate': verify, 'ledger.journal.query': journal }),
    });
    await screen.findByText(/The journal holds 45,000 transactions/);
    fireEvent.click(screen.getByRole('button', { name: 'Verify now' }));

    // After the first step: 20,000 of 45,000 checked.
    await vi.waitFor(() =>
      expect(
        screen
          .getByRole('progressbar', { name: 'Verification progress' })
          .getAttribute('aria-valuenow'),
      ).toBe('44'),
    );
    expect(screen.getByText(/Checked 20,000 of 45,000 transactions \(44%\)/)).toBeTruthy();
    releaseSecond();

    await screen.findByRole('heading', { name: /The ledger does not verify/ });
    expect(verify.mock.calls.map(([input]) => input)).toEqual([
      { afterSequence: 0, limit: 20_000 },
      { afterSequence: 20_000, limit: 20_000 },
      { afterSequence: 40_000, limit: 20_000 },
    ]);
    expect(screen.getByText('First broken entry: #41234.')).toBeTruthy();
    const link = await screen.findByRole('link', { name: 'Open entry #41234' });
    expect(link.getAttribute('href')).toBe('/ledger/transactions/broken-entry-id');
    expect(screen.getByRole('link', { name: 'Show it in the journal' }).getAttribute('href')).toBe(
      '/ledger?before=41235',
    );
  });

  it('says "verified" with the whole count once the service is done', async () => {
    const verify = vi.fn(({ afterSequence }: { afterSequence: number }) =>
      afterSequence === 0
        ? { ...step(20_000), total: 30_000 }
        : { ...step(30_000, true), transactions: 10_000, total: 30_000 },
    );
    renderWithApp(<VerifyPage />, {
      user: staffUser('auditor'),
      api: fakeApi({
        'ledger.verify.mutate': verify,
        'ledger.journal.query': () => ({
          items: [{ id: 'x', sequence: 30_000 }],
          nextCursor: null,
        }),
      }),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Verify now' }));
    await screen.findByRole('heading', { name: 'Verified: 30,000 transactions' });
    expect(screen.getByRole('button', { name: 'Verify again' })).toBeTruthy();
  });
});
