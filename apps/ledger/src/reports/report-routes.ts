import type { Database } from '@tally/db/schema';
import { DomainError } from '@tally/domain/errors';
import { ReportInput, type ReportName, reportNames } from '@tally/domain/reports';
import { describeIssues } from '@tally/domain/validation';
import type { Kysely } from 'kysely';
import { type PlainRoute, staffRoute } from '../http/plain-routes';
import { motivationReport } from './motivation-report';
import { organizationsReport } from './organizations-report';
import { reportCsv } from './report-csv';
import { structureReport } from './structure-report';
import { willingnessReport } from './willingness-report';

type Build = (
  db: Kysely<Database>,
  args: { communityId: string; input: ReportInput },
) => Promise<Record<string, unknown>>;

export const reportBuilders: Record<ReportName, Build> = {
  structure: structureReport,
  willingness: willingnessReport,
  motivation: motivationReport,
  organizations: organizationsReport,
};

/**
 * `GET /reports/<report>.csv?from=&to=&organizationId=&lang=en|zh`: each report as a spreadsheet
 * in words of the chosen language, for the office and auditors.
 */
export const reportRoutes: PlainRoute[] = [
  staffRoute<{ Params: { file: string }; Querystring: Record<string, string> }>({
    method: 'GET',
    url: '/reports/:file',
    roles: ['office', 'auditor', 'street'],
    handle: async ({ readDb, staff, request, reply }) => {
      const name = request.params.file.replace(/\.csv$/, '') as ReportName;
      if (!request.params.file.endsWith('.csv') || !reportNames.includes(name)) {
        throw new DomainError('NOT_FOUND', 'There is no such report.');
      }
      const parsed = ReportInput.safeParse(request.query);
      if (!parsed.success) {
        throw new DomainError('VALIDATION_FAILED', describeIssues(parsed.error));
      }
      const report = await reportBuilders[name](readDb, {
        communityId: staff.communityId,
        input: parsed.data,
      });
      const { from, to } = report.period as { from: string; to: string };
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}-${from}-${to}.csv"`)
        .header('cache-control', 'no-store')
        .send(reportCsv(report, request.query.lang === 'zh' ? 'zh' : 'en'));
    },
  }),
];
