import type { Database } from '@tally/db/schema';
import type { EntryDescription } from '@tally/domain/entry-descriptions';
import { localizedText, noText } from '@tally/domain/localized-text';
import { type Kysely, sql } from 'kysely';

/** What a journal row needs to be described (the columns every reader selects). */
export type DescribableRow = {
  id: string;
  kind: string;
  memo: string;
  reference_type: string | null;
  reference_id: string | null;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The kind of entry a reference belongs to: a reversal carries the reference of what it reversed. */
const kindOfReference = {
  service_record: 'service_credit',
  redemption: 'redemption',
  goal: 'donation',
} as const;

type ServiceRow = {
  id: string;
  activity_title: string;
  minutes: number;
  points: number | null;
  rule_version: number | null;
  first_participation_bonus: number | null;
  correction_request_id: string | null;
};
type RedemptionRow = {
  id: string;
  reward_zh: string;
  reward_en: string;
  quantity: number;
  cancel_transaction_id: string | null;
  cancel_reason: string | null;
};

/**
 * Describes a page of entries as data (`EntryDescription`), from the records they point at:
 * one query per kind of record for the whole page, all within the community. The stored memo
 * is never rewritten (it is sealed in the entry's hash); it is what an entry with nothing to
 * point at is described by.
 */
export async function describeEntries(
  db: Kysely<Database>,
  communityId: string,
  rows: DescribableRow[],
): Promise<(row: DescribableRow) => EntryDescription> {
  const idsOf = (type: keyof typeof kindOfReference) => [
    ...new Set(
      rows
        .filter((r) => r.reference_type === type && r.reference_id && UUID.test(r.reference_id))
        .map((r) => r.reference_id as string),
    ),
  ];
  const reversalIds = rows.filter((r) => r.kind === 'reversal').map((r) => r.id);
  const moveIds = [
    ...new Set(
      rows
        .filter(
          (r) =>
            r.reference_type === 'resident_move' && r.reference_id && UUID.test(r.reference_id),
        )
        .map((r) => r.reference_id as string),
    ),
  ];
  const [services, redemptions, goals, corrections, moves] = await Promise.all([
    byId<ServiceRow>(idsOf('service_record'), (ids) =>
      db
        .selectFrom('service_records')
        .select([
          'id',
          'activity_title',
          'minutes',
          'points',
          'rule_version',
          'first_participation_bonus',
          'correction_request_id',
        ])
        .where('community_id', '=', communityId)
        .where('id', 'in', ids)
        .execute(),
    ),
    byId<RedemptionRow>(idsOf('redemption'), (ids) =>
      db
        .selectFrom('redemptions as d')
        .innerJoin('rewards as w', (join) =>
          join.onRef('w.community_id', '=', 'd.community_id').onRef('w.id', '=', 'd.reward_id'),
        )
        .select([
          'd.id',
          'w.name_zh as reward_zh',
          'w.name_en as reward_en',
          'd.quantity',
          'd.cancel_transaction_id',
          'd.cancel_reason',
        ])
        .where('d.community_id', '=', communityId)
        .where('d.id', 'in', ids)
        .execute(),
    ),
    byId<{ id: string; title_zh: string; title_en: string }>(idsOf('goal'), (ids) =>
      db
        .selectFrom('goals')
        .select(['id', 'title_zh', 'title_en'])
        .where('community_id', '=', communityId)
        .where('id', 'in', ids)
        .execute(),
    ),
    reversalIds.length === 0
      ? new Map<string, string>()
      : db
          .selectFrom('correction_requests')
          .select([
            'reversal_transaction_id as id',
            sql<string>`coalesce(resolution_reason, reason)`.as('reason'),
          ])
          .where('community_id', '=', communityId)
          .where('reversal_transaction_id', 'in', reversalIds)
          .execute()
          .then((found) => new Map(found.map((row) => [row.id as string, row.reason]))),
    // A move is kept in the community left: this community is either side of it.
    byId<{ id: string; community_id: string; other_zh: string; other_en: string }>(moveIds, (ids) =>
      db
        .selectFrom('resident_moves as m')
        .innerJoin('communities as c', (join) =>
          join.on(
            sql<boolean>`c.id = case when m.community_id = ${communityId}::uuid
                then m.to_community_id else m.community_id end`,
          ),
        )
        .select(['m.id', 'm.community_id', 'c.name_zh as other_zh', 'c.name_en as other_en'])
        .where('m.id', 'in', ids)
        .where((eb) =>
          eb.or([
            eb('m.community_id', '=', communityId),
            eb('m.to_community_id', '=', communityId),
          ]),
        )
        .execute(),
    ),
  ]);

  const describe = (row: DescribableRow): EntryDescription => {
    const memo: EntryDescription = { code: 'memo', params: { memo: row.memo } };
    const id = row.reference_id ?? '';
    const service = row.reference_type === 'service_record' ? services.get(id) : undefined;
    const redemption = row.reference_type === 'redemption' ? redemptions.get(id) : undefined;
    const goal = row.reference_type === 'goal' ? goals.get(id) : undefined;
    // An activity's title is free text in whatever language its leader wrote: the same in both.
    const reward = redemption ? localizedText(redemption.reward_zh, redemption.reward_en) : null;
    const goalTitle = goal ? localizedText(goal.title_zh, goal.title_en) : null;
    const subject = service
      ? { zh: service.activity_title, en: service.activity_title }
      : (reward ?? goalTitle);
    if (row.kind === 'reversal') {
      const of =
        row.reference_type && row.reference_type in kindOfReference
          ? kindOfReference[row.reference_type as keyof typeof kindOfReference]
          : null;
      const correction = corrections.get(row.id);
      if (correction !== undefined) {
        return {
          code: 'reversal',
          params: { of, subject, reason: correction, cause: 'correction' },
        };
      }
      if (redemption?.cancel_transaction_id === row.id) {
        const reason = redemption.cancel_reason ?? row.memo;
        return { code: 'reversal', params: { of, subject, reason, cause: 'cancellation' } };
      }
      return { code: 'reversal', params: { of, subject, reason: row.memo, cause: 'office' } };
    }
    if (row.kind === 'service_credit' && service) {
      return {
        code: 'service_credit',
        params: {
          activity: service.activity_title,
          minutes: service.minutes,
          points: service.points ?? 0,
          ruleVersion: service.rule_version,
          firstParticipationBonus: service.first_participation_bonus || null,
          corrected: service.correction_request_id !== null,
        },
      };
    }
    if (row.kind === 'redemption' && redemption) {
      return {
        code: 'redemption',
        params: { reward: reward ?? noText, quantity: redemption.quantity },
      };
    }
    if (row.kind === 'donation' && goalTitle)
      return { code: 'donation', params: { goal: goalTitle } };
    const move = row.reference_type === 'resident_move' ? moves.get(id) : undefined;
    if (move) {
      return {
        code: 'move',
        params: {
          direction: move.community_id === communityId ? 'out' : 'in',
          community: localizedText(move.other_zh, move.other_en),
        },
      };
    }
    return memo;
  };
  return describe;
}

async function byId<T extends { id: string }>(
  ids: string[],
  query: (ids: string[]) => Promise<T[]>,
): Promise<Map<string, T>> {
  if (ids.length === 0) return new Map();
  return new Map((await query(ids)).map((row) => [row.id, row]));
}
