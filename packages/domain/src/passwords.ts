// What makes a staff password too weak to choose. Pure, so the admin app can say why
// as the person types, and the service refuses the same passwords for the same reasons.

export const MIN_PASSWORD_LENGTH = 10;
/** A new password may not repeat the current one or any of this many before it. */
export const PASSWORD_HISTORY = 5;

export const passwordWeaknesses = ['too_short', 'contains_name', 'common', 'repeated'] as const;
export type PasswordWeakness = (typeof passwordWeaknesses)[number];

/** What a person is told for each weakness (the admin app has its own translations). */
export const passwordWeaknessMessages: Record<PasswordWeakness, string> = {
  too_short: `A password needs at least ${MIN_PASSWORD_LENGTH} characters.`,
  contains_name: 'A password must not contain your user name or your name.',
  common: 'That is one of the most common passwords; choose one nobody would guess.',
  repeated: 'A password cannot be one character repeated.',
};

// The commonest passwords of at least 10 characters (shorter ones are refused anyway),
// from the published leaked-password rankings, plus this product's own demo password.
const COMMON = new Set([
  '0123456789',
  '1234567890',
  '0987654321',
  '12345678910',
  '123456789a',
  '123456789q',
  'a123456789',
  'aa12345678',
  'abc1234567',
  'abcd123456',
  'abcdefghij',
  'qwertyuiop',
  'asdfghjkl;',
  'zxcvbnm123',
  'qwerty1234',
  'qwerty123456',
  '1q2w3e4r5t',
  '1qaz2wsx3edc',
  '1qazxsw23edc',
  'q1w2e3r4t5',
  'password12',
  'password123',
  'password1234',
  'passw0rd123',
  'iloveyou12',
  'iloveyou123',
  'woaini1314',
  'woaini520',
  '5201314520',
  '1314520520',
  '11223344556677',
  'admin12345',
  'administrator',
  'welcome123',
  'letmein123',
  'changeme123',
  'tally-demo',
]);

// Words that make a password common however many digits or symbols are added around them.
const COMMON_WORDS = new Set([
  'password',
  'passw0rd',
  'qwerty',
  'qwertyuiop',
  'iloveyou',
  'woaini',
  'admin',
  'welcome',
  'letmein',
  'changeme',
  'abc',
  'abcdef',
  'tally',
]);

/** Why a password is too weak for this person, or null when it will do. */
export function passwordWeakness(
  password: string,
  { username, displayName }: { username: string; displayName: string },
): PasswordWeakness | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return 'too_short';
  const lower = password.toLowerCase();
  if (/^(.)\1*$/su.test(password)) return 'repeated';
  if (COMMON.has(lower) || COMMON_WORDS.has(lower.replace(/^[\d\W_]+|[\d\W_]+$/gu, ''))) {
    return 'common';
  }
  if (/^\d+$/u.test(lower) && isRun(lower)) return 'common';
  if (namesOf(username, displayName).some((name) => compact(lower).includes(name))) {
    return 'contains_name';
  }
  return null;
}

/**
 * The user name and the whole display name (three characters or more), and each word of the
 * display name of four or more ("Qing", "Green"; not "the" or "Li", which are inside too many
 * good passwords).
 */
function namesOf(username: string, displayName: string): string[] {
  const whole = [compact(username.toLowerCase()), compact(displayName.toLowerCase())];
  const words = displayName.toLowerCase().split(/[^\p{L}\p{N}]+/u);
  return [
    ...whole.filter((name) => [...name].length >= 3),
    ...words.filter((word) => [...word].length >= 4),
  ];
}

/** Letters and digits only: "Zhou Qing", "zhou.qing" and "zhou-qing" all read "zhouqing". */
function compact(text: string): string {
  return text.replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Digits counting up or down by one ("2345678901"), the commonest shape of a number password. */
function isRun(digits: string): boolean {
  const steps = new Set<number>();
  for (let i = 1; i < digits.length; i++) {
    steps.add((Number(digits[i]) - Number(digits[i - 1]) + 10) % 10);
  }
  return steps.size === 1 && (steps.has(1) || steps.has(9));
}
