import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Certificate } from '@tally/domain/certificates';
import type { Poster } from '@tally/domain/insights';
import { maskName } from '@tally/domain/masked-name';
import { seriousAccessibilityViolations } from '@tally/e2e/axe';
import { directUrl } from '@tally/e2e/service';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  apiToken,
  callApi,
  LAPTOP,
  openBrowser,
  screenshot,
  signedInSession,
  switchLanguage,
  TABLET,
} from './helpers';

const output = fileURLToPath(new URL('../e2e-output/', import.meta.url));
mkdirSync(output, { recursive: true });

// Paper sizes in PDF points (1/72 inch).
const A4 = { width: 595.28, height: 841.89 };
const A3 = { width: 841.89, height: 1190.55 };

/** The pages of a PDF Chromium wrote, each with its size. */
function pdfPages(pdf: Buffer): { width: number; height: number }[] {
  const text = pdf.toString('latin1');
  expect(text.startsWith('%PDF-')).toBe(true);
  const boxes = [...text.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)];
  const pages = (text.match(/\/Type\s*\/Page\b(?!s)/g) ?? []).length;
  expect(boxes.length).toBeGreaterThanOrEqual(pages);
  return boxes.slice(0, pages).map(([, width, height]) => ({
    width: Number(width),
    height: Number(height),
  }));
}

function expectPaper(page: { width: number; height: number } | undefined, paper: typeof A4) {
  expect(page).toBeDefined();
  expect(Math.abs((page?.width ?? 0) - paper.width)).toBeLessThan(3);
  expect(Math.abs((page?.height ?? 0) - paper.height)).toBeLessThan(3);
}

/** A month counted back from today in the demo community's own calendar (Asia/Shanghai). */
function monthBefore(months: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  const [year = 0, month = 1] = today.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1 - months, 15)).toISOString().slice(0, 7);
}

describe('service certificates and the monthly poster', () => {
  const session = signedInSession('office');
  let token: string;

  beforeAll(async () => {
    token = await apiToken(session.service.url, 'office');
  });

  const open = (path: string) => session.page.goto(`${session.service.url}/admin${path}`);
  const dialog = () => session.page.getByRole('dialog');

  /** What the printed sheet looks like: a window of A4's proportions (96 dpi), in print media. */
  async function screenshotOnPaper(name: string) {
    await session.page.setViewportSize({ width: 794, height: 1123 });
    await screenshot(session.page, name, { fullPage: false });
    await session.page.setViewportSize(LAPTOP);
  }

  async function certificate(number: string): Promise<Certificate> {
    const answer = await callApi(session.service.url, 'certificates.get', {
      token,
      input: { number },
    });
    return answer.result?.data as Certificate;
  }

  it('issues a certificate through the dialog, prints it to PDF, and anyone can check it', async () => {
    await open('/certificates');
    await session.page.getByRole('heading', { name: 'Service certificates' }).waitFor();
    await session.page.getByRole('button', { name: 'Issue a certificate' }).click();
    await dialog().getByLabel('Resident').fill('Q0002');
    await dialog().getByRole('button', { name: 'Choose' }).first().click();
    await dialog().getByText('Q0002').waitFor();
    // The last 12 months are suggested, ending today.
    const from = await dialog().getByLabel('Service from').inputValue();
    const to = await dialog().getByLabel('Service until').inputValue();
    expect(to > from).toBe(true);
    await dialog().getByText('Only service the office approved').waitFor();
    await screenshot(session.page, 'certificate-issue.en', { fullPage: false });
    await dialog().getByRole('button', { name: 'Issue certificate' }).click();
    await dialog().getByRole('heading', { name: 'Certificate issued' }).waitFor();
    const number = (await dialog().getByTestId('certificate-number').textContent()) ?? '';
    expect(number).toMatch(/^[A-Z]-\d{4}(-[0-9A-HJKMNP-TV-Z]{4}){4}$/);
    const issued = await certificate(number);
    expect(issued.content.resident.cardNumber).toBe('Q0002');
    expect(issued.content.period).toEqual({ from, to });
    expect(issued.content.totalMinutes).toBeGreaterThan(0);
    await dialog()
      .getByRole('img', { name: `QR code of the verification page for certificate ${number}` })
      .waitFor();
    await screenshot(session.page, 'certificate-issued.en', { fullPage: false });

    // The printable page, in a new tab, signed in by the session cookie.
    const [printable] = await Promise.all([
      session.page.waitForEvent('popup'),
      dialog()
        .getByRole('link', { name: `Open printable certificate ${number} (opens in a new tab)` })
        .click(),
    ]);
    await printable.waitForLoadState('networkidle');
    const sheet = printable.locator('main.sheet');
    const { name } = issued.content.resident;
    const hours = String(issued.content.totalHours);
    await expect.poll(() => sheet.textContent()).toContain(name);
    const text = (await sheet.textContent()) ?? '';
    expect(text).toContain(number);
    expect(text).toContain(`${hours} 小时`);
    expect(text).toContain(`${hours} hours`);
    // Its address and QR code are PUBLIC_URL's, the LAN name the office uses.
    expect(text).toContain(`${session.service.url}/verify/${number}`);
    expect(text).toContain(`/verify/${number}`);
    // The print button shows once its script has run (the content policy allows no inline one).
    await printable.getByRole('button', { name: /Print \/ Save as PDF/ }).waitFor();
    await screenshot(printable, 'certificate-print');
    expect(await seriousAccessibilityViolations(printable)).toEqual([]);
    const pdf = await printable.pdf({ format: 'A4' });
    writeFileSync(`${output}certificate.pdf`, pdf);
    const pages = pdfPages(pdf);
    expect(pages).toHaveLength(1);
    expectPaper(pages[0], A4);
    await printable.close();

    // The public check, with no one signed in: plain HTTP and a fresh browser. The public sees
    // what proves the certificate, with the name masked.
    const checked = await fetch(`${directUrl(session.service.url)}/verify/${number}`);
    expect(checked.status).toBe(200);
    const html = await checked.text();
    expect(html).toContain('Genuine');
    expect(html).toContain(maskName(name));
    expect(html).not.toContain(name);
    const stranger = await openBrowser();
    try {
      const visitor = await stranger.newPage();
      await visitor.goto(`${session.service.url}/verify/${number}`);
      await visitor
        .getByRole('status')
        .getByText(/Genuine/)
        .waitFor();
      await visitor.getByText(maskName(name)).waitFor();
      await screenshot(visitor, 'certificate-verify');
    } finally {
      await stranger.close();
    }

    await dialog().getByRole('button', { name: 'Done' }).click();
    const row = session.page.locator('tbody tr', { hasText: number });
    await row.getByText(name).waitFor();
    await row
      .getByRole('link', {
        name: `Verification page of certificate ${number} (opens in a new tab)`,
      })
      .waitFor();
    await screenshot(session.page, 'certificates.en');
    expect(await seriousAccessibilityViolations(session.page)).toEqual([]);
    await session.page.setViewportSize(TABLET);
    await session.page.waitForTimeout(500); // the menu slides away as a drawer
    await screenshot(session.page, 'certificates.tablet.en');
    await session.page.setViewportSize(LAPTOP);
    await switchLanguage(session.page, 'zh');
    await session.page.getByRole('heading', { name: '服务证明' }).waitFor();
    await screenshot(session.page, 'certificates.zh');
    await session.page.getByRole('button', { name: '开具证明' }).click();
    await dialog().getByText('证明包含哪些内容').waitFor();
    await screenshot(session.page, 'certificate-issue.zh', { fullPage: false });
    await dialog().getByRole('button', { name: '取消' }).click();
    await switchLanguage(session.page, 'en');
  });

  it('issues a certificate from the resident’s page with the resident already chosen', async () => {
    const found = await callApi(session.service.url, 'residents.list', {
      token,
      input: { query: 'Q0003', limit: 1 },
    });
    const data = found.result?.data as { items: { id: string; name: string }[] } | undefined;
    const resident = data?.items[0];
    if (!resident) throw new Error('the demo has no Q0003');
    await open(`/residents/${resident.id}`);
    await session.page.getByRole('button', { name: 'Issue a certificate' }).click();
    await dialog().getByText('Q0003').waitFor();
    // A period that ends before it starts is caught before anything is sent.
    await dialog().getByLabel('Service until').fill('2020-01-01');
    await dialog().getByRole('button', { name: 'Issue certificate' }).click();
    await dialog().getByText('The period must not end before it starts.').waitFor();
    await dialog()
      .getByLabel('Service until')
      .fill(await dialog().getByLabel('Service from').inputValue());
    await dialog().getByRole('button', { name: 'Issue certificate' }).click();
    await dialog().getByRole('heading', { name: 'Certificate issued' }).waitFor();
    const number = (await dialog().getByTestId('certificate-number').textContent()) ?? '';
    expect((await certificate(number)).residentId).toBe(resident.id);
  });

  it('prints the poster of a chosen month alone, on A4 and on A3', async () => {
    // The month before last: whatever today's date, the demo's service in it is approved and its
    // goals were open then, so the poster has every part (this month may not have begun yet).
    const month = monthBefore(2);
    const answer = await callApi(session.service.url, 'insights.poster', {
      token,
      input: { month },
    });
    const poster = answer.result?.data as Poster;
    expect(poster.minutes).toBeGreaterThan(0);

    await open('/poster');
    // Last month is the default (a month that is over); the picker changes the sheet.
    expect(await session.page.getByLabel('Month').inputValue()).toBe(monthBefore(1));
    await session.page.getByLabel('Month').selectOption(month);
    const monthName = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric' }).format(
      new Date(`${month}-15T12:00:00`),
    );
    const sheet = session.page.getByRole('article', {
      name: `Poster for ${monthName}, as it prints on A4`,
    });
    await sheet.getByText(`${poster.communityName} · ${monthName}`).waitFor();
    expect(await sheet.getByTestId('poster-hours').textContent()).toBe(
      new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 }).format(poster.minutes / 60),
    );
    expect(poster.goals.length).toBeGreaterThan(0);
    for (const goal of poster.goals.slice(0, 2)) await sheet.getByText(goal.title).waitFor();
    for (const name of poster.thanks.slice(0, 3))
      await sheet.getByText(name, { exact: true }).waitFor();
    if (poster.otherVolunteers > 0) {
      await sheet.getByText(new RegExp(`and ${poster.otherVolunteers} more neighbour`)).waitFor();
    }
    await screenshot(session.page, 'poster.en');
    expect(await seriousAccessibilityViolations(session.page)).toEqual([]);
    await session.page.setViewportSize(TABLET);
    await session.page.waitForTimeout(500); // the menu slides away as a drawer
    await screenshot(session.page, 'poster.tablet.en');
    await session.page.setViewportSize(LAPTOP);

    await session.page.emulateMedia({ media: 'print' });
    // In print only the poster is left: no menu, no top bar, no controls.
    expect(await session.page.locator('#sidebar').isVisible()).toBe(false);
    expect(await session.page.getByRole('button', { name: 'Print', exact: true }).isVisible()).toBe(
      false,
    );
    await screenshotOnPaper('poster-print-a4.en');
    const a4 = await session.page.pdf({ preferCSSPageSize: true, printBackground: true });
    writeFileSync(`${output}poster-a4.en.pdf`, a4);
    const a4Pages = pdfPages(a4);
    expect(a4Pages).toHaveLength(1);
    expectPaper(a4Pages[0], A4);

    await session.page.emulateMedia({ media: 'screen' });
    await session.page.getByRole('radio', { name: 'A3' }).check();
    await session.page
      .getByRole('article', { name: `Poster for ${monthName}, as it prints on A3` })
      .waitFor();
    const a3 = await session.page.pdf({ preferCSSPageSize: true, printBackground: true });
    writeFileSync(`${output}poster-a3.en.pdf`, a3);
    const a3Pages = pdfPages(a3);
    expect(a3Pages).toHaveLength(1);
    expectPaper(a3Pages[0], A3);

    await session.page.getByRole('radio', { name: 'A4' }).check();
    await switchLanguage(session.page, 'zh');
    await session.page.getByRole('heading', { name: '月度海报' }).waitFor();
    await screenshot(session.page, 'poster.zh');
    await session.page.emulateMedia({ media: 'print' });
    await screenshotOnPaper('poster-print-a4.zh');
    const zh = await session.page.pdf({ preferCSSPageSize: true, printBackground: true });
    writeFileSync(`${output}poster-a4.zh.pdf`, zh);
    expect(pdfPages(zh)).toHaveLength(1);
    await session.page.emulateMedia({ media: 'screen' });
    await switchLanguage(session.page, 'en');
    expect(session.errors).toEqual([]);
  });
});
