import type { Database } from '@tally/db/schema';
import type { HelpKind } from '@tally/domain/timebank';
import type { Kysely } from 'kysely';
import type { ResidentSession, StaffActor } from '../auth/actors';
import { claimHelp, disputeHelp, markNoShow, proposeMinutes } from '../timebank/claims';
import { changeCareList, giveCredit, grantPool, setPoolRule } from '../timebank/credit';
import { confirmHelp } from '../timebank/exchange';
import { cancelRequest, offerHelp, requestHelp, requestHelpFor } from '../timebank/requests';

const ORIGIN = 'demo-seed';
const DAY = 86_400_000;

let keys = 0;
const key = (name: string) => `demo-timebank-${name}-${++keys}`;

/**
 * Issue 16: a living time bank. The office keeps a care pool (residents of 75 and over, and 陈洋
 * on its care list after surgery) funded by a street grant. 黄平 (Q0001, 81, whose daughter acts
 * for her) got her shopping done by 李桂英 from the new towers, paid by the pool, and both let
 * the board thank her; 黄平 herself visited 黄艳 for an hour and a half, gave half an hour of
 * what she earned to the pool, and has taken 马伟's request for a visit. The office asked for
 * someone to take 陈洋 to hospital. 王明 wants phone help and 朱桂英 a dripping tap fixed. 李丽
 * says she spent two hours on 刘芳's lock; 刘芳 says half an hour: the office has a dispute to
 * settle. 马洋 and 刘超 offer help; 陈强 called his request off; 王刚 did not come to 赵洋.
 */
export async function seedTimeBank(
  db: Kysely<Database>,
  {
    communityId,
    office,
    kioskId,
    now,
  }: { communityId: string; office: StaffActor; kioskId: string; now: Date },
): Promise<void> {
  const residents = await db
    .selectFrom('residents')
    .select(['id', 'card_number'])
    .where('community_id', '=', communityId)
    .execute();
  const cards = new Map(residents.map((r) => [r.card_number, r.id]));
  const idOf = (card: string) => {
    const id = cards.get(card);
    if (!id) throw new Error(`demo resident ${card} is missing`);
    return id;
  };
  const at = (card: string): ResidentSession => ({
    residentId: idOf(card),
    communityId,
    kioskId,
    tokenHash: '',
  });
  const staff = { staff: office, origin: ORIGIN };
  const ask = async (
    card: string,
    kind: HelpKind,
    description: string,
    minutesEstimate: number,
    extra: { place?: string; showOnBoard?: boolean } = {},
  ) =>
    (
      await requestHelp(db, {
        session: at(card),
        origin: ORIGIN,
        input: {
          idempotencyKey: key(`ask-${card}`),
          kind,
          description,
          minutesEstimate,
          helpersNeeded: 1,
          showOnBoard: extra.showOnBoard ?? false,
          ...(extra.place ? { place: extra.place } : {}),
        },
      })
    ).id;
  const claim = (card: string, requestId: string, showOnBoard = false) =>
    claimHelp(db, {
      session: at(card),
      origin: ORIGIN,
      input: { idempotencyKey: key(`claim-${card}`), requestId, showOnBoard },
    });
  const confirm = (card: string, requestId: string, helper: string, minutes: number) =>
    confirmHelp(db, {
      party: { resident: at(card) },
      origin: ORIGIN,
      input: { idempotencyKey: key(`confirm-${card}`), requestId, helperId: idOf(helper), minutes },
    });

  // The pool: the rule, a street grant, and the office's care list.
  await setPoolRule(db, { ...staff, input: { idempotencyKey: key('rule'), minAge: 75 } });
  await grantPool(db, {
    ...staff,
    input: { idempotencyKey: key('grant'), minutes: 600, note: '街道拨付 2026 年第四季度互助金' },
  });
  await changeCareList(db, {
    ...staff,
    add: true,
    input: { idempotencyKey: key('care'), residentId: idOf('Q0013'), note: '术后行动不便，独居' },
  });

  // 黄平's shopping, done by 李桂英 and paid by the pool; both let the board say so.
  const shopping = await ask('Q0001', 'shopping', '买米和蔬菜，送到家', 60, {
    place: '4号楼1单元102',
    showOnBoard: true,
  });
  await claim('Q0016', shopping, true);
  await proposeMinutes(db, {
    session: at('Q0016'),
    origin: ORIGIN,
    input: { idempotencyKey: key('propose'), requestId: shopping, minutes: 60 },
  });
  await confirm('Q0001', shopping, 'Q0016', 60);

  // 黄平 visits 黄艳 (80): the pool pays; 黄平 gives half an hour of it to the pool.
  const visit = await ask('Q0002', 'visit', '陪我聊聊天、读读报', 90, { showOnBoard: true });
  await claim('Q0001', visit, true);
  await confirm('Q0002', visit, 'Q0001', 90);
  await giveCredit(db, {
    session: at('Q0001'),
    origin: ORIGIN,
    input: { idempotencyKey: key('gift'), toPool: true, minutes: 30 },
  });

  // Still to do: 黄平 has taken 马伟's visit; the office asked for 陈洋; two open requests.
  const maWei = await ask('Q0003', 'visit', '下午来坐坐，陪我下盘棋', 60, {
    place: '3号楼2单元202',
  });
  await claim('Q0001', maWei);
  const hospitalDay = new Date(now.getTime() + 3 * DAY);
  hospitalDay.setUTCHours(1, 0, 0, 0);
  await requestHelpFor(db, {
    ...staff,
    input: {
      idempotencyKey: key('for-chen'),
      residentId: idOf('Q0013'),
      kind: 'hospital',
      description: '陪同去区医院术后复查，需要推轮椅',
      when: hospitalDay.toISOString(),
      place: '4号楼3单元601',
      minutesEstimate: 180,
      helpersNeeded: 1,
      showOnBoard: false,
      reason: '术后复查，独居，无人陪同',
    },
  });
  await ask('Q0004', 'tech', '教我用手机挂号、和孙子视频', 45);
  await ask('Q0007', 'repairs', '厨房水龙头一直滴水', 30, { place: '4号楼2单元301' });

  // 刘芳's lock: 李丽 says two hours, 刘芳 half an hour. The office will decide.
  const lock = await ask('Q0008', 'repairs', '卫生间门锁坏了，关不上', 30, {
    place: '3号楼1单元101',
  });
  await claim('Q0009', lock);
  await proposeMinutes(db, {
    session: at('Q0009'),
    origin: ORIGIN,
    input: { idempotencyKey: key('propose-lock'), requestId: lock, minutes: 120 },
  });
  await disputeHelp(db, {
    session: at('Q0008'),
    origin: ORIGIN,
    input: {
      idempotencyKey: key('dispute'),
      requestId: lock,
      helperId: idOf('Q0009'),
      reason: '只用了半小时，不是两小时',
    },
  });

  // Offers, a request called off, and a helper who did not come.
  await offerHelp(db, {
    session: at('Q0006'),
    origin: ORIGIN,
    input: {
      idempotencyKey: key('offer-taps'),
      kind: 'repairs',
      description: '会修水龙头、换灯泡、通下水道',
      when: '工作日晚上',
    },
  });
  await offerHelp(db, {
    session: at('Q0020'),
    origin: ORIGIN,
    input: {
      idempotencyKey: key('offer-phone'),
      kind: 'tech',
      description: '教老人用智能手机：挂号、付款、视频通话',
      when: '周末下午',
    },
  });
  const calledOff = await ask('Q0010', 'shopping', '帮忙买药', 30);
  await cancelRequest(db, {
    party: { resident: at('Q0010') },
    origin: ORIGIN,
    input: { idempotencyKey: key('cancel'), requestId: calledOff, reason: '家人回来了' },
  });
  const missed = await ask('Q0014', 'visit', '周末陪我去公园走走', 60);
  await claim('Q0015', missed);
  await markNoShow(db, {
    party: { resident: at('Q0014') },
    origin: ORIGIN,
    input: { idempotencyKey: key('no-show'), requestId: missed, helperId: idOf('Q0015') },
  });
}
