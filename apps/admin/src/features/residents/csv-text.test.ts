import { describe, expect, it } from 'vitest';
import { csvText } from './csv-text';

describe('CSV written by the app', () => {
  it('quotes what needs quoting, keeps formulas as text, and marks the file as UTF-8', () => {
    expect(
      csvText([
        ['姓名', '卡号'],
        ['Li, Na', 'say "hi"'],
        ['=SUM(A1)', 'Q1'],
      ]),
    ).toBe('\uFEFF姓名,卡号\r\n"Li, Na","say ""hi"""\r\n\'=SUM(A1),Q1\r\n');
  });
});
