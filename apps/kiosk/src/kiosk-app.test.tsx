import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { CommunityFigures } from './api/kiosk-client';
import { KioskApp } from './kiosk-app';
import { fakeApi, refusal, renderInLanguage, resident } from './test/fake-api';

const figures: CommunityFigures = {
  communityName: 'Q Community',
  month: '2026-11',
  approvedMinutes: 21_480,
  approvedHours: 358,
  participants: 37,
  goals: [
    {
      id: 'g1',
      title: 'Benches · 庭院长椅',
      description: '',
      targetPoints: 3000,
      raisedPoints: 200,
    },
  ],
  thanks: ['刘超', '周磊'],
};

function renderKiosk(overrides: Parameters<typeof fakeApi>[0] = {}) {
  const signOut = vi.fn().mockResolvedValue({ ok: true });
  const tokens: (string | undefined)[] = [];
  const api = fakeApi({
    community: () => Promise.resolve(figures),
    identify: () => Promise.resolve({ residentToken: 'resident-token', resident }),
    signOut,
    ...overrides,
  });
  const apiFor = (token?: string) => {
    tokens.push(token);
    return api;
  };
  renderInLanguage(
    <KioskApp apiFor={apiFor} idleSeconds={60} language="en" onDeviceRefused={() => undefined} />,
  );
  return { signOut, tokens };
}

async function signIn() {
  fireEvent.click(await screen.findByRole('button', { name: /Start/ }));
  fireEvent.change(screen.getByLabelText('Card number'), { target: { value: 'q0001' } });
  fireEvent.click(screen.getByRole('button', { name: 'Next' }));
  fireEvent.change(screen.getByLabelText('PIN'), { target: { value: '1234' } });
  fireEvent.click(screen.getByRole('button', { name: 'OK' }));
  await screen.findByText('Hello, 王秀英');
}

describe('the kiosk', () => {
  it('shows the community, not a person, while idle', async () => {
    renderKiosk();
    await screen.findByText('What we did together in November 2026');
    expect(screen.getByText('358')).toBeTruthy();
    expect(screen.getByText('Benches')).toBeTruthy();
    expect(screen.getByText('刘超')).toBeTruthy();
  });

  it('opens on the rewards once a resident is identified, with their points in view', async () => {
    const { tokens } = renderKiosk();
    await signIn();
    expect(screen.getByRole('heading', { name: 'Choose a reward' })).toBeTruthy();
    expect(screen.getByTestId('balance-points').textContent).toBe('300');
    expect(tokens).toContain('resident-token');
  });

  it('forgets everything about the resident when they sign out', async () => {
    const { signOut } = renderKiosk();
    await signIn();
    fireEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    await screen.findByText('What we did together in November 2026');
    expect(signOut).toHaveBeenCalledTimes(1);
    expect(screen.queryByText(/王秀英/)).toBeNull();
    expect(screen.queryByTestId('balance-points')).toBeNull();
  });

  it('switches language with one tap, and returns to the device language for the next person', async () => {
    renderKiosk();
    await signIn();
    fireEvent.click(screen.getByRole('button', { name: '中文' }));
    expect(await screen.findByRole('heading', { name: '选择礼品' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '退出' }));
    await screen.findByText('What we did together in November 2026');
  });

  it('asks for the PIN again when the service has ended the session', async () => {
    renderKiosk({ catalog: () => Promise.reject(refusal('SESSION_EXPIRED', undefined, 401)) });
    await signIn().catch(() => undefined);
    await screen.findByText('For your safety you were signed out. Please enter your PIN again.');
    expect(screen.getByText('Enter the PIN for card Q0001, then press OK.')).toBeTruthy();
    await waitFor(() => expect(screen.queryByText(/王秀英/)).toBeNull());
  });
});
