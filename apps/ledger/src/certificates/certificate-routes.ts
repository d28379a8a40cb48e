import type { Database } from '@tally/db/schema';
import { CertificateNumber } from '@tally/domain/certificates';
import { DomainError } from '@tally/domain/errors';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { sendDomainError, staffFromRequest } from '../auth/staff-request';
import { certificateHtml, PRINT_SCRIPT, verificationHtml } from './certificate-html';
import { getCertificate, verifyCertificate } from './read-certificates';

// Anyone holding a certificate can check it, so the check is public; guessing numbers is held
// back by the random part of the number and by this limit.
const VERIFY_RATE_LIMIT = { max: 60, timeWindow: '1 minute' };

function verifyUrl(request: FastifyRequest, number: string): string {
  return `${request.protocol}://${request.host}/verify/${encodeURIComponent(number)}`;
}

/**
 * `GET /verify/<number>` — public: is this certificate genuine and unaltered? An HTML page, or
 * `{ number, verdict, content? }` for `Accept: application/json`.
 * `GET /certificates/<number>.html` — the printable certificate, for the office and auditors.
 */
export function registerCertificateRoutes(app: FastifyInstance, db: Kysely<Database>): void {
  app.get<{ Params: { number: string } }>(
    '/verify/:number',
    { config: { rateLimit: VERIFY_RATE_LIMIT } },
    async (request, reply) => {
      const parsed = CertificateNumber.safeParse(request.params.number);
      const number = parsed.success ? parsed.data : request.params.number.slice(0, 40);
      const verification = parsed.success
        ? await verifyCertificate(db, parsed.data)
        : { verdict: 'not_found' as const };
      const status = { genuine: 200, altered: 409, not_found: 404 }[verification.verdict];
      // Other systems (a school's, the civil-affairs system) may ask for the verdict as data.
      if (request.headers.accept?.includes('application/json')) {
        return reply
          .code(status)
          .header('cache-control', 'no-store')
          .send({
            number,
            verdict: verification.verdict,
            ...(verification.certificate ? { content: verification.certificate.content } : {}),
          });
      }
      return reply
        .code(status)
        .header('content-type', 'text/html; charset=utf-8')
        .header('cache-control', 'no-store')
        .send(
          verificationHtml({
            number,
            verdict: verification.verdict,
            content: verification.certificate?.content,
            verifyUrl: verifyUrl(request, number),
          }),
        );
    },
  );

  // The printable page's one script (the content policy allows no inline script). Public: it
  // only opens the print dialog. A fixed path, so Fastify matches it before '/certificates/:file'.
  app.get('/certificates/print.js', (_request, reply) =>
    reply
      .header('content-type', 'text/javascript; charset=utf-8')
      .header('cache-control', 'public, max-age=3600')
      .send(PRINT_SCRIPT),
  );

  app.get<{ Params: { file: string } }>('/certificates/:file', async (request, reply) => {
    try {
      const staff = await staffFromRequest(db, request, ['office', 'auditor']);
      const parsed = CertificateNumber.safeParse(request.params.file.replace(/\.html$/, ''));
      const certificate =
        parsed.success && request.params.file.endsWith('.html')
          ? await getCertificate(db, { communityId: staff.communityId, number: parsed.data })
          : undefined;
      if (!certificate) throw new DomainError('NOT_FOUND', 'No certificate has that number.');
      return reply
        .header('content-type', 'text/html; charset=utf-8')
        .header('cache-control', 'no-store')
        .send(certificateHtml(certificate.content, verifyUrl(request, certificate.number)));
    } catch (error) {
      return sendDomainError(request, reply, error);
    }
  });
}
