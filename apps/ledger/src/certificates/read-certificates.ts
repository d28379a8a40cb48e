import type { Database } from '@tally/db/schema';
import {
  type Certificate,
  CertificateContent,
  type CertificateSummary,
  type CertificateVerdict,
  type ListCertificatesInput,
} from '@tally/domain/certificates';
import { maskName } from '@tally/domain/masked-name';
import type { Kysely } from 'kysely';
import { cursorTime, newestFirst, type Page, toTimePage } from '../common/pages';
import { hashCertificate } from './certificate-hash';

function certificates(db: Kysely<Database>) {
  return db
    .selectFrom('certificates as c')
    .innerJoin('staff_users as u', (join) =>
      join.onRef('u.community_id', '=', 'c.community_id').onRef('u.id', '=', 'c.issued_by'),
    )
    .select([
      'c.id',
      'c.community_id',
      'c.number',
      'c.resident_id',
      'c.content',
      'c.content_hash',
      'c.issued_at',
      'u.id as issuer_id',
      'u.display_name as issuer_name',
      cursorTime('c.issued_at').as('cursor_time'),
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof certificates>['execute']>>[number];

/** A certificate as stored; its whole verification address is added where PUBLIC_URL is known. */
export type StoredCertificate = Omit<Certificate, 'verifyUrl'>;

/** The certificate with the address its QR code holds, on PUBLIC_URL. */
export function withVerifyUrl(certificate: StoredCertificate, publicUrl: URL): Certificate {
  return { ...certificate, verifyUrl: new URL(certificate.verifyPath, publicUrl).toString() };
}

function toCertificate(row: Row): StoredCertificate {
  return {
    id: row.id,
    number: row.number,
    residentId: row.resident_id,
    // Read as stored: verification, not this parse, is what says whether it was altered.
    content: CertificateContent.parse(row.content),
    contentHash: row.content_hash,
    issuedAt: row.issued_at.toISOString(),
    issuedBy: { id: row.issuer_id, displayName: row.issuer_name },
    verifyPath: `/verify/${row.number}`,
  };
}

export async function getCertificate(
  db: Kysely<Database>,
  { communityId, number }: { communityId: string; number: string },
): Promise<StoredCertificate | undefined> {
  const row = await certificates(db)
    .where('c.community_id', '=', communityId)
    .where('c.number', '=', number)
    .executeTakeFirst();
  return row ? toCertificate(row) : undefined;
}

/** Issued certificates, newest first, optionally one resident's. */
export async function listCertificates(
  db: Kysely<Database>,
  { communityId, filter }: { communityId: string; filter: ListCertificatesInput },
): Promise<Page<StoredCertificate>> {
  let query = newestFirst(certificates(db).where('c.community_id', '=', communityId), {
    time: 'c.issued_at',
    id: 'c.id',
    cursor: filter.cursor,
  }).limit(filter.limit + 1);
  if (filter.residentId) query = query.where('c.resident_id', '=', filter.residentId);
  const page = toTimePage(await query.execute(), filter.limit);
  return { items: page.items.map(toCertificate), nextCursor: page.nextCursor };
}

/** What the public may see of a genuine certificate (see `CertificateSummary`). */
export function certificateSummary(content: CertificateContent): CertificateSummary {
  return {
    number: content.number,
    issuedOn: content.issuedOn,
    issuer: content.issuer,
    resident: { maskedName: maskName(content.resident.name) },
    period: content.period,
    totalHours: content.totalHours,
  };
}

export type Verification =
  | {
      verdict: Extract<CertificateVerdict, 'genuine'>;
      certificate: StoredCertificate & { communityId: string };
    }
  | { verdict: Exclude<CertificateVerdict, 'genuine'>; certificate?: undefined };

/**
 * The public check behind /verify/<number>: the certificate exists, and its stored content still
 * hashes to the hash recorded at issue — both the one stored beside it and the one in the
 * append-only audit log, so rewriting content and hash together does not pass either.
 *
 * The number arrives without its community, and numbers are unique within a community only (so
 * the database can be split by community). With 80 random bits two communities never draw the
 * same one; if they ever did, the page vouches for neither rather than for whichever comes first.
 */
export async function verifyCertificate(
  db: Kysely<Database>,
  number: string,
): Promise<Verification> {
  const rows = await certificates(db).where('c.number', '=', number).limit(2).execute();
  const [row] = rows;
  if (!row || rows.length > 1) return { verdict: 'not_found' };
  const issued = await db
    .selectFrom('audit_log')
    .select('details')
    .where('community_id', '=', row.community_id)
    .where('action', '=', 'certificates.issue')
    .where('target_type', '=', 'certificate')
    .where('target_id', '=', row.id)
    .executeTakeFirst();
  const recorded = (issued?.details as { contentHash?: string } | undefined)?.contentHash;
  const content = CertificateContent.safeParse(row.content);
  const intact =
    content.success &&
    hashCertificate(row.content) === row.content_hash &&
    recorded === row.content_hash;
  return intact
    ? { verdict: 'genuine', certificate: { ...toCertificate(row), communityId: row.community_id } }
    : { verdict: 'altered' };
}
