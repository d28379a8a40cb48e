import type { Database } from '@tally/db/schema';
import {
  type ImportedResident,
  type ImportProblem,
  type ImportValues,
  importProblem,
  validateImportRow,
} from '@tally/domain/imports';
import type { Kysely } from 'kysely';

export type ImportRowToCheck = { line: number; values: ImportValues; errors?: ImportProblem[] };

/** A checked row: what is wrong with it, or the resident it becomes. */
export type CheckedImportRow = {
  line: number;
  values: ImportValues;
  errors: ImportProblem[];
  resident: ImportedResident | null;
};

/** Said of a row whose card a resident already holds (checked again when the row is created). */
export const CARD_TAKEN = importProblem(
  'cardNumber',
  'cardTaken',
  'A resident already holds this card number',
);

/**
 * The checks a preview shows and an import applies, so both say the same of a
 * row: each field's own rules, a card number given on more than one row (all
 * of them are refused: which one is right is the office's call), and a card
 * a resident of the community already holds.
 */
export async function checkImportRows(
  db: Kysely<Database>,
  { communityId, rows }: { communityId: string; rows: ImportRowToCheck[] },
): Promise<CheckedImportRow[]> {
  const linesByCard = new Map<string, number[]>();
  for (const { line, values } of rows) {
    const card = values.cardNumber.trim();
    if (card !== '') linesByCard.set(card, [...(linesByCard.get(card) ?? []), line]);
  }
  const taken = await takenCardNumbers(db, communityId, [...linesByCard.keys()]);
  return rows.map(({ line, values, errors: found = [] }) => {
    const validation = validateImportRow(values);
    const errors = [...found, ...(validation.ok ? [] : validation.errors)];
    const card = values.cardNumber.trim();
    const otherLines = (linesByCard.get(card) ?? []).filter((other) => other !== line);
    if (otherLines.length > 0) {
      const lines = otherLines.join(', ');
      const words = otherLines.length === 1 ? 'line' : 'lines';
      errors.push(
        importProblem(
          'cardNumber',
          'cardRepeated',
          `This card number is also on ${words} ${lines}`,
          { lines, count: otherLines.length },
        ),
      );
    }
    if (taken.has(card)) errors.push(CARD_TAKEN);
    const resident = validation.ok && errors.length === 0 ? validation.resident : null;
    return { line, values, errors, resident };
  });
}

/** Which of these card numbers residents of the community already hold. */
async function takenCardNumbers(
  db: Kysely<Database>,
  communityId: string,
  cardNumbers: string[],
): Promise<Set<string>> {
  const taken = new Set<string>();
  // In slices, so a file of tens of thousands of cards stays far below the bind-parameter limit.
  for (let start = 0; start < cardNumbers.length; start += 1000) {
    const rows = await db
      .selectFrom('residents')
      .select('card_number')
      .where('community_id', '=', communityId)
      .where('card_number', 'in', cardNumbers.slice(start, start + 1000))
      .execute();
    for (const row of rows) taken.add(row.card_number);
  }
  return taken;
}
