import { randomInt, randomUUID } from 'node:crypto';
import type { Database } from '@tally/db/schema';
import { categoryIds } from '@tally/domain/categories';
import type { CertificateContent, IssueCertificateInput } from '@tally/domain/certificates';
import { DomainError } from '@tally/domain/errors';
import type { LocalizedText } from '@tally/domain/localized-text';
import { minutesToHours } from '@tally/domain/units';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { StaffActor } from '../auth/actors';
import { runStaffWrite } from '../common/use-case';
import { countedService } from '../reports/counted-service';
import { hashCertificate } from './certificate-hash';
import { getCertificate, type StoredCertificate } from './read-certificates';

// Crockford's base-32 digits: no I, L, O or U to misread on paper.
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * Issues a service certificate for a resident and a period: their approved service that still
 * counts, by category, and the organizations they served with. The content is fixed now and
 * stored with its SHA-256; the hash also goes into the (append-only) audit log, so an edit to
 * the stored certificate shows on its public verification page.
 */
export async function issueCertificate(
  db: Kysely<Database>,
  {
    staff,
    origin,
    input: { idempotencyKey, ...request },
  }: { staff: StaffActor; origin: string; input: IssueCertificateInput },
): Promise<StoredCertificate> {
  const { communityId } = staff;
  return runStaffWrite(
    db,
    { staff, origin, operation: 'certificates.issue', key: idempotencyKey, request },
    async (trx) => {
      const community = await trx
        .selectFrom('communities')
        .select([
          'name_zh',
          'name_en',
          'time_zone',
          sql<string>`to_char(now() at time zone time_zone, 'YYYY-MM-DD')`.as('today'),
        ])
        .where('id', '=', communityId)
        .executeTakeFirstOrThrow();
      if (request.to > community.today) {
        throw new DomainError('VALIDATION_FAILED', 'to: A certificate cannot cover days to come');
      }
      const resident = await trx
        .selectFrom('residents')
        .select(['id', 'name', 'card_number'])
        .where('community_id', '=', communityId)
        .where('id', '=', request.residentId)
        .executeTakeFirst();
      if (!resident) throw new DomainError('NOT_FOUND', 'That resident could not be found.');
      const communityName = { zh: community.name_zh, en: community.name_en };
      const number = newCertificateNumber({ community: communityName, today: community.today });
      const content = await certificateContent(trx, {
        communityId,
        timeZone: community.time_zone,
        number,
        issuedOn: community.today,
        community: communityName,
        resident,
        period: { from: request.from, to: request.to },
      });
      const contentHash = hashCertificate(content);
      const id = randomUUID();
      await trx
        .insertInto('certificates')
        .values({
          community_id: communityId,
          id,
          number,
          resident_id: resident.id,
          period_from: request.from,
          period_to: request.to,
          content: JSON.stringify(content),
          content_hash: contentHash,
          issued_by: staff.id,
        })
        .execute();
      const issued = await getCertificate(trx, { communityId, number });
      if (!issued) throw new Error(`certificate ${number} vanished after issue`);
      return {
        result: issued,
        audit: {
          target: { type: 'certificate', id },
          details: { number, contentHash, residentId: resident.id, ...content.period },
        },
      };
    },
  );
}

/**
 * The community's initial, the year and 80 random bits in four groups of Crockford base-32: the
 * number is what the public page answers to, so it must not be guessable (no serial in it).
 */
export function newCertificateNumber({
  community,
  today,
}: {
  community: LocalizedText;
  today: string;
}): string {
  const initial = /[A-Za-z]/.exec(community.en)?.[0]?.toUpperCase() ?? 'T';
  const groups = Array.from({ length: 4 }, () =>
    Array.from({ length: 4 }, () => CROCKFORD[randomInt(32)]).join(''),
  );
  return `${initial}-${today.slice(0, 4)}-${groups.join('-')}`;
}

async function certificateContent(
  trx: Transaction<Database>,
  {
    communityId,
    timeZone,
    number,
    issuedOn,
    community,
    resident,
    period,
  }: {
    communityId: string;
    timeZone: string;
    number: string;
    issuedOn: string;
    community: LocalizedText;
    resident: { id: string; name: string; card_number: string };
    period: { from: string; to: string };
  },
): Promise<CertificateContent> {
  const records = await countedService(trx, {
    communityId,
    timeZone,
    residentId: resident.id,
    ...period,
  });
  const organizationIds = [...new Set(records.map((r) => r.organizationId))];
  const organizations =
    organizationIds.length === 0
      ? []
      : await trx
          .selectFrom('organizations')
          .select(['name_zh', 'name_en'])
          .where('community_id', '=', communityId)
          .where('id', 'in', organizationIds)
          .orderBy('name_zh')
          .orderBy('name_en')
          .execute();
  const hoursByCategory = categoryIds
    .map((category) => {
      const minutes = records
        .filter((r) => r.category === category)
        .reduce((sum, r) => sum + r.minutes, 0);
      return { category, minutes, hours: minutesToHours(minutes) };
    })
    .filter((row) => row.minutes > 0);
  const totalMinutes = hoursByCategory.reduce((sum, row) => sum + row.minutes, 0);
  return {
    number,
    issuedOn,
    issuer: { community },
    resident: { name: resident.name, cardNumber: resident.card_number },
    period,
    organizations: organizations.map((o) => ({ zh: o.name_zh, en: o.name_en })),
    hoursByCategory,
    totalMinutes,
    totalHours: minutesToHours(totalMinutes),
  };
}
