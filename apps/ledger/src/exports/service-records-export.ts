import { inLanguage } from '@tally/domain/localized-text';
import type { CsvExport } from './csv-export';

/**
 * Every service record with its status and review. Paged by record id: the
 * primary key is the one index that covers all of a community's records, so
 * each page is an index range, never a sort of the whole table. Spreadsheets
 * sort by the date columns.
 */
export const serviceRecordsExport: CsvExport = {
  action: 'exports.serviceRecords',
  file: 'service-records',
  columns: [
    { en: 'Record', zh: '记录编号' },
    { en: 'Status', zh: '状态' },
    { en: 'Card number', zh: '卡号' },
    { en: 'Resident', zh: '居民' },
    { en: 'Organization', zh: '组织' },
    { en: 'Activity', zh: '活动' },
    { en: 'Category', zh: '类别' },
    { en: 'Place', zh: '地点' },
    { en: 'Started at', zh: '开始时间' },
    { en: 'Minutes', zh: '时长(分钟)' },
    { en: 'Points', zh: '积分' },
    { en: 'Logged by', zh: '登记人' },
    { en: 'Logged at', zh: '登记时间' },
    { en: 'Reviewed by', zh: '审核人' },
    { en: 'Reviewed at', zh: '审核时间' },
    { en: 'Review reason', zh: '审核意见' },
  ],
  async *batches(db, { communityId, localTime, language, batchSize = 1000 }) {
    let after: string | null = null;
    while (true) {
      let page = db
        .selectFrom('service_records as s')
        .innerJoin('residents as r', (j) =>
          j.onRef('r.community_id', '=', 's.community_id').onRef('r.id', '=', 's.resident_id'),
        )
        .innerJoin('organizations as o', (j) =>
          j.onRef('o.community_id', '=', 's.community_id').onRef('o.id', '=', 's.organization_id'),
        )
        .innerJoin('staff_users as l', (j) =>
          j.onRef('l.community_id', '=', 's.community_id').onRef('l.id', '=', 's.logged_by'),
        )
        .leftJoin('staff_users as v', (j) =>
          j.onRef('v.community_id', '=', 's.community_id').onRef('v.id', '=', 's.reviewed_by'),
        )
        .select([
          's.id',
          's.status',
          'r.card_number',
          'r.name as resident_name',
          'o.name_zh as organization_name_zh',
          'o.name_en as organization_name_en',
          's.activity_title',
          's.category',
          's.place',
          's.started_at',
          's.minutes',
          's.points',
          'l.display_name as logged_by_name',
          's.logged_at',
          'v.display_name as reviewed_by_name',
          's.reviewed_at',
          's.review_reason',
        ])
        .where('s.community_id', '=', communityId)
        .orderBy('s.id')
        .limit(batchSize);
      if (after !== null) page = page.where('s.id', '>', after);
      const rows = await page.execute();
      const last = rows[rows.length - 1];
      if (!last) return;
      yield rows.map((row) => [
        row.id,
        row.status,
        row.card_number,
        row.resident_name,
        inLanguage({ zh: row.organization_name_zh, en: row.organization_name_en }, language),
        row.activity_title,
        row.category,
        row.place,
        localTime(row.started_at),
        row.minutes,
        row.points,
        row.logged_by_name,
        localTime(row.logged_at),
        row.reviewed_by_name,
        row.reviewed_at ? localTime(row.reviewed_at) : null,
        row.review_reason,
      ]);
      after = last.id;
    }
  },
};
