import { entryText } from '@tally/domain/entry-descriptions';
import { sql } from 'kysely';
import { describeEntries } from '../journal/describe-entries';
import type { CsvExport } from './csv-export';

type JournalRow = {
  id: string;
  sequence: number;
  created_at: Date;
  kind: string;
  memo: string;
  actor_type: string;
  actor: string;
  reference_type: string | null;
  reference_id: string | null;
  owner_type: string;
  owner: string | null;
  unit: string;
  amount: number;
};

/**
 * The journal, one row per posting, in sequence order. It stops at the chain's
 * head when the export began, so the file is a whole prefix of the journal
 * even while new transactions are posted. Names stand in for ids where there
 * is one: the staff member's or kiosk's name, a resident's card number, a
 * goal's title. Each entry is described in the file's language beside its stored memo.
 */
export const journalExport: CsvExport = {
  action: 'exports.journal',
  file: 'journal',
  columns: [
    { en: 'Sequence', zh: '序号' },
    { en: 'Time', zh: '时间' },
    { en: 'Kind', zh: '类型' },
    { en: 'Description', zh: '说明' },
    // What the entry was posted (and hashed) with, in English: what an auditor checks.
    { en: 'Memo', zh: '原始摘要' },
    { en: 'Actor type', zh: '操作者类型' },
    { en: 'Actor', zh: '操作者' },
    { en: 'Reference', zh: '关联记录' },
    { en: 'Account owner type', zh: '账户类型' },
    { en: 'Account owner', zh: '账户所有者' },
    { en: 'Unit', zh: '单位' },
    { en: 'Amount', zh: '数额' },
  ],
  async *batches(db, { communityId, localTime, language, batchSize = 500 }) {
    const [first, second] = language === 'zh' ? ['zh', 'en'] : ['en', 'zh'];
    // Goal and community names in the reader's language, or the other one when only that is given.
    const ownerName = sql.raw(
      `coalesce(r.card_number, nullif(g.title_${first}, ''), nullif(g.title_${second}, ''), nullif(c.name_${first}, ''), nullif(c.name_${second}, ''), a.owner_id)`,
    );
    const chain = await db
      .selectFrom('ledger_chains')
      .select('head_sequence')
      .where('community_id', '=', communityId)
      .executeTakeFirst();
    const head = chain?.head_sequence ?? 0;
    let after = 0;
    while (after < head) {
      // A page of whole transactions (by the sequence index), then their postings.
      // The CASEs keep non-uuid actor and owner ids (e.g. `system`) from being cast.
      const { rows } = await sql<JournalRow>`
        select t.id, t.sequence, t.created_at, t.kind, t.memo, t.actor_type,
               coalesce(su.display_name, k.name, ar.card_number, t.actor_id) as actor,
               t.reference_type, t.reference_id, a.owner_type,
               ${ownerName} as owner,
               p.unit, p.amount
          from (
            select * from ledger_transactions
             where community_id = ${communityId} and sequence > ${after} and sequence <= ${head}
             order by sequence
             limit ${batchSize}
          ) t
          join ledger_postings p on p.community_id = t.community_id and p.transaction_id = t.id
          join ledger_accounts a on a.community_id = p.community_id and a.id = p.account_id
          left join staff_users su on su.community_id = t.community_id
            and su.id = (case when t.actor_type = 'staff' then t.actor_id::uuid end)
          left join kiosks k on k.community_id = t.community_id
            and k.id = (case when t.actor_type = 'kiosk' then t.actor_id::uuid end)
          left join residents ar on ar.community_id = t.community_id
            and ar.id = (case when t.actor_type = 'resident' then t.actor_id::uuid end)
          left join residents r on r.community_id = a.community_id
            and r.id = (case when a.owner_type = 'resident' then a.owner_id::uuid end)
          left join goals g on g.community_id = a.community_id
            and g.id = (case when a.owner_type = 'goal_pool' then a.owner_id::uuid end)
          left join communities c on c.id = (
            case when a.owner_type in ('community_source', 'redemption_sink')
              then a.owner_id::uuid end)
         order by t.sequence, p.position`.execute(db);
      const last = rows[rows.length - 1];
      if (!last) return;
      const describe = await describeEntries(db, communityId, rows);
      yield rows.map((row) => [
        row.sequence,
        localTime(row.created_at),
        row.kind,
        entryText(describe(row), language),
        row.memo,
        row.actor_type,
        row.actor,
        row.reference_type ? `${row.reference_type}:${row.reference_id}` : null,
        row.owner_type,
        row.owner,
        row.unit,
        row.amount,
      ]);
      after = last.sequence;
    }
  },
};
