import { fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithApp, staffUser } from '../../test/render';
import { ExportPanel } from './export-panel';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('the CSV export buttons', () => {
  it('fetch the file with the tab’s token, in the page’s language, and save it', async () => {
    const fetch = vi.fn(
      async (_url: string, _init?: RequestInit) =>
        new Response(
          '\uFEFF卡号,姓名,积分,服务时长(分钟),时间币(分钟)\r\nQ0001,王刚,120,600,60\r\n',
          {
            headers: {
              'content-type': 'text/csv; charset=utf-8',
              'content-disposition': 'attachment; filename="tally-balances-2026-11-28.csv"',
            },
          },
        ),
    );
    vi.stubGlobal('fetch', fetch);
    const createObjectURL = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:export');
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    renderWithApp(<ExportPanel />, { user: staffUser('auditor'), language: 'zh' });

    fireEvent.click(screen.getByRole('button', { name: '下载余额（CSV）' }));
    await screen.findByText(/tally-balances-2026-11-28\.csv 已下载/);
    const [url, init] = fetch.mock.calls[0] ?? [];
    expect(url).toBe('/exports/balances.csv?lang=zh');
    expect(new Headers(init?.headers).get('Authorization')).toBe('Bearer test-token');
    const blob = createObjectURL.mock.calls[0]?.[0] as Blob;
    expect(await blob.text()).toContain('Q0001,王刚,120,600');
    expect(click).toHaveBeenCalled();
  });

  it('say why when the service refuses', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(
        async () =>
          new Response(JSON.stringify({ domainCode: 'FORBIDDEN', message: 'Not for you' }), {
            status: 403,
            headers: { 'content-type': 'application/json' },
          }),
      ),
    );
    renderWithApp(<ExportPanel />, { user: staffUser('auditor') });
    fireEvent.click(screen.getByRole('button', { name: 'Download Journal (CSV)' }));
    expect((await screen.findByRole('alert')).textContent).toBe('You are not allowed to do this.');
  });
});
