import { isDomainError } from '@tally/domain/errors';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsv } from './import-csv';

const cellsOf = (text: string) => parseCsv(text).map((record) => record.cells);

describe('reading CSV', () => {
  it('reads records of comma-separated cells, with or without a final line break', () => {
    expect(cellsOf('a,b,c\n1,2,3\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
    ]);
    expect(cellsOf('a,b,c\n1,2,3')).toEqual([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
    ]);
  });

  it('keeps empty cells, including a trailing one', () => {
    expect(cellsOf('a,,c,\n')).toEqual([['a', '', 'c', '']]);
  });

  it('reads commas, doubled quotes and line breaks inside quoted cells', () => {
    expect(cellsOf('"Li, Wei","say ""hi""","two\r\nlines",""\r\n')).toEqual([
      ['Li, Wei', 'say "hi"', 'two\r\nlines', ''],
    ]);
  });

  it('ends records at CRLF, LF or a lone CR', () => {
    expect(cellsOf('a\r\nb\nc\rd')).toEqual([['a'], ['b'], ['c'], ['d']]);
  });

  it('drops the byte-order mark spreadsheets put at the start', () => {
    expect(cellsOf('\uFEFF姓名,卡号\n张三,Q1\n')).toEqual([
      ['姓名', '卡号'],
      ['张三', 'Q1'],
    ]);
  });

  it('numbers each record by the line it starts on, counting line breaks inside quotes', () => {
    const records = parseCsv('h\r\n"one\r\ntwo"\r\nnext\n\nlast');
    expect(records.map((r) => r.line)).toEqual([1, 2, 4, 5, 6]);
  });

  it('reads a quote that does not open a cell as a letter', () => {
    expect(cellsOf('5" screen,a"b\n')).toEqual([['5" screen', 'a"b']]);
  });

  it('refuses a quoted cell that is never closed, naming its line', () => {
    let error: unknown;
    try {
      parseCsv('name\nok\n"open, and never closed\nmore');
    } catch (e) {
      error = e;
    }
    expect(isDomainError(error, 'VALIDATION_FAILED')).toBe(true);
    expect((error as Error).message).toContain('line 3');
  });

  it('reads back whatever a correct writer wrote', () => {
    const quote = (cell: string) =>
      /[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
    const cell = fc.string({ unit: fc.constantFrom('a', '李', ',', '"', '\r', '\n', ' ') });
    // A lone empty cell would be an empty line, which a writer cannot tell from no record.
    const record = fc.array(cell, { minLength: 2, maxLength: 5 });
    fc.assert(
      fc.property(
        fc.array(record, { minLength: 1, maxLength: 6 }),
        fc.boolean(),
        (records, crlf) => {
          const text = records.map((r) => r.map(quote).join(',')).join(crlf ? '\r\n' : '\n');
          expect(cellsOf(text)).toEqual(records);
        },
      ),
    );
  });
});
