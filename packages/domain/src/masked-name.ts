// One rule for showing someone only as much of a name as identifies a card held in
// hand: a leader checking a card before inviting its holder, a public certificate check.
// Enough to tell "is this the person in front of me?", never enough to learn who lives here.

const EAST_ASIAN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const LETTER = /\p{L}/u;

/**
 * 王小明 → 王*明, 李四 → 李*, 欧阳小明 → 欧**明; John Smith → J*** S., Madonna → M***.
 * Chinese-style names keep the first and (from three characters on) the last character;
 * other names keep the first name's initial with a fixed three stars (so the length
 * is not told) and the initials of the rest.
 */
export function maskName(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const masked = words
    .map((word, index) => {
      if (EAST_ASIAN.test(word)) return maskEastAsian(word);
      const initial = Array.from(word).find((char) => LETTER.test(char));
      if (!initial) return '';
      return index === 0 ? `${initial}***` : `${initial}.`;
    })
    .filter(Boolean);
  return masked.length > 0 ? masked.join(' ') : '*';
}

function maskEastAsian(word: string): string {
  const chars = Array.from(word).filter((char) => LETTER.test(char));
  const [first = '*'] = chars;
  if (chars.length <= 2) return `${first}*`;
  return `${first}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}
