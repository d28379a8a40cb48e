import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ApiFactory, CommunityFigures, KioskMode } from './api/kiosk-client';
import { MODE_REFRESH_MS } from './door/use-kiosk-mode';
import { KioskApp } from './kiosk-app';
import { doorActivity, fakeApi, refusal, renderInLanguage, resident } from './test/fake-api';

const figures: CommunityFigures = {
  communityName: { zh: '青桐社区', en: 'Q Community' },
  month: '2026-11',
  period: { kind: 'month', days: 20, from: '2026-11-01', to: '2026-11-20' },
  approvedMinutes: 21_480,
  approvedHours: 358,
  participants: 37,
  goals: [
    {
      id: 'g1',
      title: { zh: '庭院长椅', en: 'Benches' },
      description: { zh: '', en: '' },
      targetPoints: 3000,
      raisedPoints: 200,
    },
  ],
  thanks: ['刘超', '周磊'],
};

function renderKiosk(overrides: Parameters<typeof fakeApi>[0] = {}) {
  const signOut = vi.fn().mockResolvedValue({ ok: true });
  const tokens: (string | undefined)[] = [];
  const service = {
    community: () => Promise.resolve(figures),
    identify: () => Promise.resolve({ residentToken: 'resident-token', resident }),
    signOut,
    ...overrides,
  };
  const apiFor: ApiFactory = (session) => {
    tokens.push(session?.token);
    return fakeApi(service, session?.links);
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

  it('names the last 30 days early in a month, and never shows a big nought', async () => {
    const recent: CommunityFigures = {
      ...figures,
      month: '2026-12',
      period: { kind: 'recentDays', days: 30, from: '2026-11-08', to: '2026-12-07' },
    };
    renderKiosk({ community: () => Promise.resolve(recent) });
    await screen.findByText('The last 30 days together: 8 Nov – 7 Dec');
    expect(screen.getByText('358')).toBeTruthy();
  });

  it('says nothing has been approved yet rather than "0 hours"', async () => {
    const quiet: CommunityFigures = {
      ...figures,
      period: { kind: 'recentDays', days: 30, from: '2026-11-08', to: '2026-12-07' },
      approvedMinutes: 0,
      approvedHours: 0,
      participants: 0,
    };
    renderKiosk({ community: () => Promise.resolve(quiet) });
    await screen.findByText(/No service has been approved in the last 30 days yet/);
    expect(screen.queryByText('0')).toBeNull();
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
    expect(await screen.findByRole('heading', { name: '选择奖励' })).toBeTruthy();
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

describe('a kiosk in activity mode', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('opens on the activity’s door instead of the idle screen', async () => {
    renderKiosk({ mode: () => Promise.resolve({ activity: doorActivity() }) });
    await screen.findByRole('heading', { name: 'Lantern riddles evening' });
    screen.getByText('Tap your card, or type your card number');
    expect(screen.queryByRole('button', { name: /Start/ })).toBeNull();
  });

  it('learns while idle that the office switched it, and back', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    let mode: KioskMode = { activity: null };
    renderKiosk({ mode: () => Promise.resolve(mode) });
    await screen.findByRole('button', { name: /Start/ });

    mode = { activity: doorActivity() };
    await act(() => vi.advanceTimersByTimeAsync(MODE_REFRESH_MS));
    await screen.findByRole('heading', { name: 'Lantern riddles evening' });

    mode = { activity: null };
    await act(() => vi.advanceTimersByTimeAsync(MODE_REFRESH_MS));
    await screen.findByRole('button', { name: /Start/ });
  });

  it('leaves a resident at the screen alone, and opens the door once they sign out', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    let mode: KioskMode = { activity: null };
    renderKiosk({ mode: () => Promise.resolve(mode) });
    await signIn();
    mode = { activity: doorActivity() };
    await act(() => vi.advanceTimersByTimeAsync(MODE_REFRESH_MS + 1000));
    screen.getByText('Hello, 王秀英');

    fireEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    await act(() => vi.advanceTimersByTimeAsync(MODE_REFRESH_MS));
    await screen.findByRole('heading', { name: 'Lantern riddles evening' });
  });
});
