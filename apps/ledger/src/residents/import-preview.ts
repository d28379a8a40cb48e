import type { Database } from '@tally/db/schema';
import { DomainError } from '@tally/domain/errors';
import {
  type ImportColumn,
  type ImportPreview,
  type ImportProblem,
  type ImportValues,
  importColumnFor,
  importColumns,
  importProblem,
  MAX_IMPORT_CELL_LENGTH,
  requiredImportColumns,
} from '@tally/domain/imports';
import type { Kysely } from 'kysely';
import { type CsvRecord, parseCsv } from './import-csv';
import { checkImportRows, type ImportRowToCheck } from './import-rows';

/** A bound on one preview's work and answer; 5 MB of CSV rarely holds more. */
export const MAX_PREVIEW_ROWS = 50_000;

/**
 * Reads a residents file and says, line by line, what an import would do:
 * the row's values and what is wrong with it, checked exactly as
 * `residents.import` will check it. Writes nothing.
 */
export async function previewResidentImport(
  db: Kysely<Database>,
  { communityId, csv }: { communityId: string; csv: string },
): Promise<ImportPreview> {
  // Blank lines (a trailing newline, a spacer row) are not residents.
  const [header, ...records] = parseCsv(csv).filter((record) =>
    record.cells.some((cell) => cell.trim() !== ''),
  );
  if (!header) {
    throw unreadableFile([
      importProblem('csv', 'fileEmpty', 'The file is empty; its first line names the columns'),
    ]);
  }
  if (records.length > MAX_PREVIEW_ROWS) {
    throw unreadableFile([
      importProblem(
        'csv',
        'tooManyRows',
        `A file can hold at most ${MAX_PREVIEW_ROWS} residents; split it into smaller files`,
        { max: MAX_PREVIEW_ROWS },
      ),
    ]);
  }
  const columns = columnsOf(header);
  const checked = await checkImportRows(db, {
    communityId,
    rows: records.map((record) => rowOf(record, columns)),
  });
  const rows = checked.map(({ line, values, errors }) => ({ line, values, errors }));
  const invalid = rows.filter((row) => row.errors.length > 0).length;
  return { rows, valid: rows.length - invalid, invalid };
}

/**
 * Which column each cell of the header names. A header the file cannot be
 * read without (an unknown or repeated column, a required one missing) fails
 * the whole preview: guessing would import data into the wrong fields.
 */
function columnsOf(header: CsvRecord): (ImportColumn | null)[] {
  const columns = header.cells.map((cell) => (cell.trim() === '' ? null : importColumnFor(cell)));
  const problems: ImportProblem[] = [];
  header.cells.forEach((cell, index) => {
    const name = cell.trim();
    if (columns[index] === undefined) {
      problems.push(
        importProblem('csv', 'unknownColumn', `"${name}" is not a column we know`, { name }),
      );
    }
  });
  for (const column of Object.keys(importColumns) as ImportColumn[]) {
    const count = columns.filter((c) => c === column).length;
    const names = importColumns[column].join(' / ');
    if (count > 1) {
      problems.push(
        importProblem('csv', 'repeatedColumn', `the column ${names} appears ${count} times`, {
          column,
          count,
        }),
      );
    }
    if (count === 0 && (requiredImportColumns as readonly string[]).includes(column)) {
      problems.push(
        importProblem('csv', 'missingColumn', `the column ${names} is missing`, { column }),
      );
    }
  }
  if (problems.length > 0) {
    const known = Object.values(importColumns)
      .map((names) => names.join(' / '))
      .join(', ');
    const found = problems.map((problem) => problem.message).join('; ');
    throw unreadableFile(problems, `In the first line, ${found}. The columns are: ${known}`);
  }
  return columns.map((column) => column ?? null);
}

/**
 * A file that cannot be read: one English sentence for any reader, and the problems as
 * codes (in the error's details) for an app to word in its reader's language.
 */
function unreadableFile(
  problems: ImportProblem[],
  sentence = problems.map((problem) => problem.message).join('; '),
): DomainError {
  return new DomainError('VALIDATION_FAILED', `csv: ${sentence}`, { problems });
}
/** A record's cells under their columns, trimmed; empty optional cells are left out. */
function rowOf(record: CsvRecord, columns: (ImportColumn | null)[]): ImportRowToCheck {
  const cells: Partial<Record<ImportColumn, string>> = {};
  let unplaced = false;
  record.cells.forEach((cell, index) => {
    const column = columns[index];
    const text = cell.trim();
    // Every field's own limit is lower, so a clipped cell still fails its field's rule.
    if (column) cells[column] = text.slice(0, MAX_IMPORT_CELL_LENGTH);
    // Spreadsheets pad short rows with empty cells; only a value with no column is lost.
    else if (text !== '') unplaced = true;
  });
  const { name = '', cardNumber = '', pin = '', ...optional } = cells;
  const values: ImportValues = { name, cardNumber, pin };
  for (const [column, text] of Object.entries(optional)) {
    if (text !== '') values[column as keyof typeof optional] = text;
  }
  const errors = unplaced
    ? [
        importProblem(
          'row',
          'unplaced',
          'This line has a value in a column the first line does not name',
        ),
      ]
    : [];
  return { line: record.line, values, errors };
}
