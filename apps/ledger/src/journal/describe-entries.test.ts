import { describeEachDatabase } from '@tally/db/testing';
import { entryText } from '@tally/domain/entry-descriptions';
import { expect, it } from 'vitest';
import { givenKiosk } from '../kiosk/test-helpers';
import { verifyLedger } from '../ledger/verify-ledger';
import { approve, givenTeam, logRecords } from '../service/test-helpers';
import { newIdempotencyKey, serveDuring } from '../test/api';

describeEachDatabase('entries described in the reader’s language', (database) => {
  const server = serveDuring(database);

  it('describes a credit and its reversal from their records, leaving the sealed memo as it was', async () => {
    const team = await givenTeam(server, database(), { members: 1 });
    const { leader, office, organization, communityId } = team;
    const [resident] = team.residents;
    if (!resident) throw new Error('no resident');
    const [recordId] = await logRecords(leader.api, organization.id, resident, [
      {
        startedAt: '2026-03-05T09:00:00+08:00',
        minutes: 120,
        activity: { title: '探访老人', category: 'elderly_care', place: '3 号楼' },
      },
    ]);
    const [credit] = await approve(office.api, [recordId ?? '']).then((r) => r.records);
    await office.api.ledger.reverse.mutate({
      idempotencyKey: newIdempotencyKey(),
      transactionId: credit?.transactionId ?? '',
      reason: '重复登记',
    });

    const journal = await office.api.ledger.journal.query({ residentId: resident.id });
    const [reversal, approved] = journal.items;
    expect(approved?.memo).toBe('探访老人: 120 min, 20 points (earning rule v1)');
    expect(approved?.description).toEqual({
      code: 'service_credit',
      params: {
        activity: '探访老人',
        minutes: 120,
        points: 20,
        ruleVersion: 1,
        firstParticipationBonus: null,
        corrected: false,
      },
    });
    expect(reversal?.memo).toBe('重复登记');
    expect(reversal?.description).toEqual({
      code: 'reversal',
      params: {
        of: 'service_credit',
        subject: { zh: '探访老人', en: '探访老人' },
        reason: '重复登记',
        cause: 'office',
      },
    });
    // The words a reader sees, in each language.
    expect(entryText(approved?.description ?? never(), 'zh')).toBe(
      '探访老人：120 分钟，20 积分（积分规则第 1 版）',
    );
    expect(entryText(reversal?.description ?? never(), 'zh')).toBe('冲正探访老人——重复登记');
    expect(entryText(approved?.description ?? never(), 'en')).toBe(
      '探访老人: 120 min, 20 points (earning rule v1)',
    );
    const one = await office.api.ledger.transaction.query({ id: reversal?.id ?? '' });
    expect(one.description).toEqual(reversal?.description);
    // Describing reads; the chain the memos are sealed in is untouched.
    expect((await verifyLedger(database().db, communityId)).ok).toBe(true);
  });

  it('describes a correction of hours: the reversal with the office’s reason, the corrected credit', async () => {
    const team = await givenTeam(server, database(), { members: 1 });
    const { leader, office, organization, communityId } = team;
    const [resident] = team.residents;
    if (!resident) throw new Error('no resident');
    const [recordId = ''] = await logRecords(leader.api, organization.id, resident, [
      { minutes: 60, activity: { title: '清扫楼道', category: 'environment', place: '5 号楼' } },
    ]);
    await approve(office.api, [recordId]);
    const kiosk = await givenKiosk(server, database().db, communityId);
    const { residentToken } = await kiosk.api.kiosk.identify.mutate({
      cardNumber: resident.cardNumber,
      pin: '1234',
    });
    const request = await kiosk.asResident(residentToken).kiosk.requestCorrection.mutate({
      idempotencyKey: newIdempotencyKey(),
      kind: 'wrong_hours',
      serviceRecordId: recordId,
      reason: '我待了一个半小时',
      proposedMinutes: 90,
    });
    await office.api.corrections.resolve.mutate({
      idempotencyKey: newIdempotencyKey(),
      id: request.id,
      decision: 'accept',
      reason: '签到表核实',
    });

    const journal = await office.api.ledger.journal.query({ residentId: resident.id });
    const texts = journal.items.map((entry) => entryText(entry.description, 'zh'));
    expect(texts).toEqual([
      '更正时长：清扫楼道——签到表核实',
      '更正后的时长：清扫楼道：90 分钟，15 积分（积分规则第 1 版）',
      '清扫楼道：60 分钟，10 积分（积分规则第 1 版）',
    ]);
    // The sealed memo of the reversal stays the English one it was posted with.
    expect(journal.items[0]?.memo).toBe('Correction of hours: 签到表核实');
  });

  it('writes the journal export’s descriptions in the file’s language', async () => {
    const team = await givenTeam(server, database(), { members: 1 });
    const { leader, office, organization } = team;
    const [resident] = team.residents;
    if (!resident) throw new Error('no resident');
    const records = await logRecords(leader.api, organization.id, resident, [
      {
        startedAt: '2026-03-05T09:00:00+08:00',
        minutes: 60,
        activity: { title: '读书会', category: 'culture', place: '活动室' },
      },
    ]);
    await approve(office.api, records);
    const response = await fetch(`${server.url}/exports/journal.csv?lang=zh`, {
      headers: { authorization: `Bearer ${office.token}` },
    });
    const text = await response.text();
    expect(text).toContain('说明,原始摘要');
    // The English memo is quoted: it has commas.
    expect(text).toContain(
      '读书会：60 分钟，10 积分（积分规则第 1 版）,"读书会: 60 min, 10 points (earning rule v1)"',
    );
  });
});

function never(): never {
  throw new Error('missing entry');
}
