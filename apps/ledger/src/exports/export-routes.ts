import { Readable } from 'node:stream';
import type { Database } from '@tally/db/schema';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { StaffActor } from '../auth/actors';
import { recordAudit } from '../common/audit';
import { type PlainRoute, staffRoute } from '../http/plain-routes';
import { balancesExport } from './balances-export';
import { csvLine, UTF8_BOM } from './csv';
import type { CsvExport, ExportLanguage } from './csv-export';
import { journalExport } from './journal-export';
import { serviceRecordsExport } from './service-records-export';
import { zonedTime } from './zoned-time';

const csvExports = [journalExport, balancesExport, serviceRecordsExport];

/**
 * CSV downloads of the journal, the balances and the service records, for the
 * office and auditors (`GET /exports/<file>.csv?lang=en|zh`). Plain HTTP, not
 * tRPC: a browser saves a streamed file from a link. The file is written as
 * it is read, a page at a time, so neither the server nor the page holds the
 * whole of a large ledger.
 */
export const exportRoutes: PlainRoute[] = csvExports.map((csvExport) =>
  staffRoute<{ Querystring: { lang?: string } }>({
    method: 'GET',
    url: `/exports/${csvExport.file}.csv`,
    roles: ['office', 'auditor'],
    // No automatic HEAD route: a HEAD would be audited as a download that never happened.
    exposeHeadRoute: false,
    handle: ({ db, readDb, staff, request, reply }) =>
      sendExport({ db, readDb }, { csvExport, staff, request, reply }),
  }),
);

/**
 * The download is audited on the primary; its rows are read where heavy reads go (a replica when
 * there is one), a page at a time.
 */
async function sendExport(
  { db, readDb }: { db: Kysely<Database>; readDb: Kysely<Database> },
  {
    csvExport,
    staff,
    request,
    reply,
  }: {
    csvExport: CsvExport;
    staff: StaffActor;
    request: FastifyRequest<{ Querystring: { lang?: string } }>;
    reply: FastifyReply;
  },
) {
  const { communityId } = staff;
  const language: ExportLanguage = request.query.lang === 'zh' ? 'zh' : 'en';
  const community = await db
    .selectFrom('communities')
    .select('time_zone')
    .where('id', '=', communityId)
    .executeTakeFirstOrThrow();
  const localTime = zonedTime(community.time_zone);
  await recordAudit(db, {
    communityId,
    actor: { type: 'staff', id: staff.id },
    action: csvExport.action,
    origin: request.ip,
    details: { language },
  });
  const file = `tally-${csvExport.file}-${localTime(new Date()).slice(0, 10)}.csv`;
  const body = Readable.from(csvText(csvExport, { db: readDb, language, communityId, localTime }), {
    objectMode: false,
  });
  return reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${file}"`)
    .header('cache-control', 'no-store')
    .send(body);
}

async function* csvText(
  csvExport: CsvExport,
  {
    db,
    language,
    communityId,
    localTime,
  }: {
    db: Kysely<Database>;
    language: ExportLanguage;
    communityId: string;
    localTime: (instant: Date) => string;
  },
): AsyncGenerator<string> {
  yield UTF8_BOM + csvLine(csvExport.columns.map((column) => column[language]));
  for await (const rows of csvExport.batches(db, { communityId, language, localTime })) {
    yield rows.map(csvLine).join('');
  }
}
