import { MAX_IMPORT_CSV_LENGTH } from '@tally/domain/imports';

export type CsvFile = { ok: true; text: string } | { ok: false; reason: 'tooLarge' };

/**
 * Reads a CSV file as text. Spreadsheets in China often save CSV in GBK rather than UTF-8;
 * a file that is not valid UTF-8 is read as GB18030 (GBK's superset), so its Chinese names
 * arrive intact instead of as replacement characters.
 */
export async function readCsvFile(file: Blob): Promise<CsvFile> {
  // The service takes at most 5 MB of request; the text travels as JSON inside it.
  if (file.size > MAX_IMPORT_CSV_LENGTH) return { ok: false, reason: 'tooLarge' };
  const bytes = new Uint8Array(await file.arrayBuffer());
  const text = decode(bytes);
  const requestSize = new TextEncoder().encode(JSON.stringify(text)).length;
  if (text.length > MAX_IMPORT_CSV_LENGTH || requestSize > MAX_IMPORT_CSV_LENGTH - 1024) {
    return { ok: false, reason: 'tooLarge' };
  }
  return { ok: true, text };
}

function decode(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}
