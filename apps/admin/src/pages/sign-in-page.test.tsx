import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { apiError, fakeApi, renderWithApp, staffUser } from '../test/render';
import { SignInPage } from './sign-in-page';

const fill = () => {
  fireEvent.change(screen.getByLabelText('User name'), { target: { value: ' Office ' } });
  fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'secret' } });
  fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
};

describe('signing in', () => {
  it('says, in the reader’s language, why a sign-in failed', async () => {
    const api = fakeApi({
      'auth.login.mutate': () => {
        throw apiError('INVALID_CREDENTIALS', 'The user name or password is not right.');
      },
    });
    renderWithApp(<SignInPage notice={null} />, { api, user: null, language: 'zh' });
    fireEvent.change(screen.getByLabelText('用户名'), { target: { value: 'office' } });
    fireEvent.change(screen.getByLabelText('密码'), { target: { value: 'nope' } });
    fireEvent.click(screen.getByRole('button', { name: '登录' }));
    expect(await screen.findByText('用户名或密码不正确。')).toBeTruthy();
  });

  it('keeps the session token for the tab and the user it belongs to', async () => {
    const user = staffUser('office');
    const api = fakeApi({
      'auth.login.mutate': (input) => {
        expect(input).toEqual({ username: 'Office', password: 'secret' });
        return { token: 'the-token', expiresAt: new Date().toISOString(), user };
      },
    });
    const { session } = renderWithApp(<SignInPage notice={null} />, { api, user: null });
    fill();
    await screen.findByRole('button', { name: 'Sign in' });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(session.getState()).toMatchObject({ token: 'the-token', user });
    expect(window.sessionStorage.getItem('tally.admin.token')).toBe('the-token');
  });

  it('explains that a session ended', () => {
    renderWithApp(<SignInPage notice="expired" />, { user: null });
    expect(screen.getByText('Your session has ended. Please sign in again.')).toBeTruthy();
  });
});
