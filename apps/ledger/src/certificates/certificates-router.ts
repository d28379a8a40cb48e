import {
  Certificate,
  GetCertificateInput,
  IssueCertificateInput,
  ListCertificatesInput,
} from '@tally/domain/certificates';
import { DomainError } from '@tally/domain/errors';
import { pageOf } from '@tally/domain/pagination';
import { auditReadProcedure, officeProcedure, router } from '../trpc';
import { issueCertificate } from './issue-certificate';
import { getCertificate, listCertificates, withVerifyUrl } from './read-certificates';

// Printable at GET /certificates/<number>.html (staff); verifiable by anyone at /verify/<number>.

export const certificatesRouter = router({
  issue: officeProcedure
    .meta({
      summary:
        "Issues a resident's service certificate for a period: approved, unreversed service by " +
        'category and the organizations served, fixed at issue with its SHA-256.',
      errors: ['NOT_FOUND', 'VALIDATION_FAILED', 'IDEMPOTENCY_CONFLICT'],
    })
    .input(IssueCertificateInput)
    .output(Certificate)
    .mutation(async ({ ctx, input }) =>
      withVerifyUrl(
        await issueCertificate(ctx.db, { staff: ctx.staff, origin: ctx.origin, input }),
        ctx.publicUrl,
      ),
    ),

  list: auditReadProcedure
    .meta({
      summary: 'Issued certificates, newest first (optionally one resident’s).',
      errors: ['VALIDATION_FAILED'],
    })
    .input(ListCertificatesInput)
    .output(pageOf(Certificate))
    .query(async ({ ctx, input }) => {
      const page = await listCertificates(ctx.db, {
        communityId: ctx.staff.communityId,
        filter: input,
      });
      return { ...page, items: page.items.map((item) => withVerifyUrl(item, ctx.publicUrl)) };
    }),

  get: auditReadProcedure
    .meta({ summary: 'One certificate by its number.', errors: ['NOT_FOUND'] })
    .input(GetCertificateInput)
    .output(Certificate)
    .query(async ({ ctx, input }) => {
      const found = await getCertificate(ctx.db, {
        communityId: ctx.staff.communityId,
        number: input.number,
      });
      if (!found) throw new DomainError('NOT_FOUND', 'No certificate has that number.');
      return withVerifyUrl(found, ctx.publicUrl);
    }),
});
