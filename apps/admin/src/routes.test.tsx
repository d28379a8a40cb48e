import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { SignedInGate } from './app';
import { apiError, fakeApi, renderWithApp, staffUser } from './test/render';

const quietApi = fakeApi({
  'service.list.query': () => ({ items: [], nextCursor: null }),
  'organizations.list.query': () => [],
  'staff.list.query': () => [],
  'kiosks.list.query': () => [],
});

describe('role-aware navigation', () => {
  it('shows a leader only the leader’s menu', async () => {
    renderWithApp(<SignedInGate />, { api: quietApi, user: staffUser('leader') });
    const menu = within(await screen.findByRole('navigation'));
    expect(menu.getByRole('link', { name: 'Log hours' })).toBeTruthy();
    expect(menu.getByRole('link', { name: 'Activities' })).toBeTruthy();
    expect(menu.getByRole('link', { name: 'Organizations' })).toBeTruthy();
    expect(menu.queryByRole('link', { name: /Approvals/ })).toBeNull();
    expect(menu.queryByRole('link', { name: 'Staff accounts' })).toBeNull();
    expect(menu.queryByRole('link', { name: 'Journal' })).toBeNull();
  });

  it('shows an auditor the ledger but nothing that changes the programme', async () => {
    renderWithApp(<SignedInGate />, { api: quietApi, user: staffUser('auditor'), path: '/audit' });
    const menu = within(await screen.findByRole('navigation'));
    expect(menu.getByRole('link', { name: 'Verify ledger' })).toBeTruthy();
    expect(menu.getByRole('link', { name: 'Activities' })).toBeTruthy();
    expect(menu.queryByRole('link', { name: 'Log hours' })).toBeNull();
    expect(menu.queryByRole('link', { name: /Approvals/ })).toBeNull();
    expect(menu.queryByRole('link', { name: 'Kiosks' })).toBeNull();
  });

  it('answers "not allowed" when a leader types an office address', async () => {
    for (const path of [
      '/approvals',
      '/staff',
      '/kiosks',
      '/ledger/verify',
      '/residents/x',
      '/residents/import',
    ]) {
      const { unmount } = renderWithApp(<SignedInGate />, {
        api: quietApi,
        user: staffUser('leader'),
        path,
      });
      expect(await screen.findByRole('heading', { name: 'Not allowed' })).toBeTruthy();
      unmount();
    }
  });

  it('keeps the time bank to the office: a leader or an auditor is not allowed in', async () => {
    for (const role of ['leader', 'auditor'] as const) {
      for (const path of ['/timebank', '/timebank/pool', '/timebank/offers', '/timebank/x']) {
        const { unmount } = renderWithApp(<SignedInGate />, {
          api: quietApi,
          user: staffUser(role),
          path,
        });
        expect(await screen.findByRole('heading', { name: 'Not allowed' })).toBeTruthy();
        expect(
          within(screen.getByRole('navigation')).queryByRole('link', { name: 'Time bank' }),
        ).toBeNull();
        unmount();
      }
    }
  });

  it('lets an auditor read activities but keeps them from the door', async () => {
    renderWithApp(<SignedInGate />, {
      api: quietApi,
      user: staffUser('auditor'),
      path: '/activities/x/door',
    });
    expect(await screen.findByRole('heading', { name: 'Not allowed' })).toBeTruthy();
  });

  it('opens office pages for the office', async () => {
    renderWithApp(<SignedInGate />, { api: quietApi, user: staffUser('office'), path: '/staff' });
    expect(await screen.findByRole('heading', { name: 'Staff accounts' })).toBeTruthy();
  });

  it('sends the reader back to sign-in when the service says the session ended', async () => {
    const api = fakeApi({
      'organizations.list.query': () => [],
      'service.list.query': () => {
        throw apiError('UNAUTHORIZED', 'Please sign in first.');
      },
    });
    const { session } = renderWithApp(<SignedInGate />, {
      api,
      user: staffUser('leader'),
      path: '/records',
    });
    expect(await screen.findByText('Your session has ended. Please sign in again.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeTruthy();
    expect(session.getState().token).toBeNull();
  });
});
