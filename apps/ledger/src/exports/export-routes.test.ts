import { describeEachDatabase } from '@tally/db/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { communityAccounts } from '../communities/create-community';
import { givenServiceRecord } from '../insights/test-helpers';
import { postTransaction } from '../ledger/post-transaction';
import { parseCsv } from '../residents/import-csv';
import {
  auditActions,
  givenCredit,
  givenOrganization,
  givenResident,
} from '../residents/test-helpers';
import { givenCommunityWithStaff, newIdempotencyKey, serveDuring } from '../test/api';
import { creditSourceAccount, residentCreditAccount } from '../timebank/credit-accounts';
import { balancesExport } from './balances-export';
import type { CsvCell } from './csv';
import type { CsvExport } from './csv-export';
import { journalExport } from './journal-export';
import { serviceRecordsExport } from './service-records-export';
import { zonedTime } from './zoned-time';

const LOCAL_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/;

describeEachDatabase('the CSV exports', (database) => {
  const server = serveDuring(database);

  const db = () => database().db;

  /**
   * A small ledger: a credit for a resident whose name needs quoting, an
   * office adjustment with a memo spanning lines, and two service records.
   */
  async function givenSmallLedger() {
    const community = await givenCommunityWithStaff(server, database());
    const { communityId, office } = community;
    const lucky = await givenResident(db(), communityId, {
      name: 'Li "Lucky", Wei',
      cardNumber: 'EXP-A',
    });
    const formula = await givenResident(db(), communityId, {
      name: '=HYPERLINK("http://evil")',
      cardNumber: 'EXP-B',
    });
    await givenCredit(db(), communityId, lucky, { points: 30, minutes: 60 });
    const accounts = await communityAccounts(db(), communityId);
    await postTransaction(db(), {
      communityId,
      idempotencyKey: newIdempotencyKey(),
      kind: 'adjustment',
      actor: { type: 'staff', id: office.user.id, origin: '127.0.0.1' },
      memo: '补发, "first line"\nsecond line',
      reference: { type: 'service_record', id: 'r-1' },
      postings: [
        { accountId: accounts.pointsSource, amount: -5 },
        { accountId: formula.pointsAccountId, amount: 5 },
      ],
    });
    const organization = await givenOrganization(db(), communityId, { members: [lucky] });
    const leader = await community.leaderOf([organization.id]);
    const approved = await givenServiceRecord(db(), communityId, {
      organizationId: organization.id,
      residentId: lucky.id,
      loggedBy: leader.user.id,
      reviewedBy: office.user.id,
      startedAt: '2026-03-10T09:00:00+08:00',
      minutes: 90,
      points: 15,
      category: 'elderly_care',
      activityTitle: 'Visits, with tea',
      place: 'Building 3',
    });
    const rejected = await givenServiceRecord(db(), communityId, {
      organizationId: organization.id,
      residentId: lucky.id,
      loggedBy: leader.user.id,
      reviewedBy: office.user.id,
      startedAt: '2026-03-11T18:30:00+08:00',
      minutes: 30,
      status: 'rejected',
      reviewReason: 'Twice on the sheet',
    });
    const { name } = await db()
      .selectFrom('communities')
      .select('name_en as name')
      .where('id', '=', communityId)
      .executeTakeFirstOrThrow();
    return { ...community, communityName: name, organization, leader, approved, rejected, lucky };
  }

  let ledger: Awaited<ReturnType<typeof givenSmallLedger>>;
  beforeAll(async () => {
    ledger = await givenSmallLedger();
  });

  async function download(file: string, headers: Record<string, string>) {
    const response = await fetch(`${server.url}/exports/${file}`, { headers });
    const bytes = new Uint8Array(await response.arrayBuffer());
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    return { response, bytes, text, table: parseCsv(text).map((r) => r.cells) };
  }
  const as = (who: { token: string }) => ({ authorization: `Bearer ${who.token}` });

  describe('/exports/journal.csv', () => {
    it('writes one row per posting, in sequence order, with names for ids', async () => {
      const { table, response, bytes } = await download('journal.csv', as(ledger.office));
      expect(response.status).toBe(200);
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(response.headers.get('content-disposition')).toMatch(
        /^attachment; filename="tally-journal-\d{4}-\d\d-\d\d\.csv"$/,
      );
      const [header, ...rows] = table;
      expect(header).toEqual([
        'Sequence',
        'Time',
        'Kind',
        'Description',
        'Memo',
        'Actor type',
        'Actor',
        'Reference',
        'Account owner type',
        'Account owner',
        'Unit',
        'Amount',
      ]);
      // An entry with no record to describe it by is described by its memo.
      const credit = [
        '1',
        expect.stringMatching(LOCAL_TIME),
        'service_credit',
        'test credit',
        'test credit',
      ];
      const creditActor = ['system', 'test', ''];
      const adjustment = ['2', expect.stringMatching(LOCAL_TIME), 'adjustment'];
      const memo = '补发, "first line"\nsecond line';
      const office = ['staff', 'Test office', 'service_record:r-1'];
      const community = ['community_source', ledger.communityName];
      expect(rows).toEqual([
        [...credit, ...creditActor, ...community, 'points', '-30'],
        [...credit, ...creditActor, 'resident', 'EXP-A', 'points', '30'],
        [...credit, ...creditActor, ...community, 'minutes', '-60'],
        [...credit, ...creditActor, 'resident', 'EXP-A', 'minutes', '60'],
        [...adjustment, memo, memo, ...office, ...community, 'points', '-5'],
        [...adjustment, memo, memo, ...office, 'resident', 'EXP-B', 'points', '5'],
      ]);
    });

    it('writes the headers in Chinese when asked', async () => {
      const { table } = await download('journal.csv?lang=zh', as(ledger.auditor));
      expect(table[0]?.slice(0, 5)).toEqual(['序号', '时间', '类型', '说明', '原始摘要']);
    });

    it('audits each export', async () => {
      const { office, auditor, communityId } = await givenCommunityWithStaff(server, database());
      await download('journal.csv', as(office));
      await download('service-records.csv', as(auditor));
      expect(await auditActions(db(), communityId)).toEqual([
        expect.objectContaining({ action: 'exports.journal', actor_id: office.user.id }),
        expect.objectContaining({ action: 'exports.serviceRecords', actor_id: auditor.user.id }),
      ]);
    });
  });

  describe('/exports/balances.csv', () => {
    it("lists every resident's card, name and balances, quoted and kept from running as formulas", async () => {
      // EXP-A holds time credit too (EXP-B never had any: no account, a balance of 0).
      const { communityId } = ledger;
      await postTransaction(db(), {
        communityId,
        idempotencyKey: newIdempotencyKey(),
        kind: 'transfer',
        actor: { type: 'system', id: 'test' },
        postings: [
          { accountId: await creditSourceAccount(db(), communityId), amount: -45 },
          {
            accountId: await residentCreditAccount(db(), communityId, ledger.lucky.id),
            amount: 45,
          },
        ],
      });
      const { table, text } = await download('balances.csv', as(ledger.office));
      expect(table).toEqual([
        ['Card number', 'Name', 'Points', 'Minutes', 'Time credit (minutes)'],
        ['EXP-A', 'Li "Lucky", Wei', '30', '60', '45'],
        ['EXP-B', `'=HYPERLINK("http://evil")`, '5', '0', '0'],
      ]);
      expect(text).toContain('EXP-A,"Li ""Lucky"", Wei",30,60,45\r\n');
    });
  });

  describe('/exports/service-records.csv', () => {
    it('lists every record with its status, review, organization and local times', async () => {
      const { table } = await download('service-records.csv', as(ledger.auditor));
      const [header, ...rows] = table;
      expect(header).toHaveLength(16);
      // The organization's name in the file's language (its English one: it has no Chinese one).
      const common = ['EXP-A', 'Li "Lucky", Wei', ledger.organization.name.en];
      expect(rows.sort((a, b) => (a[8] ?? '').localeCompare(b[8] ?? ''))).toEqual([
        [
          ledger.approved,
          'approved',
          ...common,
          'Visits, with tea',
          'elderly_care',
          'Building 3',
          '2026-03-10T09:00:00+08:00',
          '90',
          '15',
          'Test leader',
          '2026-03-10T09:00:00+08:00',
          'Test office',
          '2026-03-10T09:00:00+08:00',
          '',
        ],
        [
          ledger.rejected,
          'rejected',
          ...common,
          'Reading club',
          'culture',
          'Community hall',
          '2026-03-11T18:30:00+08:00',
          '30',
          '',
          'Test leader',
          '2026-03-11T18:30:00+08:00',
          'Test office',
          '2026-03-11T18:30:00+08:00',
          'Twice on the sheet',
        ],
      ]);
    });
  });

  describe('who may export', () => {
    const files = ['journal.csv', 'balances.csv', 'service-records.csv'];

    it('lets the office and auditors download, by bearer token or session cookie', async () => {
      for (const file of files) {
        expect((await download(file, as(ledger.auditor))).response.status).toBe(200);
        const cookie = { cookie: `tally_session=${ledger.office.token}` };
        expect((await download(file, cookie)).response.status).toBe(200);
      }
    });

    it('refuses anyone not signed in with 401, and a leader with 403', async () => {
      for (const file of files) {
        const strangers: Record<string, string>[] = [{}, { authorization: 'Bearer not-a-session' }];
        for (const headers of strangers) {
          const { response, text } = await download(file, headers);
          expect(response.status).toBe(401);
          expect(JSON.parse(text)).toMatchObject({ domainCode: 'UNAUTHORIZED' });
        }
        const { response, text } = await download(file, as(ledger.leader));
        expect(response.status).toBe(403);
        expect(JSON.parse(text)).toMatchObject({ domainCode: 'FORBIDDEN' });
      }
    });

    it('shows a community only its own data', async () => {
      const elsewhere = await givenCommunityWithStaff(server, database());
      const theirs = await givenResident(db(), elsewhere.communityId, { cardNumber: 'EXP-THEIRS' });
      await givenCredit(db(), elsewhere.communityId, theirs, { points: 7, minutes: 14 });
      const balances = await download('balances.csv', as(elsewhere.office));
      expect(balances.table).toEqual([
        ['Card number', 'Name', 'Points', 'Minutes', 'Time credit (minutes)'],
        ['EXP-THEIRS', theirs.name, '7', '14', '0'],
      ]);
      const journal = await download('journal.csv', as(elsewhere.office));
      expect(journal.text).not.toContain('EXP-A');
      expect(journal.table.slice(1).map((row) => row[0])).toEqual(['1', '1', '1', '1']);
      const records = await download('service-records.csv', as(elsewhere.office));
      expect(records.table).toHaveLength(1);
      const ours = await download('balances.csv', as(ledger.office));
      expect(ours.text).not.toContain('EXP-THEIRS');
    });
  });

  describe('reading in pages', () => {
    const scope = () => ({
      communityId: ledger.communityId,
      language: 'en' as const,
      localTime: zonedTime('Asia/Shanghai'),
    });
    async function allRows(csvExport: CsvExport, batchSize?: number) {
      const rows = [];
      for await (const batch of csvExport.batches(db(), { ...scope(), batchSize })) {
        rows.push(batch);
      }
      return rows;
    }

    it('reads the same rows a page at a time as in one page', async () => {
      for (const csvExport of [journalExport, balancesExport, serviceRecordsExport]) {
        const pages = await allRows(csvExport, 1);
        const whole = await allRows(csvExport);
        expect(whole).toHaveLength(1);
        expect(pages.length).toBeGreaterThan(1);
        expect(pages.flat()).toEqual(whole.flat());
      }
    });

    it('stops the journal at its head when the export began', async () => {
      const { communityId } = await givenCommunityWithStaff(server, database());
      const resident = await givenResident(db(), communityId);
      await givenCredit(db(), communityId, resident, { points: 1, minutes: 1 });
      const batches = journalExport.batches(db(), { ...scope(), communityId, batchSize: 1 });
      const rows: CsvCell[][] = (await batches.next()).value ?? [];
      // Posted while the file is being written: after the head the export began with.
      await givenCredit(db(), communityId, resident, { points: 2, minutes: 2 });
      for await (const batch of { [Symbol.asyncIterator]: () => batches }) rows.push(...batch);
      expect(rows.map((row) => row[0])).toEqual([1, 1, 1, 1]);
    });
  });
});
