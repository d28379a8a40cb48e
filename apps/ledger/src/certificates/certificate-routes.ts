import { CertificateNumber } from '@tally/domain/certificates';
import { DomainError } from '@tally/domain/errors';
import { takeRequest } from '../common/request-limits';
import { type PlainRoute, publicRoute, staffRoute } from '../http/plain-routes';
import { certificateHtml, PRINT_SCRIPT, verificationHtml } from './certificate-html';
import { certificateSummary, getCertificate, verifyCertificate } from './read-certificates';

// Anyone holding a certificate can check it, so the check is public. Numbers carry 80 random bits,
// and each address may ask only so often (counted in the database, so it holds across instances).
const VERIFY_LIMITS = (source: string) => [
  { key: `verify:source:${source}`, max: 30, seconds: 60 },
  { key: 'verify:all', max: 600, seconds: 60 },
];

function verifyUrl(publicUrl: URL, number: string): string {
  return new URL(`/verify/${encodeURIComponent(number)}`, publicUrl).toString();
}

/**
 * `GET /verify/<number>` — public: is this certificate genuine and unaltered? The public sees what
 * proves it (a masked name, the hours, the period, the issuer, the date); the office and auditors
 * of the issuing community, signed in, see the whole certificate. An HTML page, or
 * `{ number, verdict, summary? , content? }` for `Accept: application/json`.
 * `GET /certificates/<number>.html` — the printable certificate, for the office and auditors.
 */
export const certificateRoutes: PlainRoute[] = [
  publicRoute<{ Params: { number: string } }>({
    method: 'GET',
    url: '/verify/:number',
    handle: async ({ db, publicUrl, limitScale, caller, request, reply }) => {
      const json = request.headers.accept?.includes('application/json') ?? false;
      await takeRequest(
        db,
        VERIFY_LIMITS(request.ip).map((limit) => ({ ...limit, max: limit.max * limitScale })),
      );
      const parsed = CertificateNumber.safeParse(request.params.number);
      const number = parsed.success ? parsed.data : request.params.number.slice(0, 40);
      const verification = parsed.success
        ? await verifyCertificate(db, parsed.data)
        : { verdict: 'not_found' as const };
      const status = { genuine: 200, altered: 409, not_found: 404 }[verification.verdict];
      const certificate = verification.certificate;
      const staff = certificate ? await caller.staff() : null;
      const full =
        certificate &&
        staff?.communityId === certificate.communityId &&
        ['office', 'auditor'].includes(staff.role)
          ? certificate.content
          : undefined;
      const summary = certificate ? certificateSummary(certificate.content) : undefined;
      reply.code(status).header('cache-control', 'no-store');
      // Other systems (a school's, the civil-affairs system) may ask for the verdict as data.
      if (json) {
        return reply.send({
          number,
          verdict: verification.verdict,
          ...(summary ? { summary } : {}),
          ...(full ? { content: full } : {}),
        });
      }
      return reply.header('content-type', 'text/html; charset=utf-8').send(
        verificationHtml({
          number,
          verdict: verification.verdict,
          summary,
          content: full,
          verifyUrl: verifyUrl(publicUrl, number),
        }),
      );
    },
  }),

  // The printable page's one script (the content policy allows no inline script). Public: it
  // only opens the print dialog. A fixed path, so Fastify matches it before '/certificates/:file'.
  publicRoute({
    method: 'GET',
    url: '/certificates/print.js',
    handle: ({ reply }) =>
      reply
        .header('content-type', 'text/javascript; charset=utf-8')
        .header('cache-control', 'public, max-age=3600')
        .send(PRINT_SCRIPT),
  }),

  staffRoute<{ Params: { file: string } }>({
    method: 'GET',
    url: '/certificates/:file',
    roles: ['office', 'auditor'],
    handle: async ({ db, publicUrl, staff, request, reply }) => {
      const parsed = CertificateNumber.safeParse(request.params.file.replace(/\.html$/, ''));
      const certificate =
        parsed.success && request.params.file.endsWith('.html')
          ? await getCertificate(db, { communityId: staff.communityId, number: parsed.data })
          : undefined;
      if (!certificate) throw new DomainError('NOT_FOUND', 'No certificate has that number.');
      return reply
        .header('content-type', 'text/html; charset=utf-8')
        .header('cache-control', 'no-store')
        .send(certificateHtml(certificate.content, verifyUrl(publicUrl, certificate.number)));
    },
  }),
];
