import type { Database } from '@tally/db/schema';
import type { EarningRuleTerms } from '@tally/domain/earning-rules';
import type { PublishedRule } from '@tally/domain/rules';
import { type Kysely, sql } from 'kysely';
import type { StaffActor } from '../auth/actors';
import { runStaffWrite } from '../common/use-case';
import { findRule } from './active-rule';

// Another publish committing between our read of the newest version and our insert is the
// only reason to try again, so a handful of attempts is plenty.
const MAX_ATTEMPTS = 5;

/**
 * Publishes the next version of the community's earning rule. Versions are immutable and
 * numbered max + 1; the primary key (community_id, version) decides between two publishes at
 * once: the loser's insert does nothing and it takes the following number.
 */
export async function publishRule(
  db: Kysely<Database>,
  {
    staff,
    origin,
    idempotencyKey,
    terms,
  }: { staff: StaffActor; origin: string; idempotencyKey: string; terms: EarningRuleTerms },
): Promise<PublishedRule> {
  const { communityId } = staff;
  return runStaffWrite(
    db,
    { staff, origin, operation: 'rules.publish', key: idempotencyKey, request: terms },
    async (trx) => {
      const version = await insertNextVersion(trx, { communityId, staffId: staff.id, terms });
      const published = await findRule(trx, communityId, version);
      if (!published) throw new Error(`earning rule version ${version} vanished after publishing`);
      return {
        result: published.published,
        audit: {
          target: { type: 'earning_rule', id: String(version) },
          details: { version, terms },
        },
      };
    },
  );
}

async function insertNextVersion(
  trx: Kysely<Database>,
  {
    communityId,
    staffId,
    terms,
  }: { communityId: string; staffId: string; terms: EarningRuleTerms },
): Promise<number> {
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const { rows } = await sql<{ version: number }>`
      insert into earning_rules (community_id, version, terms, published_by)
      select ${communityId}::uuid, coalesce(max(version), 0) + 1, ${JSON.stringify(terms)}::jsonb,
             ${staffId}::uuid
        from earning_rules
       where community_id = ${communityId}
      on conflict (community_id, version) do nothing
      returning version`.execute(trx);
    const inserted = rows[0];
    if (inserted) return inserted.version;
  }
  throw new Error(`could not publish an earning rule after ${MAX_ATTEMPTS} attempts`);
}
