import { describeEachDatabase } from '@tally/db/testing';
import type { ImportProblem, ImportValues } from '@tally/domain/imports';
import { describe, expect, it } from 'vitest';
import { verifySecret } from '../auth/secrets';
import {
  expectApiError,
  givenCommunityWithStaff,
  newIdempotencyKey,
  serveDuring,
} from '../test/api';
import { CARD_TAKEN } from './import-rows';
import { auditActions, givenResident } from './test-helpers';

/** An office's spreadsheet, saved by Excel: BOM, Chinese headers, CRLF. */
function officeSpreadsheet(existingCard: string): string {
  return `\uFEFF${[
    '姓名,显示名,出生年份,楼栋,卡号,密码,公开姓名',
    '"Wang, Fang",Fang,1956,3,IMP-1,1234,是',
    '李四,,19x0,5,IMP-2,5678,',
    '赵六,,,,,4321,',
    '钱七,,1980,1,IMP-DUP,1111,否',
    '孙八,,1981,1,IMP-DUP,2222,',
    `周九,,1970,2,${existingCard},3333,`,
    '吴十,小吴,2001,7,IMP-3,987654,yes',
  ].join('\r\n')}\r\n`;
}

/** A problem as a reader's app gets it: where, which code, what figures. */
const problem = (
  field: ImportProblem['field'],
  code: ImportProblem['code'],
  params: ImportProblem['params'] = {},
) => ({ field, code, params, message: expect.any(String) });

const row = (line: number, values: Partial<ImportValues> & { cardNumber: string }) => ({
  line,
  values: { name: `Resident ${values.cardNumber}`, pin: '1234', ...values },
});

/** The problems a refused file's error carries in its details. */
function problemsOf(error: { data?: unknown }): unknown {
  return (error.data as { details?: { problems?: unknown } } | undefined)?.details?.problems;
}

describeEachDatabase('importing residents from a CSV file', (database) => {
  const server = serveDuring(database);

  const db = () => database().db;
  const community = () => givenCommunityWithStaff(server, database());

  async function countOf(table: 'residents' | 'resident accounts', communityId: string) {
    let query = db()
      .selectFrom(table === 'residents' ? 'residents' : 'ledger_accounts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('community_id', '=', communityId);
    if (table === 'resident accounts') query = query.where('owner_type', '=', 'resident');
    const { n } = await query.executeTakeFirstOrThrow();
    return Number(n);
  }

  describe('residents.importPreview', () => {
    it('checks every row of a Chinese spreadsheet and writes nothing', async () => {
      const { office, communityId } = await community();
      const existing = await givenResident(db(), communityId);

      const preview = await office.api.residents.importPreview.mutate({
        csv: officeSpreadsheet(existing.cardNumber),
      });

      expect(preview).toEqual({
        valid: 2,
        invalid: 5,
        rows: [
          {
            line: 2,
            values: {
              name: 'Wang, Fang',
              displayName: 'Fang',
              birthYear: '1956',
              building: '3',
              cardNumber: 'IMP-1',
              pin: '1234',
              showName: '是',
            },
            errors: [],
          },
          {
            line: 3,
            values: {
              name: '李四',
              birthYear: '19x0',
              building: '5',
              cardNumber: 'IMP-2',
              pin: '5678',
            },
            errors: [problem('birthYear', 'birthYearFormat')],
          },
          {
            line: 4,
            values: { name: '赵六', cardNumber: '', pin: '4321' },
            errors: [problem('cardNumber', 'cardMissing')],
          },
          expect.objectContaining({
            line: 5,
            errors: [problem('cardNumber', 'cardRepeated', { lines: '6', count: 1 })],
          }),
          expect.objectContaining({
            line: 6,
            errors: [problem('cardNumber', 'cardRepeated', { lines: '5', count: 1 })],
          }),
          expect.objectContaining({ line: 7, errors: [CARD_TAKEN] }),
          expect.objectContaining({ line: 8, errors: [] }),
        ],
      });
      expect(await countOf('residents', communityId)).toBe(1);
      expect(await countOf('resident accounts', communityId)).toBe(2);
      expect(await auditActions(db(), communityId)).toEqual([]);
    });

    it('reads English headers in any order and case, and names each broken rule', async () => {
      const { office } = await community();
      const csv = [
        'CARDNUMBER,Name,pin,birthYear,showName',
        'E-1,Anna,12345,1899,maybe',
        'E-2,,12,2000,no',
        '',
      ].join('\n');
      const preview = await office.api.residents.importPreview.mutate({ csv });
      expect(preview.rows.map((r) => [r.line, r.errors])).toEqual([
        [2, [problem('birthYear', 'birthYearEarly'), problem('showName', 'yesNo')]],
        [3, [problem('name', 'nameMissing'), problem('pin', 'pinFormat')]],
      ]);
    });

    it('refuses a file whose first line has an unknown column or lacks a required one', async () => {
      const { office } = await community();
      const unknown = await expectApiError(
        office.api.residents.importPreview.mutate({
          csv: 'name,cardNumber,pin,flat\nA,C1,1234,2\n',
        }),
        'VALIDATION_FAILED',
      );
      expect(unknown.message).toContain('"flat" is not a column we know');
      expect(problemsOf(unknown)).toEqual([problem('csv', 'unknownColumn', { name: 'flat' })]);
      const missing = await expectApiError(
        office.api.residents.importPreview.mutate({ csv: '姓名,卡号\n张三,C1\n' }),
        'VALIDATION_FAILED',
      );
      expect(missing.message).toContain('the column pin / 密码 / PIN is missing');
      expect(problemsOf(missing)).toEqual([problem('csv', 'missingColumn', { column: 'pin' })]);
      const empty = await expectApiError(
        office.api.residents.importPreview.mutate({ csv: '\r\n\r\n' }),
        'VALIDATION_FAILED',
      );
      expect(problemsOf(empty)).toEqual([problem('csv', 'fileEmpty')]);
      const open = await expectApiError(
        office.api.residents.importPreview.mutate({ csv: 'name,cardNumber,pin\n"Anna,C1,1234\n' }),
        'VALIDATION_FAILED',
      );
      expect(problemsOf(open)).toEqual([problem('csv', 'quoteOpen', { line: 2 })]);
    });

    it('reads a Chinese header that names the PIN column PIN or 密码', async () => {
      const { office } = await community();
      for (const pinHeader of ['PIN', '密码']) {
        const preview = await office.api.residents.importPreview.mutate({
          csv: `姓名,卡号,${pinHeader}\n张三,PIN-${pinHeader === 'PIN' ? 1 : 2},1234\n`,
        });
        expect(preview.rows).toEqual([
          expect.objectContaining({ values: expect.objectContaining({ pin: '1234' }), errors: [] }),
        ]);
      }
    });

    it('does not count a card held in another community as taken', async () => {
      const { office } = await community();
      const elsewhere = await community();
      const theirs = await givenResident(db(), elsewhere.communityId);
      const preview = await office.api.residents.importPreview.mutate({
        csv: `name,cardNumber,pin\nAnna,${theirs.cardNumber},1234\n`,
      });
      expect(preview).toMatchObject({ valid: 1, invalid: 0 });
    });
  });

  describe('residents.import', () => {
    it('creates each good row with both accounts and reports each bad row by line', async () => {
      const { office, communityId } = await community();
      const existing = await givenResident(db(), communityId);
      const { rows } = await office.api.residents.importPreview.mutate({
        csv: officeSpreadsheet(existing.cardNumber),
      });

      const result = await office.api.residents.import.mutate({
        idempotencyKey: newIdempotencyKey(),
        rows: rows.map(({ line, values }) => ({ line, values })),
      });

      expect(result.created).toEqual([
        { line: 2, id: expect.any(String), cardNumber: 'IMP-1' },
        { line: 8, id: expect.any(String), cardNumber: 'IMP-3' },
      ]);
      expect(result.failed).toEqual(
        rows.filter((r) => r.errors.length > 0).map(({ line, errors }) => ({ line, errors })),
      );
      // A bad row leaves nothing behind: two accounts for each resident, no more.
      expect(await countOf('residents', communityId)).toBe(3);
      expect(await countOf('resident accounts', communityId)).toBe(6);
      const [wang] = await office.api.residents.list
        .query({ query: 'Wang, Fang' })
        .then((p) => p.items);
      expect(wang).toMatchObject({
        name: 'Wang, Fang',
        displayName: 'Fang',
        birthYear: 1956,
        building: '3',
        showName: true,
        points: 0,
        minutes: 0,
      });
      const stored = await db()
        .selectFrom('residents')
        .select('pin_hash')
        .where('community_id', '=', communityId)
        .where('card_number', '=', 'IMP-3')
        .executeTakeFirstOrThrow();
      expect(await verifySecret(stored.pin_hash, '987654')).toBe(true);
    });

    it('audits the chunk once, with counts and without PINs', async () => {
      const { office, communityId } = await community();
      await office.api.residents.import.mutate({
        idempotencyKey: newIdempotencyKey(),
        rows: [
          row(2, { cardNumber: 'A-1', pin: '864209' }),
          row(3, { cardNumber: 'A-2', birthYear: '1' }),
        ],
      });
      const audit = await auditActions(db(), communityId);
      expect(audit).toEqual([
        expect.objectContaining({
          action: 'residents.import',
          actor_id: office.user.id,
          details: { rows: 2, created: 1, failed: 1, failedLines: [3] },
        }),
      ]);
      const idempotency = await db()
        .selectFrom('idempotent_requests')
        .selectAll()
        .where('community_id', '=', communityId)
        .execute();
      expect(JSON.stringify([audit, idempotency])).not.toContain('864209');
    });

    it('answers a replayed chunk with its first result and creates nothing more', async () => {
      const { office, communityId } = await community();
      const input = {
        idempotencyKey: newIdempotencyKey(),
        rows: [row(2, { cardNumber: 'R-1' }), row(3, { cardNumber: 'R-2', name: '' })],
      };
      const first = await office.api.residents.import.mutate(input);
      const again = await office.api.residents.import.mutate(input);
      expect(again).toEqual(first);
      expect(first.created).toHaveLength(1);
      expect(await countOf('residents', communityId)).toBe(1);
      expect(await auditActions(db(), communityId)).toHaveLength(1);
    });

    it('refuses the same key for a different chunk', async () => {
      const { office } = await community();
      const idempotencyKey = newIdempotencyKey();
      await office.api.residents.import.mutate({
        idempotencyKey,
        rows: [row(2, { cardNumber: 'K-1' })],
      });
      await expectApiError(
        office.api.residents.import.mutate({
          idempotencyKey,
          rows: [row(2, { cardNumber: 'K-2' })],
        }),
        'IDEMPOTENCY_CONFLICT',
      );
    });

    it('creates a card taken by a concurrent chunk once, and the rest of both chunks', async () => {
      const { office, communityId } = await community();
      const chunk = (cards: string[]) =>
        office.api.residents.import.mutate({
          idempotencyKey: newIdempotencyKey(),
          rows: cards.map((cardNumber, index) => row(index + 2, { cardNumber })),
        });
      const results = await Promise.all([chunk(['C-SHARED', 'C-A']), chunk(['C-SHARED', 'C-B'])]);
      const created = results.flatMap((r) => r.created.map((c) => c.cardNumber)).sort();
      expect(created).toEqual(['C-A', 'C-B', 'C-SHARED']);
      expect(results.flatMap((r) => r.failed)).toEqual([{ line: 2, errors: [CARD_TAKEN] }]);
      expect(await countOf('residents', communityId)).toBe(3);
      expect(await countOf('resident accounts', communityId)).toBe(6);
    });

    it('takes 1 to 500 rows per call', async () => {
      const { office } = await community();
      const rows = (n: number) =>
        Array.from({ length: n }, (_, i) => row(i + 2, { cardNumber: `N-${i}` }));
      for (const n of [0, 501]) {
        await expectApiError(
          office.api.residents.import.mutate({
            idempotencyKey: newIdempotencyKey(),
            rows: rows(n),
          }),
          'VALIDATION_FAILED',
        );
      }
    });
  });

  it('lets only the office preview and import', async () => {
    const { auditor, leaderOf, anonymous, communityId } = await community();
    const leader = await leaderOf([]);
    const preview = { csv: 'name,cardNumber,pin\nAnna,X-1,1234\n' };
    const chunk = { idempotencyKey: newIdempotencyKey(), rows: [row(2, { cardNumber: 'X-1' })] };
    for (const caller of [auditor, leader]) {
      await expectApiError(caller.api.residents.importPreview.mutate(preview), 'FORBIDDEN');
      await expectApiError(caller.api.residents.import.mutate(chunk), 'FORBIDDEN');
    }
    await expectApiError(anonymous.residents.importPreview.mutate(preview), 'UNAUTHORIZED');
    await expectApiError(anonymous.residents.import.mutate(chunk), 'UNAUTHORIZED');
    expect(await countOf('residents', communityId)).toBe(0);
  });
});
