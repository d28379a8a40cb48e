import { z } from 'zod';
import { Id, IdempotencyKey } from './ledger';
import { BirthYear, Building, CardNumber, PersonName, Pin } from './residents';

/** The most rows one `residents.import` call creates; the admin app sends big files in chunks. */
export const MAX_IMPORT_ROWS_PER_CALL = 500;

/** The largest CSV text `residents.importPreview` reads (5 MB). */
export const MAX_IMPORT_CSV_LENGTH = 5 * 1024 * 1024;

/**
 * Longest cell echoed back by a preview. Every field's own limit is far lower, so a
 * longer cell is already an error; clipping keeps a pasted essay out of the answer.
 */
export const MAX_IMPORT_CELL_LENGTH = 200;

/**
 * The columns of a residents file, each with the header names it may have: the
 * English field name (any case), the Chinese one the office's spreadsheets use (second,
 * the one a Chinese template writes), and any other name an office is known to write.
 */
export const importColumns = {
  name: ['name', '姓名'],
  displayName: ['displayName', '显示名'],
  birthYear: ['birthYear', '出生年份'],
  building: ['building', '楼栋'],
  cardNumber: ['cardNumber', '卡号'],
  pin: ['pin', '密码', 'PIN'],
  showName: ['showName', '公开姓名'],
} as const satisfies Record<string, readonly string[]>;

export type ImportColumn = keyof typeof importColumns;

export const requiredImportColumns = [
  'name',
  'cardNumber',
  'pin',
] as const satisfies ImportColumn[];

function isRequired(column: ImportColumn): boolean {
  return (requiredImportColumns as readonly ImportColumn[]).includes(column);
}

/** The column a header names, or undefined if it names none. */
export function importColumnFor(header: string): ImportColumn | undefined {
  const wanted = header.trim().toLowerCase();
  for (const [column, names] of Object.entries(importColumns)) {
    if (names.some((name) => name.toLowerCase() === wanted)) return column as ImportColumn;
  }
  return undefined;
}

const Cell = z.string().max(MAX_IMPORT_CELL_LENGTH);

/** Where a problem is: a column of the row, the row as a whole, or the file. */
export const importProblemFields = [
  'name',
  'displayName',
  'birthYear',
  'building',
  'cardNumber',
  'pin',
  'showName',
  'row',
  'csv',
] as const satisfies readonly (ImportColumn | 'row' | 'csv')[];

/**
 * What can be wrong with a row or a file, as a code an app words in its reader's language
 * (with `params`); `invalid` is a rule no code names yet, its English `message` the only words.
 */
export const importProblemCodes = [
  'nameMissing',
  'nameTooLong',
  'cardMissing',
  'cardFormat',
  'cardTaken',
  'cardRepeated',
  'pinMissing',
  'pinFormat',
  'birthYearFormat',
  'birthYearEarly',
  'birthYearLate',
  'buildingMissing',
  'tooLong',
  'yesNo',
  'unplaced',
  'fileEmpty',
  'tooManyRows',
  'quoteOpen',
  'unknownColumn',
  'repeatedColumn',
  'missingColumn',
  'invalid',
] as const;
export type ImportProblemCode = (typeof importProblemCodes)[number];

export const ImportProblem = z.object({
  field: z.enum(importProblemFields),
  code: z.enum(importProblemCodes),
  /** The figures and names the words need, e.g. `{ lines: '4, 9', count: 2 }` for `cardRepeated`. */
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  /** The problem in English, for readers without a translation. */
  message: z.string(),
});
export type ImportProblem = z.infer<typeof ImportProblem>;

/** A problem of the given field; `message` is what an English reader sees. */
export function importProblem(
  field: ImportProblem['field'],
  code: ImportProblemCode,
  message: string,
  params: ImportProblem['params'] = {},
): ImportProblem {
  return { field, code, params, message };
}

/**
 * One row as the file has it: text cells, trimmed, empty optional cells left out.
 * Rows are checked one by one (`validateImportRow`), so a bad row is reported
 * against its line instead of failing the whole call.
 */
export const ImportValues = z.object({
  name: Cell,
  displayName: Cell.optional(),
  birthYear: Cell.optional(),
  building: Cell.optional(),
  cardNumber: Cell,
  pin: Cell,
  showName: Cell.optional(),
});
export type ImportValues = z.infer<typeof ImportValues>;

/** The line of the file a row starts on (the header is line 1). */
const Line = z.number().int().positive();

export const ImportRow = z.object({
  line: Line,
  values: ImportValues,
  /** What is wrong, empty when the row can be imported. */
  errors: z.array(ImportProblem),
});
export type ImportRow = z.infer<typeof ImportRow>;

export const ImportPreviewInput = z.object({
  csv: z
    .string()
    .max(MAX_IMPORT_CSV_LENGTH, 'A file can be at most 5 MB; split it into smaller files'),
});

export const ImportPreview = z.object({
  rows: z.array(ImportRow),
  valid: z.number().int().nonnegative(),
  invalid: z.number().int().nonnegative(),
});
export type ImportPreview = z.infer<typeof ImportPreview>;

export const ImportResidentsInput = z.object({
  idempotencyKey: IdempotencyKey,
  rows: z
    .array(z.object({ line: Line, values: ImportValues }))
    .min(1, 'Send at least one row')
    .max(
      MAX_IMPORT_ROWS_PER_CALL,
      `Send at most ${MAX_IMPORT_ROWS_PER_CALL} rows per call; split the file into chunks`,
    ),
});
export type ImportResidentsInput = z.infer<typeof ImportResidentsInput>;

export const ImportResidentsResult = z.object({
  created: z.array(z.object({ line: Line, id: Id, cardNumber: z.string() })),
  failed: z.array(z.object({ line: Line, errors: z.array(ImportProblem).min(1) })),
});
export type ImportResidentsResult = z.infer<typeof ImportResidentsResult>;

const yes = ['true', 'yes', 'y', '1', '是'];
const no = ['false', 'no', 'n', '0', '否'];

/** What a valid row becomes: the fields of a new resident, as `residents.create` takes them. */
const ImportedResident = z.object({
  name: PersonName,
  displayName: PersonName.optional(),
  birthYear: z
    .string()
    .regex(/^\d{4}$/, 'Write the birth year as four digits, e.g. 1956')
    .transform(Number)
    .pipe(BirthYear)
    .optional(),
  building: Building.optional(),
  cardNumber: z.string().trim().min(1, 'Enter a card number').pipe(CardNumber),
  pin: z.string().min(1, 'Enter a PIN').pipe(Pin),
  showName: z
    .string()
    .transform((text) => text.toLowerCase())
    .refine((text) => yes.includes(text) || no.includes(text), 'Write yes or no (是 or 否)')
    .transform((text) => yes.includes(text))
    .optional(),
});
export type ImportedResident = z.infer<typeof ImportedResident>;

/** Checks one row on its own (duplicates across rows and residents are checked by the service). */
export function validateImportRow(
  values: ImportValues,
): { ok: true; resident: ImportedResident } | { ok: false; errors: ImportProblem[] } {
  // An empty optional cell means "not given", whoever built the row.
  const given = Object.fromEntries(
    Object.entries(values).filter(
      ([column, text]) =>
        text !== undefined && (text.trim() !== '' || isRequired(column as ImportColumn)),
    ),
  );
  const result = ImportedResident.safeParse(given);
  if (result.success) return { ok: true, resident: result.data };
  return {
    ok: false,
    errors: result.error.issues.map(problemOfIssue),
  };
}

// The rules' own English messages, each with its code (the rules are shared with the forms).
const codeOfMessage: Record<string, ImportProblemCode> = {
  'Enter a name': 'nameMissing',
  'A name has at most 100 characters': 'nameTooLong',
  'Enter a card number': 'cardMissing',
  'Use 1 to 32 letters, digits or dashes': 'cardFormat',
  'Enter a PIN': 'pinMissing',
  'A PIN is 4 to 6 digits': 'pinFormat',
  'Write the birth year as four digits, e.g. 1956': 'birthYearFormat',
  'A birth year is 1900 or later': 'birthYearEarly',
  'A birth year is 2100 or earlier': 'birthYearLate',
  'Enter a building': 'buildingMissing',
  'Write yes or no (是 or 否)': 'yesNo',
};

function problemOfIssue(issue: z.core.$ZodIssue): ImportProblem {
  const column = issue.path[0];
  const field = importColumnFor(String(column)) ?? 'row';
  const code = codeOfMessage[issue.message];
  if (code) return importProblem(field, code, issue.message);
  if (issue.code === 'too_big' && typeof issue.maximum === 'number') {
    return importProblem(field, 'tooLong', issue.message, { max: issue.maximum });
  }
  return importProblem(field, 'invalid', issue.message);
}
