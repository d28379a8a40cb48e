import { DomainError } from '@tally/domain/errors';
import { importProblem } from '@tally/domain/imports';

/** One record of a CSV file and the line it starts on (1-based; a quoted cell may span lines). */
export type CsvRecord = { line: number; cells: string[] };

/**
 * Reads CSV as RFC 4180 describes it, and as spreadsheets write it: a leading
 * UTF-8 byte-order mark is dropped; records end with CRLF, LF or a lone CR; a
 * cell in double quotes may hold commas, line breaks and doubled quotes (`""`).
 * Like the spreadsheets, it reads a quote that does not open a cell as a
 * letter. A quoted cell left open at the end of the file is refused: the rest
 * of the file would silently become one cell.
 */
export function parseCsv(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let recordLine = 1;
  let inQuotes = false;
  let atCellStart = true;
  let recordStarted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;

  const endCell = () => {
    cells.push(cell);
    cell = '';
    atCellStart = true;
  };
  const endRecord = () => {
    endCell();
    records.push({ line: recordLine, cells });
    cells = [];
    recordStarted = false;
  };

  while (i < text.length) {
    const char = text[i] as string;
    const next = text[i + 1];
    recordStarted = true;
    if (inQuotes) {
      if (char === '"' && next === '"') {
        cell += '"';
        i += 2;
        continue;
      }
      if (char === '"') {
        inQuotes = false;
      } else {
        // A line break inside quotes belongs to the cell; CRLF counts as one line.
        if (char === '\n' || (char === '\r' && next !== '\n')) line++;
        cell += char;
      }
      i++;
      continue;
    }
    if (char === '"' && atCellStart) {
      inQuotes = true;
      atCellStart = false;
    } else if (char === ',') {
      endCell();
    } else if (char === '\r' || char === '\n') {
      endRecord();
      if (char === '\r' && next === '\n') i++;
      line++;
      recordLine = line;
    } else {
      cell += char;
      atCellStart = false;
    }
    i++;
  }
  if (inQuotes) {
    const message = `The quoted cell that starts on line ${recordLine} is never closed`;
    throw new DomainError('VALIDATION_FAILED', `csv: ${message}`, {
      problems: [importProblem('csv', 'quoteOpen', message, { line: recordLine })],
    });
  }
  if (recordStarted) endRecord();
  return records;
}
