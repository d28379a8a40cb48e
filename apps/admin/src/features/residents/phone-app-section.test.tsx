import type { PhoneSessionEntry, ProxyLink } from '@tally/domain/me';
import type { ResidentDetail } from '@tally/domain/residents';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { Route } from 'wouter';
import { fakeApi, renderWithApp, staffUser } from '../../test/render';
import { PhoneAppSection } from './phone-app-section';
import { ResidentPage } from './resident-page';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const resident = { id: id(1), name: '王秀英' };

const daughter: ProxyLink = {
  id: id(2),
  kind: 'family',
  displayName: '王小明',
  contact: '138****8000',
  addedAt: '2026-12-01T09:00:00.000Z',
  addedBy: 'office',
  reason: '行动不便，女儿代办',
};

const phone: PhoneSessionEntry = {
  id: id(3),
  current: false,
  remember: true,
  signedInAs: '王小明',
  asProxy: true,
  device: 'iPhone · Safari',
  createdAt: '2026-12-01T09:00:00.000Z',
  lastSeenAt: '2026-12-02T09:00:00.000Z',
  expiresAt: '2026-12-31T09:00:00.000Z',
};

describe('the Phone app section of a resident’s page', () => {
  it('lists who acts for the resident and their phones; ends a session, and removes a link only after a confirm', async () => {
    const removeProxy = vi.fn((_input: unknown) => ({ removed: true }));
    const revokePhoneSession = vi.fn((_input: unknown) => ({ revoked: true }));
    renderWithApp(<PhoneAppSection resident={resident} />, {
      api: fakeApi({
        'residents.proxies.query': () => [daughter],
        'residents.phoneSessions.query': () => [phone],
        'residents.removeProxy.mutate': removeProxy,
        'residents.revokePhoneSession.mutate': revokePhoneSession,
      }),
    });
    const proxies = await screen.findByRole('table', { name: 'Who may act for this resident' });
    expect(within(proxies).getByText('Family member')).toBeTruthy();
    expect(within(proxies).getByText('行动不便，女儿代办')).toBeTruthy();
    const phones = await screen.findByRole('table', { name: 'Signed-in phones' });
    expect(within(phones).getByText('Proxy')).toBeTruthy();

    fireEvent.click(within(phones).getByRole('button', { name: 'End session' }));
    await waitFor(() =>
      expect(revokePhoneSession).toHaveBeenCalledWith(
        expect.objectContaining({ residentId: resident.id, sessionId: phone.id }),
      ),
    );

    fireEvent.click(within(proxies).getByRole('button', { name: 'Remove' }));
    expect(removeProxy).not.toHaveBeenCalled();
    const confirm = await screen.findByRole('dialog');
    expect(within(confirm).getByText(/王小明 will no longer act for 王秀英/)).toBeTruthy();
    fireEvent.click(within(confirm).getByRole('button', { name: 'Remove' }));
    await waitFor(() =>
      expect(removeProxy).toHaveBeenCalledWith(
        expect.objectContaining({ residentId: resident.id, proxyId: daughter.id }),
      ),
    );
  });

  it.each([
    ['office', true],
    ['auditor', false],
  ] as const)(
    'is shown to the %s: %s (an auditor reads the resident, but does not manage their phone app)',
    async (role, shown) => {
      const detail: ResidentDetail = {
        ...resident,
        displayName: '王秀英',
        birthYear: 1948,
        building: '6',
        cardNumber: 'Q0001',
        showName: false,
        points: 120,
        minutes: 600,
        organizationIds: [],
        cardLocked: false,
        createdAt: '2026-01-01T00:00:00.000Z',
        organizations: [],
      };
      renderWithApp(
        <Route path="/residents/:id">
          <ResidentPage />
        </Route>,
        {
          user: staffUser(role),
          path: `/residents/${resident.id}`,
          api: fakeApi({
            'residents.get.query': () => detail,
            'ledger.journal.query': () => ({ items: [], nextCursor: null }),
            'residents.proxies.query': () => [],
            'residents.phoneSessions.query': () => [],
          }),
        },
      );
      await screen.findByRole('heading', { name: '王秀英' });
      expect(screen.queryByRole('heading', { name: 'Phone app' }) !== null).toBe(shown);
    },
  );
});
