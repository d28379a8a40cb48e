import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from './app';
import { createI18n } from './i18n/i18n';
import { LocationProvider } from './router/location';
import { activity, fakeMeApi, refusal, session } from './test/fake-me-api';

function renderApp(api: ReturnType<typeof fakeMeApi>, path: string) {
  window.history.replaceState(null, '', path);
  const storages = { local: localStorage, session: sessionStorage };
  return render(
    <I18nextProvider i18n={createI18n('en')}>
      <LocationProvider>
        <App storages={storages} makeApi={() => api} />
      </LocationProvider>
    </I18nextProvider>,
  );
}

function signInWith(card: string, pin: string) {
  fireEvent.change(screen.getByLabelText('Card number'), { target: { value: card } });
  fireEvent.change(screen.getByLabelText('PIN'), { target: { value: pin } });
  fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('the resident app', () => {
  beforeEach(() => {
    localStorage.clear();
    sessionStorage.clear();
  });

  it('signs in first when an activity link is opened signed out, then lands on the activity', async () => {
    const signIn = vi.fn().mockResolvedValue({ token: 'tok', expiresAt: '', resident: {} });
    const api = fakeMeApi({
      communities: { query: async () => [{ id: 'c1', name: { zh: 'Q社区', en: 'Q Community' } }] },
      signIn: { mutate: signIn },
      session: { query: async () => session },
      activity: { query: async () => activity() },
    });
    renderApp(api, '/me/activities/a1');
    await screen.findByRole('heading', { name: 'Sign in' });
    expect(window.location.pathname).toBe('/me/sign-in');
    signInWith('Q0001', '4071');
    await screen.findByRole('heading', { name: 'Riverside walk' });
    expect(window.location.pathname).toBe('/me/activities/a1');
    expect(signIn).toHaveBeenCalledWith({
      communityId: 'c1',
      cardNumber: 'Q0001',
      pin: '4071',
      remember: false,
    });
    // Not remembered: the token lives only as long as the browser.
    expect(sessionStorage.getItem('tally.me.token')).toBe('tok');
    expect(localStorage.getItem('tally.me.token')).toBeNull();
  });

  it('shows a locked card with when to retry instead of the form', async () => {
    const api = fakeMeApi({
      communities: { query: async () => [] },
      signIn: {
        mutate: () =>
          Promise.reject(refusal('PIN_LOCKED', { lockedUntil: '2026-12-07T10:15:00Z' }, 429)),
      },
    });
    renderApp(api, '/me/');
    await screen.findByRole('heading', { name: 'Sign in' });
    signInWith('Q0001', '0000');
    await screen.findByRole('heading', { name: 'This card is locked for now' });
    expect(screen.queryByLabelText('PIN')).toBeNull();
    screen.getByText(/You can try again after/);
  });

  it('goes back to sign in, saying why, when the session has ended', async () => {
    sessionStorage.setItem('tally.me.token', 'old');
    const api = fakeMeApi({
      communities: { query: async () => [] },
      session: { query: () => Promise.reject(refusal('SESSION_EXPIRED', undefined, 401)) },
    });
    renderApp(api, '/me/history');
    await screen.findByText(
      'You were signed out because your session ended. Please sign in again.',
    );
    screen.getByRole('heading', { name: 'Sign in' });
    expect(sessionStorage.getItem('tally.me.token')).toBeNull();
    await waitFor(() => expect(window.location.search).toBe('?next=%2Fme%2Fhistory'));
  });

  it('shows the proxy banner while acting for someone else', async () => {
    sessionStorage.setItem('tally.me.token', 'tok');
    const api = fakeMeApi({
      session: {
        query: async () => ({
          ...session,
          signedInAs: { kind: 'family', id: 'f1', displayName: '王小明' },
          asProxy: true,
          canActFor: [session.canActFor[0], { residentId: 'r2', displayName: '李桂兰' }],
        }),
      },
      summary: { query: () => new Promise(() => undefined) },
    });
    renderApp(api, '/me/');
    expect((await screen.findByTestId('proxy-banner')).textContent).toMatch(/Acting for 王秀英/);
    screen.getByRole('button', { name: 'Switch' });
  });

  it('signs a family member in by phone and PIN, and asks whom they act for first', async () => {
    const family = {
      ...session,
      signedInAs: { kind: 'family' as const, id: 'f1', displayName: '王小明' },
      actingFor: null,
      asProxy: true,
      canActFor: [
        { residentId: 'r1', displayName: '王秀英' },
        { residentId: 'r2', displayName: '李桂兰' },
      ],
    };
    const signInFamily = vi
      .fn()
      .mockResolvedValue({ token: 'fam', expiresAt: '', name: '王小明', actsFor: [] });
    const actFor = vi.fn().mockResolvedValue({ ...family, actingFor: family.canActFor[1] });
    const api = fakeMeApi({
      communities: { query: async () => [] },
      signInFamily: { mutate: signInFamily },
      session: { query: async () => family },
      actFor: { mutate: actFor },
      summary: { query: () => new Promise(() => undefined) },
    });
    renderApp(api, '/me/');
    await screen.findByRole('heading', { name: 'Sign in' });
    fireEvent.click(screen.getByRole('button', { name: 'Family member' }));
    fireEvent.change(screen.getByLabelText('Phone number'), { target: { value: '13800138000' } });
    fireEvent.change(screen.getByLabelText('PIN'), { target: { value: '4071' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await screen.findByRole('heading', { name: 'Whom are you acting for?' });
    expect(signInFamily).toHaveBeenCalledWith({
      phone: '13800138000',
      pin: '4071',
      remember: false,
    });
    fireEvent.click(screen.getByRole('button', { name: '李桂兰' }));
    expect((await screen.findByTestId('proxy-banner')).textContent).toMatch(/Acting for 李桂兰/);
    expect(actFor).toHaveBeenCalledWith({ residentId: 'r2' });
  });
});
