import { sql } from 'kysely';
import { selectResidents } from '../residents/resident-query';
import type { CsvExport } from './csv-export';

/**
 * Every resident's balances, by card number (unique per community: the keyset): points, service
 * minutes, and time credit (0 for a resident who never held any: the account opens when needed).
 */
export const balancesExport: CsvExport = {
  action: 'exports.balances',
  file: 'balances',
  columns: [
    { en: 'Card number', zh: '卡号' },
    { en: 'Name', zh: '姓名' },
    { en: 'Points', zh: '积分' },
    { en: 'Minutes', zh: '服务时长(分钟)' },
    { en: 'Time credit (minutes)', zh: '时间币(分钟)' },
  ],
  async *batches(db, { communityId, batchSize = 1000 }) {
    let after: string | null = null;
    while (true) {
      let page = selectResidents(db, { communityId, memberOf: null })
        .leftJoin('ledger_accounts as c', (join) =>
          join
            .onRef('c.community_id', '=', 'r.community_id')
            .on('c.owner_type', '=', 'resident')
            .on('c.unit', '=', 'time_credit')
            .on(sql<boolean>`c.owner_id = r.id::text`),
        )
        .select(sql<number>`coalesce(c.balance, 0)`.as('time_credit'))
        .orderBy('r.card_number')
        .limit(batchSize);
      if (after !== null) page = page.where('r.card_number', '>', after);
      const rows = await page.execute();
      const last = rows[rows.length - 1];
      if (!last) return;
      yield rows.map((row) => [
        row.card_number,
        row.name,
        row.points,
        row.minutes,
        row.time_credit,
      ]);
      after = last.card_number;
    }
  },
};
