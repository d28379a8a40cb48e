import type { Database } from '@tally/db/schema';
import { EarningRuleTerms } from '@tally/domain/earning-rules';
import { defaultEarningRuleTerms, type PublishedRule } from '@tally/domain/rules';
import type { Kysely } from 'kysely';
import { recordAudit } from '../common/audit';
import { inTransaction } from '../ledger/executor';

/** A published rule: its version and the terms the arithmetic runs on. */
export type ActiveRule = { version: number; terms: EarningRuleTerms; published: PublishedRule };

/** Every published version of a community's rule, newest first. */
export async function listRules(db: Kysely<Database>, communityId: string): Promise<ActiveRule[]> {
  const rows = await rulesQuery(db, communityId).execute();
  return rows.map(toActiveRule);
}

/** The newest published version, or undefined when the community has none yet. */
export async function latestRule(
  db: Kysely<Database>,
  communityId: string,
): Promise<ActiveRule | undefined> {
  const row = await rulesQuery(db, communityId).limit(1).executeTakeFirst();
  return row ? toActiveRule(row) : undefined;
}

/** One published version, or undefined when there is no such version. */
export async function findRule(
  db: Kysely<Database>,
  communityId: string,
  version: number,
): Promise<ActiveRule | undefined> {
  const row = await rulesQuery(db, communityId).where('r.version', '=', version).executeTakeFirst();
  return row ? toActiveRule(row) : undefined;
}

/**
 * The rule in force. A community that never published one runs on the default rule, which
 * is published as version 1 (by the system, audited) the first time it is needed: every
 * credit then names a version that exists and can be read back. Two first needs at once
 * insert the same version 1; the primary key keeps one and the other reads it.
 */
export async function activeRule(db: Kysely<Database>, communityId: string): Promise<ActiveRule> {
  const current = await latestRule(db, communityId);
  if (current) return current;
  return inTransaction(db, async (trx) => {
    const inserted = await trx
      .insertInto('earning_rules')
      .values({
        community_id: communityId,
        version: 1,
        terms: JSON.stringify(defaultEarningRuleTerms),
        published_by: null,
      })
      .onConflict((oc) => oc.columns(['community_id', 'version']).doNothing())
      .returning('version')
      .executeTakeFirst();
    if (inserted) {
      await recordAudit(trx, {
        communityId,
        actor: { type: 'system', id: null },
        action: 'rules.publish_default',
        target: { type: 'earning_rule', id: '1' },
        origin: null,
        details: { terms: defaultEarningRuleTerms },
      });
    }
    const rule = await latestRule(trx, communityId);
    if (!rule) throw new Error(`community ${communityId} has no earning rule after publishing one`);
    return rule;
  });
}

function rulesQuery(db: Kysely<Database>, communityId: string) {
  return db
    .selectFrom('earning_rules as r')
    .leftJoin('staff_users as s', (join) =>
      join.onRef('s.community_id', '=', 'r.community_id').onRef('s.id', '=', 'r.published_by'),
    )
    .select(['r.version', 'r.terms', 'r.published_at', 'r.published_by', 's.display_name'])
    .where('r.community_id', '=', communityId)
    .orderBy('r.version', 'desc');
}

type RuleRow = {
  version: number;
  terms: unknown;
  published_at: Date;
  published_by: string | null;
  display_name: string | null;
};

function toActiveRule(row: RuleRow): ActiveRule {
  // Stored terms were validated when published; parsing again guards the arithmetic
  // against a row edited out of band (a failure here is ours, not the caller's).
  const terms = EarningRuleTerms.parse(row.terms);
  return {
    version: row.version,
    terms,
    published: {
      version: row.version,
      basePointsPerHour: terms.basePointsPerHour,
      categoryWeights: terms.categoryWeights,
      dailyCapPoints: terms.dailyCapPoints ?? null,
      firstParticipationBonus: terms.firstParticipationBonus ?? null,
      ...(terms.campaign ? { campaign: terms.campaign } : {}),
      timeBankEarns: terms.timeBankEarns ?? false,
      publishedAt: row.published_at.toISOString(),
      publishedBy: row.published_by
        ? { id: row.published_by, displayName: row.display_name ?? '' }
        : null,
    },
  };
}
