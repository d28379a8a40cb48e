import { describe, expect, it } from 'vitest';
import { csvLine } from './csv';

describe('writing CSV', () => {
  it('quotes only the cells that need it and ends each record with CRLF', () => {
    expect(csvLine(['plain', 'a,b', 'say "hi"', 'two\nlines', 42, -5, null])).toBe(
      'plain,"a,b","say ""hi""","two\nlines",42,-5,\r\n',
    );
  });

  it('keeps text that a spreadsheet would run as a formula as text', () => {
    expect(csvLine(['=1+1', '+33', '-x', '@SUM(A1)', '3-2'])).toBe(
      `'=1+1,'+33,'-x,'@SUM(A1),3-2\r\n`,
    );
  });
});
