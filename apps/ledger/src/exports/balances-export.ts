import { selectResidents } from '../residents/resident-query';
import type { CsvExport } from './csv-export';

/** Every resident's balances, by card number (unique per community: the keyset). */
export const balancesExport: CsvExport = {
  action: 'exports.balances',
  file: 'balances',
  columns: [
    { en: 'Card number', zh: '卡号' },
    { en: 'Name', zh: '姓名' },
    { en: 'Points', zh: '积分' },
    { en: 'Minutes', zh: '服务时长(分钟)' },
  ],
  async *batches(db, { communityId, batchSize = 1000 }) {
    let after: string | null = null;
    while (true) {
      let page = selectResidents(db, { communityId, memberOf: null })
        .orderBy('r.card_number')
        .limit(batchSize);
      if (after !== null) page = page.where('r.card_number', '>', after);
      const rows = await page.execute();
      const last = rows[rows.length - 1];
      if (!last) return;
      yield rows.map((row) => [row.card_number, row.name, row.points, row.minutes]);
      after = last.card_number;
    }
  },
};
