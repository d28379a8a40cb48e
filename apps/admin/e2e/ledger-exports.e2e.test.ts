import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { apiToken, callApi, demoCommunityId, signedInSession, switchLanguage } from './helpers';

type ResidentRow = { cardNumber: string; name: string; points: number; minutes: number };

// The streamed CSV exports, downloaded as a person would: a button on the auditor's pages.
describe('CSV exports of the ledger', () => {
  const session = signedInSession('auditor');

  async function download(buttonName: string) {
    const [file] = await Promise.all([
      session.page.waitForEvent('download'),
      session.page.getByRole('button', { name: buttonName }).click(),
    ]);
    const text = await readFile(await file.path(), 'utf8');
    return { name: file.suggestedFilename(), lines: text.split('\r\n') };
  }

  it('downloads balances.csv from the auditor’s home: a header, then every resident by card', async () => {
    const { name, lines } = await download('Download Balances (CSV)');
    expect(name).toMatch(/^tally-balances-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(lines[0]).toBe('\uFEFFCard number,Name,Points,Minutes,Time credit (minutes)');

    // The first resident by card number, with the balances the API reports for them.
    const token = await apiToken(session.service.url, 'auditor');
    const answer = await callApi(session.service.url, 'residents.list', {
      token,
      input: { query: 'Q0001', limit: 5 },
    });
    const items = (answer.result?.data as { items: ResidentRow[] } | undefined)?.items ?? [];
    const first = items.find((resident) => resident.cardNumber === 'Q0001');
    expect(first).toBeDefined();
    // Their time credit as they read it on their phone.
    const phone = await callApi(session.service.url, 'me.signIn', {
      method: 'POST',
      input: {
        cardNumber: 'Q0001',
        pin: '1234',
        remember: false,
        communityId: await demoCommunityId(session.service.url),
      },
    });
    const phoneToken = (phone.result?.data as { token: string } | undefined)?.token;
    const credit = await callApi(session.service.url, 'timebank.balance', { token: phoneToken });
    const { balance } = (credit.result?.data as { balance: number } | undefined) ?? {};
    expect(balance).toBeGreaterThan(0);
    expect(lines[1]).toBe(`Q0001,${first?.name},${first?.points},${first?.minutes},${balance}`);
    expect(lines[2]).toMatch(/^Q0002,/);
    await session.page.getByText(/^tally-balances-.*\.csv downloaded \(.+\)\.$/).waitFor();
  });

  it('downloads the journal from the journal page, with Chinese headers in Chinese', async () => {
    await session.page.goto(`${session.service.url}/admin/ledger`);
    await switchLanguage(session.page, 'zh');
    const { name, lines } = await download('下载流水（CSV）');
    expect(name).toMatch(/^tally-journal-.*\.csv$/);
    expect(lines[0]).toMatch(/^\uFEFF序号,时间,类型,说明,原始摘要,操作者类型,操作者,/);
    expect(lines[1]).toMatch(/^1,/);
    await switchLanguage(session.page, 'en');
    expect(session.errors).toEqual([]);
  });

  it('keeps the downloads in the audit log, under the auditor’s name', async () => {
    await session.page.goto(`${session.service.url}/admin/audit`);
    // In the table (the action filter lists the same words).
    const table = session.page.getByRole('table');
    await table.getByText('Downloaded the balances').waitFor();
    await table.getByText('Downloaded the journal').waitFor();
  });
});
