/**
 * One word for each thing, in each language, for every screen of every app: the kiosk, the
 * admin, printouts. A resident who hears "自助机" at the office must read 自助机 on the screen,
 * not 终端 on one and 一体机 on another. Each app's translations are checked against this list
 * (`wordsOffGlossary`), so a second word for the same thing cannot creep in.
 */
export const glossary = {
  kiosk: { en: 'kiosk', zh: '自助机', notEn: [/\bterminals?\b/i], notZh: [/终端/, /一体机/] },
  reward: { en: 'reward', zh: '奖励', notEn: [/\bprizes?\b/i], notZh: [/礼品/, /兑换品/] },
  approved: {
    en: 'approved',
    zh: '已通过',
    notEn: [/\baccepted hours\b/i],
    notZh: [/已审核(?!通过)/, /已批准/],
  },
  points: { en: 'points', zh: '积分', notEn: [], notZh: [/点数/] },
} as const;

/** Every place a translation uses another word than the glossary's, as "path: text". */
export function wordsOffGlossary(strings: unknown, language: 'zh' | 'en'): string[] {
  const off: string[] = [];
  const walk = (value: unknown, path: string) => {
    if (typeof value === 'string') {
      for (const entry of Object.values(glossary)) {
        const avoided = language === 'zh' ? entry.notZh : entry.notEn;
        if (avoided.some((pattern) => pattern.test(value))) off.push(`${path}: ${value}`);
      }
    } else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) walk(inner, path ? `${path}.${key}` : key);
    }
  };
  walk(strings, '');
  return off;
}
