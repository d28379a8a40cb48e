import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { fakeApi, renderWithApp, staffUser } from '../../test/render';
import { StreetPage } from './street-page';
import { streetCommunity, streetOverview } from './test-street';

const q = streetCommunity();
const wutong = streetCommunity({ name: { zh: '梧桐社区', en: 'Wutong Community' }, residents: 11 });
const fenglin = streetCommunity({
  name: { zh: '枫林社区', en: 'Fenglin Community' },
  active: false,
  lastServiceAt: null,
});
const overview = streetOverview([q, wutong, fenglin]);

const rowOf = async (name: string) => {
  const cell = await screen.findByText(name, { exact: false });
  const row = cell.closest('tr');
  if (!row) throw new Error(`no row for ${name}`);
  return within(row);
};

describe('the street page', () => {
  it('shows the communities side by side, the one being read, and which are closed', async () => {
    renderWithApp(<StreetPage />, {
      api: fakeApi({ 'street.get.query': () => overview }),
      user: staffUser('street'),
    });
    expect(await screen.findByRole('heading', { name: 'Chengnan Street', level: 1 })).toBeTruthy();
    expect((await rowOf('Q Community')).getByText('Reading now')).toBeTruthy();
    expect((await rowOf('Wutong Community')).getByText('11')).toBeTruthy();
    const closed = await rowOf('Fenglin Community');
    expect(closed.getByText('Closed')).toBeTruthy();
    expect(closed.getByText('None yet')).toBeTruthy();
    expect(closed.getByRole('button', { name: 'Reopen Fenglin Community' })).toBeTruthy();
  });

  it('opens a community for reading and starts at its reports', async () => {
    const open = vi.fn((input: { communityId: string }) => ({
      ...overview,
      openCommunityId: input.communityId,
    }));
    const { location } = renderWithApp(<StreetPage />, {
      api: fakeApi({ 'street.get.query': () => overview, 'street.open.mutate': open }),
      user: staffUser('street'),
    });
    fireEvent.click(
      (await rowOf('Wutong Community')).getByRole('button', { name: 'Read Wutong Community' }),
    );
    await vi.waitFor(() => expect(open).toHaveBeenCalledWith({ communityId: wutong.id }));
    await vi.waitFor(() => expect(location.history?.at(-1)).toBe('/reports'));
  });

  it('closes a community only with a reason, after saying what closing does', async () => {
    const deactivate = vi.fn((_input: { communityId: string; reason: string }) => ({
      ...wutong,
      active: false,
    }));
    renderWithApp(<StreetPage />, {
      api: fakeApi({
        'street.get.query': () => overview,
        'street.deactivateCommunity.mutate': deactivate,
      }),
      user: staffUser('street'),
    });
    fireEvent.click(
      (await rowOf('Wutong Community')).getByRole('button', { name: 'Close Wutong Community' }),
    );
    const dialog = within(await screen.findByRole('dialog'));
    expect(dialog.getByText(/Its staff can no longer sign in/)).toBeTruthy();
    fireEvent.click(dialog.getByRole('button', { name: 'Close the community' }));
    expect(dialog.getByText('Say why.')).toBeTruthy();
    expect(deactivate).not.toHaveBeenCalled();
    fireEvent.change(dialog.getByLabelText('Reason'), { target: { value: ' 并入青桐社区 ' } });
    fireEvent.click(dialog.getByRole('button', { name: 'Close the community' }));
    await vi.waitFor(() => expect(deactivate).toHaveBeenCalledOnce());
    expect(deactivate.mock.calls[0]?.[0]).toMatchObject({
      communityId: wutong.id,
      reason: '并入青桐社区',
    });
    expect(await screen.findByText('Wutong Community is closed.')).toBeTruthy();
  });

  it('opens a new community with its first office account, checking the form first', async () => {
    const create = vi.fn((input: { name: { zh: string; en: string } }) =>
      streetCommunity({ name: input.name }),
    );
    renderWithApp(<StreetPage />, {
      api: fakeApi({
        'street.get.query': () => overview,
        'street.createCommunity.mutate': create,
      }),
      user: staffUser('street'),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Open a new community' }));
    const dialog = within(await screen.findByRole('dialog'));
    const submit = () =>
      fireEvent.click(dialog.getByRole('button', { name: 'Open a new community' }));
    submit();
    expect(dialog.getByText('Give the name in at least one language.')).toBeTruthy();
    expect(create).not.toHaveBeenCalled();
    fireEvent.change(dialog.getByLabelText('Name (Chinese)'), { target: { value: '松柏社区' } });
    fireEvent.change(dialog.getByLabelText('User name'), { target: { value: 'Songbai-Office' } });
    fireEvent.change(dialog.getByLabelText('Name shown'), { target: { value: '林芳' } });
    fireEvent.change(dialog.getByLabelText('Temporary password'), {
      target: { value: 'pines by the gate' },
    });
    submit();
    await vi.waitFor(() => expect(create).toHaveBeenCalledOnce());
    expect(create.mock.calls[0]?.[0]).toMatchObject({
      name: { zh: '松柏社区', en: '' },
      timeZone: 'Asia/Shanghai',
      office: { username: 'songbai-office', displayName: '林芳', password: 'pines by the gate' },
    });
    expect(await screen.findByText(/Its office signs in as songbai-office/)).toBeTruthy();
  });
});
