import type { Community } from '@tally/domain/communities';
import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { fakeApi, renderWithApp, staffUser } from '../../test/render';
import { CommunityPage } from './community-page';

const community = (name: Community['name']): Community => ({
  id: '00000000-0000-4000-8000-000000000001',
  name,
  timeZone: 'Asia/Shanghai',
  noticeDays: 7,
  createdAt: '2026-11-27T02:00:00.000Z',
});

describe('the community page', () => {
  it('shows the name in each language, and says which one was not given', async () => {
    renderWithApp(<CommunityPage />, {
      api: fakeApi({ 'community.get.query': () => community({ zh: '青桐社区', en: '' }) }),
      user: staffUser('auditor'),
    });
    expect((await screen.findByTestId('community-name-zh')).textContent).toBe('青桐社区');
    expect(screen.getByTestId('community-name-en').textContent).toContain('Not given');
    expect(screen.getByText(/\(Asia\/Shanghai\)/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Rename' })).toBeNull();
    expect(screen.getByText('The community office changes the community’s name.')).toBeTruthy();
  });

  it('lets the office rename it in both languages, one of them at least', async () => {
    const update = vi.fn((input: { name: Community['name'] }) => community(input.name));
    renderWithApp(<CommunityPage />, {
      api: fakeApi({
        'community.get.query': () => community({ zh: '青桐社区', en: 'Q Community' }),
        'community.update.mutate': update,
      }),
      user: staffUser('office'),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Rename' }));
    const zh = screen.getByLabelText('Name (Chinese)');
    const en = screen.getByLabelText('Name (English)');
    expect((zh as HTMLInputElement).value).toBe('青桐社区');
    fireEvent.change(zh, { target: { value: ' ' } });
    fireEvent.change(en, { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(update).not.toHaveBeenCalled();
    fireEvent.change(zh, { target: { value: ' 青桐里社区 ' } });
    fireEvent.change(en, { target: { value: 'Qingtong Community' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await vi.waitFor(() => expect(update).toHaveBeenCalledOnce());
    expect(update.mock.calls[0]?.[0]).toMatchObject({
      name: { zh: '青桐里社区', en: 'Qingtong Community' },
    });
  });
});
