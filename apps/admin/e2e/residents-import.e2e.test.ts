import { seriousAccessibilityViolations } from '@tally/e2e/axe';
import { describe, expect, it } from 'vitest';
import { screenshot, screenshotNow, signedInSession, switchLanguage } from './helpers';

const HEADER = 'name,displayName,birthYear,building,cardNumber,pin,showName';
const card = (index: number) => `IMP${String(index).padStart(5, '0')}`;

/**
 * 2,000 residents, seven of them bad: two birth years that are no years, two rows without a
 * card, two rows sharing one card (both refused: which is right is the office's call) and one
 * card a demo resident already holds. Resident n is on line n + 1 (the header is line 1).
 */
const badResidents: Record<number, { field: string; birthYear?: string; cardNumber?: string }> = {
  100: { field: 'Birth year', birthYear: '19x6' },
  1500: { field: 'Birth year', birthYear: '1850' },
  700: { field: 'Card number', cardNumber: '' },
  1300: { field: 'Card number', cardNumber: '' },
  1800: { field: 'Card number' },
  1801: { field: 'Card number', cardNumber: card(1800) },
  1999: { field: 'Card number', cardNumber: 'Q0001' },
};

function residentsFile(): string {
  const lines = [HEADER];
  for (let index = 1; index <= 2000; index++) {
    const bad = badResidents[index];
    lines.push(
      [
        index % 3 === 0 ? `导入居民${index}` : `Import Resident ${index}`,
        '',
        bad?.birthYear ?? String(1940 + (index % 50)),
        String(1 + (index % 12)),
        bad?.cardNumber ?? card(index),
        '1234',
        index % 2 ? 'yes' : '否',
      ].join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

describe('importing residents from a CSV file', () => {
  const session = signedInSession('office', { axe: true });

  const fileInput = (label = 'Choose a CSV file') => session.page.getByLabel(label);

  it('imports 2,000 residents with a real progress bar and reports the bad rows', async () => {
    const csv = residentsFile();
    await session.page.goto(`${session.service.url}/admin/residents`);
    await session.page.getByRole('link', { name: 'Import from CSV' }).click();
    await session.page.getByRole('heading', { name: 'Import residents' }).waitFor();
    await fileInput().setInputFiles({
      name: 'residents.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv),
    });

    await session.page.getByRole('heading', { name: '2. Check the rows' }).waitFor();
    const counts = session.page.locator('.import-counts');
    expect(await counts.locator('dd').allInnerTexts()).toEqual(['2,000', '1,993', '7']);
    // The table starts with the rows that have errors, each with its problem by field.
    const table = session.page.getByRole('table');
    expect(await table.locator('tbody tr').count()).toBe(7);
    for (const [index, { field }] of Object.entries(badResidents)) {
      const line = Number(index) + 1;
      const row = table.locator('tbody tr', {
        has: session.page.locator(`td:first-child:text-is("${line}")`),
      });
      expect(await row.textContent()).toContain(`${field}:`);
    }
    await screenshot(session.page, 'import-preview.en');
    expect(await seriousAccessibilityViolations(session.page)).toEqual([]);

    await session.page.getByRole('button', { name: 'Import 1,993 residents' }).click();
    const bar = session.page.getByRole('progressbar', { name: 'Import progress' });
    await bar.waitFor();
    // Record where the bar stands until the import is done: it must pass through the middle.
    const seen = new Set<number>();
    const finished = session.page.getByRole('heading', { name: 'Import finished' });
    let shotMidway = false;
    while (!(await finished.isVisible())) {
      const value = Number(
        await bar.getAttribute('aria-valuenow', { timeout: 1000 }).catch(() => NaN),
      );
      if (!Number.isNaN(value)) seen.add(value);
      if (!shotMidway && value > 0 && value < 100) {
        shotMidway = true;
        await screenshotNow(session.page, 'import-progress.en');
        // The language switches mid-import without disturbing it.
        await switchLanguage(session.page, 'zh');
        await session.page.getByRole('heading', { name: '3. 正在导入' }).waitFor();
        await screenshotNow(session.page, 'import-progress.zh');
        await switchLanguage(session.page, 'en');
      }
      await session.page.waitForTimeout(200);
    }
    expect([...seen].some((value) => value > 0 && value < 100)).toBe(true);

    await session.page.getByText('1,993 residents imported').waitFor();
    await session.page.getByText('7 rows not imported').waitFor();
    const failed = session.page.getByRole('table');
    expect(await failed.locator('tbody tr').count()).toBe(7);
    const text = await failed.textContent();
    expect(text).toContain('Birth year: Write the birth year as four digits, e.g. 1956.');
    expect(text).toContain('Birth year: A birth year is 1900 or later.');
    expect(text).toContain('Card number: Enter a card number.');
    expect(text).toContain('Card number: The same card number is also on line 1802.');
    expect(text).toContain('Card number: A resident already holds this card number.');
    await screenshot(session.page, 'import-result.en');
    expect(await seriousAccessibilityViolations(session.page)).toEqual([]);
  }, 600_000);

  it('finds an imported resident by search, and no trace of a refused row', async () => {
    await session.page.getByRole('link', { name: 'Go to residents' }).click();
    const search = session.page.getByLabel('Find a resident');
    await search.fill('Import Resident 1234');
    const row = session.page.locator('tbody tr', { hasText: card(1234) });
    await row.waitFor();
    expect(await row.textContent()).toContain('Import Resident 1234');
    await row.getByRole('link', { name: 'Import Resident 1234' }).click();
    await session.page.getByRole('heading', { name: 'Import Resident 1234' }).waitFor();

    await session.page.goto(`${session.service.url}/admin/residents`);
    await session.page.getByLabel('Find a resident').fill(card(100));
    await session.page.getByText('No resident matches.').waitFor();
    await session.page.getByLabel('Find a resident').fill(card(1800));
    await session.page.getByText('No resident matches.').waitFor();
    expect(session.errors).toEqual([]);
  });

  it('reads a small file with Chinese headers, in Chinese', async () => {
    await session.page.goto(`${session.service.url}/admin/residents/import`);
    await switchLanguage(session.page, 'zh');
    await session.page.getByRole('heading', { name: '导入居民' }).waitFor();
    await screenshot(session.page, 'import-choose.zh');
    const csv = [
      // An office's spreadsheet may call the PIN column 密码.
      '姓名,显示名,出生年份,楼栋,卡号,密码,公开姓名',
      '王秀英,王阿姨,1948,3,ZH-0001,1234,是',
      '李建国,,1952,3,ZH-0002,5678,否',
      '陈美玲,陈老师,1961,5,ZH-0003,2468,是',
      '赵大山,,一九五〇,5,ZH-0004,1357,否',
      '周小红,,1970,6,,1111,是',
      '孙立,,1965,6,ZH-0006,12,否',
      '吴芳,,1958,7,ZH-0007,4321,也许',
    ].join('\n');
    await fileInput('选择 CSV 文件').setInputFiles({
      name: '居民名单.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv),
    });
    await session.page.getByRole('heading', { name: '2. 检查各行' }).waitFor();
    await session.page.getByRole('radio', { name: '全部行（7）' }).check();
    await screenshot(session.page, 'import-preview.zh');
    expect(await seriousAccessibilityViolations(session.page)).toEqual([]);
    await session.page.getByRole('button', { name: '导入 3 位居民' }).click();
    await session.page.getByRole('heading', { name: '导入完成' }).waitFor();
    await session.page.getByText('已导入 3 位居民').waitFor();
    expect(await session.page.getByRole('table').textContent()).toContain(
      '出生年份：出生年份请写四位数字',
    );
    await screenshot(session.page, 'import-result.zh');
    await switchLanguage(session.page, 'en');
    await session.page.goto(`${session.service.url}/admin/residents/import`);
    await session.page.getByRole('heading', { name: 'Import residents' }).waitFor();
    await screenshot(session.page, 'import-choose.en');
    expect(session.errors).toEqual([]);
  });
});
