import { z } from 'zod';
import { inLanguage, LocalizedText } from './localized-text';

/**
 * What a ledger entry is, as data an app words in its reader's language. The stored memo is
 * English and frozen (it is part of the entry's hash); this is derived when the entry is read,
 * from the records the entry points at (the service record, the redemption, the goal).
 * - service_credit: approved service; `corrected` when it re-posts hours a correction changed.
 * - redemption: a reward taken, and how many.
 * - donation: points given to a community goal.
 * - reversal: an entry undone — of what (`of`, `subject`), why (`reason`, as the office wrote
 *   it) and how (`cause`: a correction of hours, a cancelled redemption, or the office itself).
 * - move: a resident moving house: their points and time credit leaving this community (`out`)
 *   for the other one named, or arriving from it (`in`).
 * - memo: anything else (an opening balance, an adjustment): the stored memo is all there is.
 */
const Int = z.number().int();

export const reversalCauses = ['correction', 'cancellation', 'office'] as const;

const ServiceCredit = z.object({
  code: z.literal('service_credit'),
  params: z.object({
    activity: z.string(),
    minutes: Int,
    points: Int,
    ruleVersion: Int.nullable(),
    /** The first-participation bonus included in `points`, when there was one. */
    firstParticipationBonus: Int.nullable(),
    corrected: z.boolean(),
  }),
});
const Redemption = z.object({
  code: z.literal('redemption'),
  params: z.object({ reward: LocalizedText, quantity: Int }),
});
const Donation = z.object({
  code: z.literal('donation'),
  params: z.object({ goal: LocalizedText }),
});
const Reversal = z.object({
  code: z.literal('reversal'),
  params: z.object({
    of: z.enum(['service_credit', 'redemption', 'donation']).nullable(),
    /** The activity (as its leader wrote it, in both), reward or goal the reversed entry was for. */
    subject: LocalizedText.nullable(),
    reason: z.string(),
    cause: z.enum(reversalCauses),
  }),
});
const Move = z.object({
  code: z.literal('move'),
  params: z.object({ direction: z.enum(['out', 'in']), community: LocalizedText }),
});
const Memo = z.object({ code: z.literal('memo'), params: z.object({ memo: z.string() }) });

export const EntryDescription = z.discriminatedUnion('code', [
  ServiceCredit,
  Redemption,
  Donation,
  Reversal,
  Move,
  Memo,
]);
export type EntryDescription = z.infer<typeof EntryDescription>;

export type EntryLanguage = 'zh' | 'en';

type Words = {
  credit: (p: z.infer<typeof ServiceCredit>['params'], n: (value: number) => string) => string;
  redemption: (p: { reward: string; quantity: number }) => string;
  donation: (p: { goal: string }) => string;
  reversal: (p: z.infer<typeof Reversal>['params'], what: string) => string;
  of: Record<NonNullable<z.infer<typeof Reversal>['params']['of']>, string>;
  move: Record<'out' | 'in', (community: string) => string>;
};

const words: Record<EntryLanguage, Words> = {
  en: {
    credit: (p, n) =>
      `${p.corrected ? 'Corrected hours: ' : ''}${p.activity}: ${n(p.minutes)} min, ${n(p.points)} points` +
      (p.firstParticipationBonus
        ? ` (incl. ${n(p.firstParticipationBonus)} first-time bonus)`
        : '') +
      (p.ruleVersion === null ? '' : ` (earning rule v${p.ruleVersion})`),
    redemption: (p) => (p.quantity > 1 ? `${p.reward} × ${p.quantity}` : p.reward),
    donation: (p) => `Donation to ${p.goal}`,
    reversal: (p, what) =>
      ({
        correction: `Correction of hours: ${what} — ${p.reason}`,
        cancellation: `Redemption cancelled: ${what} — ${p.reason}`,
        office: `Reversal of ${what} — ${p.reason}`,
      })[p.cause],
    of: { service_credit: 'service', redemption: 'a redemption', donation: 'a donation' },
    move: { out: (c) => `Moved house to ${c}`, in: (c) => `Moved house from ${c}` },
  },
  zh: {
    credit: (p, n) =>
      `${p.corrected ? '更正后的时长：' : ''}${p.activity}：${n(p.minutes)} 分钟，${n(p.points)} 积分` +
      (p.firstParticipationBonus ? `（含首次参与奖励 ${n(p.firstParticipationBonus)} 积分）` : '') +
      (p.ruleVersion === null ? '' : `（积分规则第 ${p.ruleVersion} 版）`),
    redemption: (p) => `兑换 ${p.quantity > 1 ? `${p.reward} × ${p.quantity}` : p.reward}`,
    donation: (p) => `捐给${p.goal}`,
    reversal: (p, what) =>
      ({
        correction: `更正时长：${what}——${p.reason}`,
        cancellation: `取消兑换：${what}——${p.reason}`,
        office: `冲正${what}——${p.reason}`,
      })[p.cause],
    of: { service_credit: '服务记录', redemption: '兑换', donation: '捐赠' },
    move: { out: (c) => `搬家迁往${c}`, in: (c) => `从${c}搬家迁入` },
  },
};

/**
 * An entry in one line of the reader's language, as the journal, a transaction's page and the
 * journal export show it. Names (activities, rewards, goals) and reasons are as people wrote them.
 */
export function entryText(description: EntryDescription, language: EntryLanguage): string {
  const w = words[language];
  const n = new Intl.NumberFormat(language === 'zh' ? 'zh-CN' : 'en-GB').format;
  switch (description.code) {
    case 'service_credit':
      return w.credit(description.params, n);
    case 'redemption':
      return w.redemption({
        reward: inLanguage(description.params.reward, language),
        quantity: description.params.quantity,
      });
    case 'donation':
      return w.donation({ goal: inLanguage(description.params.goal, language) });
    case 'reversal': {
      const { params } = description;
      const what = params.subject
        ? inLanguage(params.subject, language)
        : params.of
          ? w.of[params.of]
          : '';
      return w.reversal(params, what);
    }
    case 'move':
      return w.move[description.params.direction](
        inLanguage(description.params.community, language),
      );
    case 'memo':
      return description.params.memo;
  }
}
