import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Invitation, InvitationAnswer } from '../api/kiosk-client';
import { ResidentArea } from '../resident/resident-area';
import { fakeApi, renderInLanguage, resident } from '../test/fake-api';

const invitation: Invitation = {
  id: '5b0c8f7e-1d2a-4f8e-9c3b-2a1d0e9f8c7b',
  organizationName: { zh: '阳光志愿队', en: 'Sunshine Volunteers' },
  organizationDescription: { zh: '探访独居老人。', en: 'Visits to older neighbours.' },
  invitedBy: '张伟',
  invitedAt: '2026-12-02T12:00:00Z',
};

function renderArea(api: ReturnType<typeof fakeApi>, language: 'en' | 'zh' = 'en') {
  return renderInLanguage(
    <ResidentArea
      api={api}
      resident={resident}
      communityName="Q Community"
      onResident={() => undefined}
      onSignOut={() => undefined}
    />,
    language,
  );
}

describe('invitations at the kiosk', () => {
  it('announces a waiting invitation on the home screen and lets the resident join', async () => {
    const answers: InvitationAnswer[] = [];
    const answerInvitation = vi.fn((input: InvitationAnswer) => {
      answers.push(input);
      return Promise.resolve({
        invitationId: invitation.id,
        organizationName: invitation.organizationName,
        status: 'joined' as const,
      });
    });
    renderArea(fakeApi({ invitations: () => Promise.resolve([invitation]), answerInvitation }));
    await screen.findByText('You have an invitation to join Sunshine Volunteers.');
    // The catalog stays usable underneath: nothing blocks the resident.
    expect(screen.getByRole('heading', { name: 'Choose a reward' })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'See the invitation' }));
    expect(screen.getByRole('heading', { name: 'Sunshine Volunteers' })).toBeTruthy();
    expect(screen.getByText(/Invited by 张伟 on 2 Dec/)).toBeTruthy();
    expect(screen.getByText(/leaders can see your name, building, birth year/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Join' }));
    await screen.findByText('You have joined Sunshine Volunteers. Welcome!');
    expect(answers).toEqual([
      { idempotencyKey: expect.any(String), invitationId: invitation.id, answer: 'join' },
    ]);
  });

  it('lets a resident say no in Chinese, and shows no banner once none are waiting', async () => {
    let waiting = [invitation];
    const answerInvitation = vi.fn(() => {
      waiting = [];
      return Promise.resolve({
        invitationId: invitation.id,
        organizationName: invitation.organizationName,
        status: 'declined' as const,
      });
    });
    renderArea(fakeApi({ invitations: () => Promise.resolve(waiting), answerInvitation }), 'zh');
    fireEvent.click(await screen.findByRole('button', { name: '查看邀请' }));
    fireEvent.click(screen.getByRole('button', { name: '不用了，谢谢' }));
    await screen.findByText('您已谢绝阳光志愿队的邀请，对方看不到您的信息。');
    fireEvent.click(screen.getByRole('button', { name: '完成' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: '查看邀请' })).toBeNull());
  });
});
