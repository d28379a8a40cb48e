import { asPostgresError, UNIQUE_VIOLATION } from '@tally/db/errors';
import type { Database } from '@tally/db/schema';
import { isDomainError } from '@tally/domain/errors';
import type {
  ImportProblem,
  ImportResidentsInput,
  ImportResidentsResult,
} from '@tally/domain/imports';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { StaffActor } from '../auth/actors';
import { hashSecret } from '../auth/secrets';
import { runStaffWrite } from '../common/use-case';
import { createResident, type NewResident } from './create-resident';
import { CARD_TAKEN, checkImportRows } from './import-rows';

type Created = ImportResidentsResult['created'][number];
type Failed = ImportResidentsResult['failed'][number];

/**
 * Issues member cards for one chunk of a residents file (the admin app sends
 * big files in chunks, each with its own key, and shows progress between
 * them). Each valid row becomes a resident with both accounts, or nothing at
 * all; a row with an error is reported against its line and the rest go on.
 * The chunk is exactly once and audited as one entry with counts.
 *
 * PINs are hashed first, in parallel (argon2 takes ~40 ms each), so the
 * transaction stays short; they are kept out of the request fingerprint and
 * the audit log, as at `residents.create`.
 */
export async function importResidents(
  db: Kysely<Database>,
  {
    staff,
    origin,
    input: { idempotencyKey, rows },
  }: { staff: StaffActor; origin: string; input: ImportResidentsInput },
): Promise<ImportResidentsResult> {
  const { communityId } = staff;
  // A replayed chunk finds its cards taken, so a retry hashes nothing before reading the first answer.
  const checked = await checkImportRows(db, { communityId, rows });
  const prepared = await Promise.all(
    checked.map(async (row) => ({
      ...row,
      pinHash: row.resident ? await hashSecret(row.resident.pin) : null,
    })),
  );
  const request = rows.map(({ line, values: { pin: _pin, ...values } }) => ({ line, values }));
  return runStaffWrite(
    db,
    { staff, origin, operation: 'residents.import', key: idempotencyKey, request },
    async (trx) => {
      const created: Created[] = [];
      const failed: Failed[] = [];
      for (const { line, errors, resident, pinHash } of prepared) {
        if (!resident || !pinHash) {
          failed.push({ line, errors });
          continue;
        }
        const outcome = await createRow(trx, { ...resident, communityId }, pinHash);
        if ('errors' in outcome) failed.push({ line, errors: outcome.errors });
        else created.push({ line, ...outcome });
      }
      return {
        result: { created, failed },
        audit: {
          details: {
            rows: rows.length,
            created: created.length,
            failed: failed.length,
            failedLines: failed.map((row) => row.line),
          },
        },
      };
    },
  );
}

/**
 * One row in a savepoint: if its card was taken meanwhile (by another office
 * member, or another chunk), the row leaves nothing behind and the chunk goes
 * on. Any other failure fails the whole chunk, which then wrote nothing.
 */
async function createRow(
  trx: Transaction<Database>,
  resident: NewResident,
  pinHash: string,
): Promise<{ id: string; cardNumber: string } | { errors: ImportProblem[] }> {
  await sql`savepoint import_row`.execute(trx);
  try {
    const { id, cardNumber } = await createResident(trx, resident, { pinHash });
    await sql`release savepoint import_row`.execute(trx);
    return { id, cardNumber };
  } catch (error) {
    if (!isCardTaken(error)) throw error;
    await sql`rollback to savepoint import_row`.execute(trx);
    return { errors: [CARD_TAKEN] };
  }
}

function isCardTaken(error: unknown): boolean {
  if (isDomainError(error, 'DUPLICATE')) return true;
  const pgError = asPostgresError(error);
  return (
    pgError?.code === UNIQUE_VIOLATION &&
    pgError.constraint === 'residents_community_id_card_number_key'
  );
}
