import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';

/** What is wrong with one row of a residents file, in the reader's language. */
export type ImportProblem = { field: string | null; message: string };

type MessageKey =
  | 'nameMissing'
  | 'nameTooLong'
  | 'cardMissing'
  | 'cardFormat'
  | 'cardTaken'
  | 'pinMissing'
  | 'pinFormat'
  | 'birthYearFormat'
  | 'birthYearEarly'
  | 'birthYearLate'
  | 'buildingMissing'
  | 'yesNo'
  | 'unplaced';

// The service writes each problem as "field: message" in English (its rules live in
// @tally/domain). Messages we know are translated; any other is shown as the service wrote it.
const known: Record<string, MessageKey> = {
  'Enter a name': 'nameMissing',
  'A name has at most 100 characters': 'nameTooLong',
  'Enter a card number': 'cardMissing',
  'Use 1 to 32 letters, digits or dashes': 'cardFormat',
  'A resident already holds this card number': 'cardTaken',
  'Enter a PIN': 'pinMissing',
  'A PIN is 4 to 6 digits': 'pinFormat',
  'Write the birth year as four digits, e.g. 1956': 'birthYearFormat',
  'A birth year is 1900 or later': 'birthYearEarly',
  'A birth year is 2100 or earlier': 'birthYearLate',
  'Enter a building': 'buildingMissing',
  'Write yes or no (是 or 否)': 'yesNo',
  'This line has a value in a column the first line does not name': 'unplaced',
};

const fields = [
  'name',
  'displayName',
  'birthYear',
  'building',
  'cardNumber',
  'pin',
  'showName',
  'row',
  'csv',
] as const;
type Field = (typeof fields)[number];

export function describeImportProblem(problem: string, t: TFunction): ImportProblem {
  const colon = problem.indexOf(': ');
  const field = colon > 0 ? problem.slice(0, colon) : '';
  const message = colon > 0 ? problem.slice(colon + 2) : problem;
  const fieldLabel = (fields as readonly string[]).includes(field)
    ? t(`import.fields.${field as Field}`)
    : field || null;
  return { field: fieldLabel, message: translateMessage(message, t) };
}

function translateMessage(message: string, t: TFunction): string {
  const key = known[message];
  if (key) return t(`import.messages.${key}`);
  const repeated = /^This card number is also on lines? ([\d, ]+)$/.exec(message);
  if (repeated?.[1]) {
    const lines = repeated[1].split(',').map((line) => line.trim());
    return t('import.messages.cardRepeated', { count: lines.length, lines: lines.join(', ') });
  }
  const tooLong = /^Too big: expected string to have <=(\d+) characters$/.exec(message);
  if (tooLong) return t('import.messages.tooLong', { max: tooLong[1] });
  return message;
}

/** Translates the service's "field: message" problems of an import row. */
export function useImportProblems(): (problem: string) => ImportProblem {
  const { t } = useTranslation();
  return (problem) => describeImportProblem(problem, t);
}
