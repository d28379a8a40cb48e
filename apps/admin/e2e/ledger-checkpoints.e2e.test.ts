import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { screenshot, signedInSession, switchLanguage } from './helpers';

// The ledger anchored outside the database, as the office lives it: the poster carries a
// checkpoint's code, the office keeps it (or the file), and the auditor verifies the ledger
// against it on the verify page.
describe('ledger checkpoints', () => {
  const session = signedInSession('office', { path: '/poster' });
  const page = () => session.page;
  const open = (path: string) => page().goto(`${session.service.url}/admin${path}`);

  let posterCode = '';

  it('prints the code of a signed checkpoint on the monthly poster', async () => {
    const line = page().getByTestId('poster-checkpoint');
    const text = (await line.textContent()) ?? '';
    expect(text).toMatch(/^Ledger checkpoint #\d+-[0-9A-Z]{4}-[0-9A-Z]{4} — keep this code/);
    posterCode = text.match(/#\d+-[0-9A-Z]{4}-[0-9A-Z]{4}/)?.[0] ?? '';
  });

  it('shows the newest checkpoint on the verify page, to copy or download', async () => {
    await open('/ledger/verify');
    const code = (await page().getByTestId('checkpoint-code').textContent()) ?? '';
    expect(code).toMatch(/^#\d+-/);
    const [download] = await Promise.all([
      page().waitForEvent('download'),
      page().getByRole('button', { name: 'Download the checkpoint file' }).click(),
    ]);
    const file = JSON.parse(await readFile(await download.path(), 'utf8'));
    expect(download.suggestedFilename()).toBe(`tally-checkpoint-${file.sequence}.json`);
    expect(file).toMatchObject({ format: 'tally-checkpoint/1', code, algorithm: 'ed25519' });
    expect(file.publicKey).toContain('BEGIN PUBLIC KEY');
  });

  it('catches a typing mistake in a code before verifying', async () => {
    const box = page().getByLabel('Checkpoint code');
    const last = posterCode.endsWith('A') ? 'B' : 'A';
    await box.fill(`${posterCode.slice(0, -1)}${last}`);
    await page().getByText('This code has a typing mistake: compare it with the poster.').waitFor();
    expect(await page().getByRole('button', { name: 'Verify now' }).isDisabled()).toBe(true);
  });

  it('verifies the ledger against the code from the poster, in both languages', async () => {
    await page().getByLabel('Checkpoint code').fill(posterCode.toLowerCase());
    await page().getByRole('button', { name: 'Verify now' }).click();
    await page()
      .getByRole('heading', { name: /^Verified: / })
      .waitFor();
    const anchor = page().getByTestId('verify-anchor');
    expect(await anchor.textContent()).toContain(
      `The checkpoint you gave, ${posterCode} (entries 1 to ${posterCode.slice(1).split('-')[0]}), still matches.`,
    );
    await screenshot(page(), 'verify-checkpoint.en');

    await switchLanguage(page(), 'zh');
    await page().getByRole('button', { name: '再次校验' }).click();
    await page()
      .getByRole('heading', { name: /^校验通过/ })
      .waitFor();
    expect(await anchor.textContent()).toContain(`您提供的检查点 ${posterCode}`);
    await screenshot(page(), 'verify-checkpoint.zh');
    await switchLanguage(page(), 'en');
  });

  it('lets the office sign the ledger now, and keeps it in the audit log', async () => {
    await page().getByRole('button', { name: 'Sign the ledger now' }).click();
    // The demo's ledger is already signed up to its newest entry: the same checkpoint again.
    await page()
      .getByText(/^Checkpoint #\d+-[0-9A-Z]{4}-[0-9A-Z]{4} signed\.$/)
      .waitFor();
    await open('/audit');
    await page().locator('tbody').getByText('Signed a ledger checkpoint').first().waitFor();
    expect(session.errors).toEqual([]);
  });
});
