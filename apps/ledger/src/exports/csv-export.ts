import type { Database } from '@tally/db/schema';
import type { AuditAction } from '@tally/domain/audit';
import type { Kysely } from 'kysely';
import type { CsvCell } from './csv';

export type ExportLanguage = 'en' | 'zh';

export type ExportScope = {
  communityId: string;
  /** The language of the file: its headers, and the rows' words where the service writes some. */
  language: ExportLanguage;
  /** Formats an instant as the community's local time. */
  localTime: (instant: Date) => string;
  /** Rows (or, for the journal, transactions) per keyset page. */
  batchSize?: number;
};

/**
 * One streamed CSV export: its file, its columns in both languages, and its
 * rows read a page at a time with keyset pagination, so memory stays bounded
 * however big the community's data.
 */
export type CsvExport = {
  /** Audit action, e.g. `exports.journal`. */
  action: AuditAction;
  /** Name in the URL (`/exports/<file>.csv`) and in the downloaded file's name. */
  file: string;
  columns: Record<ExportLanguage, string>[];
  batches: (db: Kysely<Database>, scope: ExportScope) => AsyncGenerator<CsvCell[][]>;
};
