import { act, fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { SignedInGate } from '../../app';
import { apiError, fakeApi, renderWithApp, staffUser } from '../../test/render';

const user = staffUser('leader');

function fillIn(labels: [string, string, string], values: [string, string, string]) {
  labels.forEach((label, i) => {
    fireEvent.change(screen.getByLabelText(label, { exact: true }), {
      target: { value: values[i] },
    });
  });
}

describe('after a password reset', () => {
  it('shows only the new-password screen, says why, and opens the app once it is changed', async () => {
    const changes: unknown[] = [];
    const api = fakeApi({
      'auth.changePassword.mutate': (input) => {
        changes.push(input);
        return { ok: true };
      },
      'organizations.list.query': () => [],
      'service.list.query': () => ({ items: [], nextCursor: null }),
    });
    const { session } = renderWithApp(<SignedInGate />, { api, user: null });
    act(() => session.signIn('token', user, { mustChangePassword: true }));
    expect(screen.getByRole('heading', { name: 'Choose a new password' })).toBeTruthy();
    expect(screen.getByText(/The community office reset your password/)).toBeTruthy();
    expect(screen.queryByRole('navigation')).toBeNull();

    const labels: [string, string, string] = [
      'Current password',
      'New password',
      'New password again',
    ];
    fillIn(labels, ['temp-pass-word', 'leader is me 2026', 'leader is me 2026']);
    fireEvent.click(screen.getByRole('button', { name: 'Save and continue' }));
    expect(await screen.findByText(/must not contain your user name or your name/)).toBeTruthy();
    expect(changes).toEqual([]);

    fillIn(labels, ['temp-pass-word', 'tomatoes by the east wall', 'tomatoes by the east wall']);
    fireEvent.click(screen.getByRole('button', { name: 'Save and continue' }));
    expect(await screen.findByRole('navigation')).toBeTruthy();
    expect(changes).toEqual([
      { currentPassword: 'temp-pass-word', newPassword: 'tomatoes by the east wall' },
    ]);
    expect(session.getState().mustChangePassword).toBe(false);
  });

  it("shows the service's reason in the reader's language", async () => {
    const api = fakeApi({
      'auth.changePassword.mutate': () => {
        throw apiError('PASSWORD_REUSED');
      },
    });
    const { session } = renderWithApp(<SignedInGate />, { api, user: null, language: 'zh' });
    act(() => session.signIn('token', user, { mustChangePassword: true }));
    fillIn(
      ['当前密码', '新密码', '再次输入新密码'],
      ['old-one', 'tomatoes by the east wall', 'tomatoes by the east wall'],
    );
    fireEvent.click(screen.getByRole('button', { name: '保存并继续' }));
    expect(await screen.findByText(/不能是当前密码，也不能是最近 5 个密码之一/)).toBeTruthy();
  });
});
