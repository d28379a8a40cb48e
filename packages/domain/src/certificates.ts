import { z } from 'zod';
import { CalendarDay } from './calendar';
import { ServiceCategory } from './categories';
import { Id, IdempotencyKey } from './ledger';
import { LocalizedText } from './localized-text';
import { PageInput } from './pagination';

/**
 * A certificate number: the community's initial, the year of issue and sixteen random
 * characters of Crockford's base 32 (80 bits), so nobody can find certificates by guessing
 * numbers on the public verification page. E.g. `Q-2026-7KQ4-M2XD-9RTB-H3CW`. Numbers issued
 * before December 2026 had a serial and four random characters (`Q-2026-000123-7KQ4`); they can
 * still be read.
 */
export const CertificateNumber = z
  .string()
  .trim()
  .max(40)
  .toUpperCase()
  .regex(
    /^[A-Z]-\d{4}-(?:[0-9A-Z]{4}(?:-[0-9A-Z]{4}){3}|\d{6,}-[0-9A-Z]{4})$/,
    'Not a certificate number',
  );

export const IssueCertificateInput = z
  .object({
    idempotencyKey: IdempotencyKey,
    residentId: Id,
    /** Calendar days in the community's time zone, both included. */
    from: CalendarDay,
    to: CalendarDay,
  })
  .refine((input) => input.from <= input.to, {
    message: 'The period must not end before it starts',
    path: ['to'],
  });
export type IssueCertificateInput = z.infer<typeof IssueCertificateInput>;

/**
 * A name on a certificate, in each language. Certificates issued before names were stored per
 * language hold the one string they were issued with; they stay as issued (the hash covers it).
 */
export const NameAsIssued = z.union([LocalizedText, z.string()]);
export type NameAsIssued = z.infer<typeof NameAsIssued>;

/** What a certificate says, fixed at issue; its SHA-256 over canonical JSON is stored with it. */
export const CertificateContent = z.object({
  number: z.string(),
  issuedOn: z.iso.date(),
  issuer: z.object({ community: NameAsIssued }),
  resident: z.object({ name: z.string(), cardNumber: z.string() }),
  period: z.object({ from: z.iso.date(), to: z.iso.date() }),
  organizations: z.array(NameAsIssued),
  hoursByCategory: z.array(
    z.object({
      category: ServiceCategory,
      minutes: z.number().int().positive(),
      hours: z.number().nonnegative(),
    }),
  ),
  totalMinutes: z.number().int().nonnegative(),
  totalHours: z.number().nonnegative(),
});
export type CertificateContent = z.infer<typeof CertificateContent>;

export const Certificate = z.object({
  id: Id,
  number: z.string(),
  residentId: Id,
  content: CertificateContent,
  contentHash: z.string().regex(/^[0-9a-f]{64}$/),
  issuedAt: z.iso.datetime({ offset: true }),
  issuedBy: z.object({ id: Id, displayName: z.string() }),
  /** The public page that confirms the certificate: `/verify/<number>`. */
  verifyPath: z.string(),
  /** The same page's whole address, from PUBLIC_URL (what its QR code holds). */
  verifyUrl: z.string(),
});
export type Certificate = z.infer<typeof Certificate>;

export const ListCertificatesInput = PageInput.extend({ residentId: Id.optional() });
export type ListCertificatesInput = z.infer<typeof ListCertificatesInput>;

export const GetCertificateInput = z.object({ number: CertificateNumber });

/**
 * What the public verification page shows of a genuine certificate: enough to prove it belongs to
 * the person presenting it (a masked name, the hours, the period, the issuer and the date),
 * nothing that identifies the person to someone who merely has the number.
 */
export const CertificateSummary = z.object({
  number: z.string(),
  issuedOn: z.iso.date(),
  issuer: z.object({ community: NameAsIssued }),
  resident: z.object({ maskedName: z.string() }),
  period: z.object({ from: z.iso.date(), to: z.iso.date() }),
  totalHours: z.number().nonnegative(),
});
export type CertificateSummary = z.infer<typeof CertificateSummary>;

export const certificateVerdicts = ['genuine', 'altered', 'not_found'] as const;
export type CertificateVerdict = (typeof certificateVerdicts)[number];

/**
 * JSON with object keys sorted at every level and no spaces: the same content always gives the
 * same text, and so the same hash, however it was stored.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, inner]) => inner !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, inner]) => `${JSON.stringify(key)}:${canonicalJson(inner)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
