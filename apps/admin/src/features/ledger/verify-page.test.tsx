import { checkpointCode } from '@tally/domain/checkpoints';
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
  findings: [],
  anchor: null,
  kept: null,
});

const code = checkpointCode(40_000, new Uint8Array([9, 8, 7, 6, 5]));
const checkpoints = () => ({
  items: [
    {
      sequence: 40_000,
      headHash: 'cd'.repeat(32),
      signedAt: '2026-11-01T01:00:00Z',
      keyFingerprint: 'ed25519:0123456789abcdef',
      code,
    },
  ],
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
      api: fakeApi({
        'ledger.verify.mutate': verify,
        'ledger.journal.query': journal,
        'ledger.checkpoints.query': checkpoints,
      }),
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
        'ledger.checkpoints.query': () => ({ items: [] }),
      }),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Verify now' }));
    await screen.findByRole('heading', { name: 'Verified: 30,000 transactions' });
    expect(screen.getByRole('button', { name: 'Verify again' })).toBeTruthy();
    expect(screen.getByText(/No signed checkpoint yet: the chain and balances agree/)).toBeTruthy();
  });

  it('holds every step to the code typed from the poster, and catches a typing mistake first', async () => {
    const truncated = {
      kind: 'ledger_truncated',
      sequence: 39_001,
      accountId: null,
      checkpoint: { sequence: 40_000, signedAt: null, code, source: 'office' },
      message: 'The ledger ends at entry 39000, …',
    };
    const verify = vi.fn(({ afterSequence }: { afterSequence: number }) =>
      afterSequence === 0
        ? { ...step(20_000), total: 39_000 }
        : { ...step(39_000, true), total: 39_000, ok: false, findings: [truncated] },
    );
    renderWithApp(<VerifyPage />, {
      user: staffUser('auditor'),
      api: fakeApi({
        'ledger.verify.mutate': verify,
        'ledger.journal.query': () => ({
          items: [{ id: 'x', sequence: 39_000 }],
          nextCursor: null,
        }),
        'ledger.checkpoints.query': checkpoints,
      }),
    });
    // The newest checkpoint is shown to be kept; only the office may sign one now.
    expect((await screen.findByTestId('checkpoint-code')).textContent).toBe(code);
    expect(screen.queryByRole('button', { name: 'Sign the ledger now' })).toBeNull();

    const box = screen.getByLabelText('Checkpoint code');
    const typo = `${code.slice(0, -1)}${code.endsWith('A') ? 'B' : 'A'}`;
    fireEvent.change(box, { target: { value: typo } });
    expect(
      screen.getByText('This code has a typing mistake: compare it with the poster.'),
    ).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Verify now' }).hasAttribute('disabled')).toBe(true);

    fireEvent.change(box, { target: { value: code.toLowerCase() } });
    fireEvent.click(screen.getByRole('button', { name: 'Verify now' }));
    await screen.findByRole('heading', { name: /The ledger does not verify/ });
    expect(verify.mock.calls.map(([input]) => input)).toEqual([
      { afterSequence: 0, limit: 20_000, checkpoint: code },
      { afterSequence: 20_000, limit: 20_000, checkpoint: code },
    ]);
    expect(
      screen.getByText(
        `The ledger ends at entry #39000, but checkpoint ${code} (the one you gave) vouches for 40000 entries: entries #39001 to #40000 were removed.`,
      ),
    ).toBeTruthy();
  });
});
