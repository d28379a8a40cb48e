/**
 * A name shown to someone who may only know that a person exists: enough to recognise a
 * neighbour one already knows, not to learn who holds a card. 王小明 → 王*明, 李四 → 李*,
 * "John Smith" → "J*** S.".
 */
export function maskName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length === 0) return '';
  const parts = trimmed.split(/\s+/);
  if (parts.length > 1) {
    const [first = '', ...rest] = parts;
    return [maskWord(first), ...rest.map((part) => `${[...part][0] ?? ''}.`)].join(' ');
  }
  const characters = [...trimmed];
  if (/^\p{Script=Han}+$/u.test(trimmed)) {
    if (characters.length <= 1) return trimmed;
    if (characters.length === 2) return `${characters[0]}*`;
    return `${characters[0]}${'*'.repeat(characters.length - 2)}${characters.at(-1)}`;
  }
  return maskWord(trimmed);
}

function maskWord(word: string): string {
  const [first = '', ...rest] = [...word];
  return `${first}${'*'.repeat(Math.min(3, Math.max(1, rest.length)))}`;
}
