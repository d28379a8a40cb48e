import { readFile } from 'node:fs/promises';
import { type RunningService, startService } from '@tally/e2e/service';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiToken, callApi, openBrowser, signIn, switchLanguage } from './helpers';

type ResidentRow = { cardNumber: string; name: string; points: number; minutes: number };

// The streamed CSV exports, downloaded as a person would: a button on the auditor's pages.
describe('CSV exports of the ledger', () => {
  let service: RunningService;
  let browser: BrowserContext;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    service = await startService();
    browser = await openBrowser();
    page = await browser.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    await signIn(page, service.url, 'auditor');
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await service?.stop();
  });

  async function download(buttonName: string) {
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: buttonName }).click(),
    ]);
    const text = await readFile(await file.path(), 'utf8');
    return { name: file.suggestedFilename(), lines: text.split('\r\n') };
  }

  it('downloads balances.csv from the auditor’s home: a header, then every resident by card', async () => {
    const { name, lines } = await download('Download Balances (CSV)');
    expect(name).toMatch(/^tally-balances-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(lines[0]).toBe('\uFEFFCard number,Name,Points,Minutes');

    // The first resident by card number, with the balances the API reports for them.
    const token = await apiToken(service.url, 'auditor');
    const answer = await callApi(service.url, 'residents.list', {
      token,
      input: { query: 'Q0001', limit: 5 },
    });
    const items = (answer.result?.data as { items: ResidentRow[] } | undefined)?.items ?? [];
    const first = items.find((resident) => resident.cardNumber === 'Q0001');
    expect(first).toBeDefined();
    expect(lines[1]).toBe(`Q0001,${first?.name},${first?.points},${first?.minutes}`);
    expect(lines[2]).toMatch(/^Q0002,/);
    await page.getByText(/^tally-balances-.*\.csv downloaded \(.+\)\.$/).waitFor();
  });

  it('downloads the journal from the journal page, with Chinese headers in Chinese', async () => {
    await page.goto(`${service.url}/admin/ledger`);
    await switchLanguage(page, 'zh');
    const { name, lines } = await download('下载流水（CSV）');
    expect(name).toMatch(/^tally-journal-.*\.csv$/);
    expect(lines[0]).toMatch(/^\uFEFF序号,时间,类型,摘要,操作者类型,操作者,/);
    expect(lines[1]).toMatch(/^1,/);
    await switchLanguage(page, 'en');
    expect(errors).toEqual([]);
  });

  it('keeps the downloads in the audit log, under the auditor’s name', async () => {
    await page.goto(`${service.url}/admin/audit`);
    await page.getByText('Downloaded the balances').waitFor();
    await page.getByText('Downloaded the journal').waitFor();
  });
});
