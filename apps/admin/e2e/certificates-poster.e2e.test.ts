import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { categoryIds } from '@tally/domain/categories';
import type { Certificate } from '@tally/domain/certificates';
import type { Poster } from '@tally/domain/insights';
import { maskName } from '@tally/domain/masked-name';
import { seriousAccessibilityViolations } from '@tally/e2e/axe';
import { directUrl } from '@tally/e2e/service';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  apiToken,
  callApi,
  LAPTOP,
  localDay,
  openBrowser,
  screenshot,
  signedInSession,
  switchLanguage,
  TABLET,
} from './helpers';
import { A3, A4, expectPaper, pdfPages } from './pdf';

const output = fileURLToPath(new URL('../e2e-output/', import.meta.url));
mkdirSync(output, { recursive: true });

/** A page that fits a phone: nothing wider than the screen, and no two of `selectors`' boxes overlap. */
async function expectPhoneLayout(page: Page, selectors: string[]) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
  const boxes: { selector: string; x: number; y: number; width: number; height: number }[] = [];
  for (const selector of selectors) {
    for (const element of await page.locator(selector).all()) {
      const found = await element.boundingBox();
      if (found) boxes.push({ selector, ...found });
    }
  }
  for (const [index, a] of boxes.entries()) {
    for (const b of boxes.slice(index + 1)) {
      const apart =
        a.x + a.width <= b.x + 1 ||
        b.x + b.width <= a.x + 1 ||
        a.y + a.height <= b.y + 1 ||
        b.y + b.height <= a.y + 1;
      expect(apart, `${a.selector} overlaps ${b.selector}`).toBe(true);
    }
  }
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
    await dialog().getByRole('button', { name: 'Choose', exact: true }).first().click();
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

  it('prints the fullest certificate on one A4 sheet with its QR code, caption and seal on it', async () => {
    const url = session.service.url;
    const checker = await apiToken(url, 'office2');
    const write = async (as: string, path: string, input: Record<string, unknown>) => {
      const answer = await callApi(url, path, {
        token: as,
        method: 'POST',
        input: { idempotencyKey: crypto.randomUUID(), ...input },
      });
      if (!answer.result) throw new Error(`${path}: ${JSON.stringify(answer.error)}`);
      return answer.result.data as Record<string, unknown>;
    };
    // As much as a certificate can hold: a long name, every category, organizations whose names
    // use all 100 characters they may have (and a fourth, which the sheet counts).
    const resident = await write(token, 'residents.create', {
      name: '欧阳买买提·阿不都热合曼 Alexandria-Montgomery Wolfeschlegelsteinhausen',
      cardNumber: 'Q9901',
      pin: '482913',
    });
    const organizationIds: string[] = [];
    for (const [index, name] of [
      '阳光助老志愿服务队',
      '社区环境保护与垃圾分类督导小组',
      '青年文化艺术与亲子阅读推广协会',
      '第四组织',
    ].entries()) {
      // As long as an English name may be (100 characters), each its own.
      const en = `${index + 1} ${'Neighbourhood Volunteers of Qingtong Street '.repeat(3)}`
        .slice(0, 100)
        .trim();
      const organization = await write(token, 'organizations.create', { name: { zh: name, en } });
      organizationIds.push(String(organization.id));
      await write(token, 'organizations.addMember', {
        organizationId: organization.id,
        residentId: resident.id,
      });
    }
    const recordIds: string[] = [];
    for (const [index, category] of categoryIds.entries()) {
      const logged = await write(token, 'service.log', {
        organizationId: organizationIds[index % organizationIds.length],
        residentIds: [resident.id],
        activity: { title: `Service ${index + 1}`, category, place: 'Hall' },
        startedAt: new Date(Date.now() - (index + 2) * 86_400_000).toISOString(),
        minutes: 180,
      });
      recordIds.push(...(logged.records as { id: string }[]).map((record) => record.id));
    }
    // Maker–checker: a second office account approves what the first logged.
    await write(checker, 'service.review', { recordIds, decision: 'approve' });
    const issued = await write(token, 'certificates.issue', {
      residentId: resident.id,
      from: localDay(-30),
      to: localDay(0),
    });
    const number = String(issued.number);
    const content = (await certificate(number)).content;
    expect(content.hoursByCategory).toHaveLength(8);
    expect(content.organizations).toHaveLength(4);

    const printable = await session.browser.newPage();
    try {
      await printable.setViewportSize({ width: 794, height: 1123 });
      await printable.goto(`${url}/certificates/${number}.html`);
      await printable.emulateMedia({ media: 'print' });
      const box = async (selector: string) => {
        const found = await printable.locator(selector).first().boundingBox();
        if (!found) throw new Error(`${selector} is not on the sheet`);
        return found;
      };
      const sheet = await box('main.sheet');
      // An A4 page is 297 mm tall: 1123 CSS pixels.
      expect(sheet.height).toBeLessThanOrEqual(1123);
      for (const part of ['svg.qr', '.verify', '.issued .seal', '.issued .office', 'tfoot']) {
        const inside = await box(part);
        expect(inside.y, part).toBeGreaterThanOrEqual(sheet.y);
        expect(inside.x, part).toBeGreaterThanOrEqual(sheet.x);
        expect(inside.y + inside.height, part).toBeLessThanOrEqual(sheet.y + sheet.height - 20);
        expect(inside.x + inside.width, part).toBeLessThanOrEqual(sheet.x + sheet.width);
      }
      // Nothing is cut off at the foot of the frame.
      const frame = await printable
        .locator('.frame')
        .evaluate((element) => element.scrollHeight - element.clientHeight);
      expect(frame).toBeLessThanOrEqual(0);
      expect(await printable.locator('.organizations').textContent()).toContain('and 1 more');
      await screenshot(printable, 'certificate-fullest-print', { fullPage: false });
      const pdf = await printable.pdf({ format: 'A4', printBackground: true });
      writeFileSync(`${output}certificate-fullest.pdf`, pdf);
      const pages = pdfPages(pdf);
      expect(pages).toHaveLength(1);
      expectPaper(pages[0], A4);
    } finally {
      await printable.close();
    }

    // The public check, opened on a phone by scanning that code: the verdict first, then the key
    // facts, nothing overlapping and nothing wider than the screen. The office's own view (the
    // whole certificate) reads on a phone too.
    const phone = await openBrowser({ width: 390, height: 844 });
    try {
      const visitor = await phone.newPage();
      await visitor.goto(`${url}/verify/${number}`);
      await visitor
        .getByRole('status')
        .getByText(/Genuine/)
        .waitFor();
      await expectPhoneLayout(visitor, ['.banner', '.summary dt', '.summary dd']);
      const banner = await visitor.locator('.banner').boundingBox();
      const facts = await visitor.locator('.summary').boundingBox();
      expect((banner?.y ?? 1) + (banner?.height ?? 0)).toBeLessThanOrEqual(facts?.y ?? 0);
      await screenshot(visitor, 'certificate-verify.phone');
    } finally {
      await phone.close();
    }
    const office = await session.browser.newPage();
    try {
      await office.setViewportSize({ width: 390, height: 844 });
      await office.goto(`${url}/verify/${number}`);
      await office.locator('main.sheet').waitFor();
      await expectPhoneLayout(office, [
        '.banner',
        'h1',
        '.statement',
        'table',
        'dl',
        'svg.qr',
        '.verify',
        '.issued .office',
      ]);
      await screenshot(office, 'certificate-verify-office.phone');
    } finally {
      await office.close();
    }
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
    await sheet.getByText(`${poster.communityName.en} · ${monthName}`).waitFor();
    expect(await sheet.getByTestId('poster-hours').textContent()).toBe(
      new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 }).format(poster.minutes / 60),
    );
    expect(poster.goals.length).toBeGreaterThan(0);
    for (const goal of poster.goals.slice(0, 2)) await sheet.getByText(goal.title.en).waitFor();
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
