import { z } from 'zod';
import { Id, IdempotencyKey } from './ledger';
import { LocalizedText } from './localized-text';
import { PageInput } from './pagination';
import { PersonName, Pin } from './residents';

// The resident app on the phone (`/me/`, issue 14): a resident, or a family member acting for
// one, signs in without a kiosk. Its token goes as `authorization: Bearer <token>`.

/** A remembered phone stays signed in this long; a session that is not remembered, a day. */
export const REMEMBERED_SESSION_DAYS = 30;
export const BROWSER_SESSION_HOURS = 24;

/** A phone number a family member signs in with: digits, perhaps a leading +, 5 to 20 long. */
export const PhoneNumber = z
  .string()
  .trim()
  .transform((typed) => typed.replace(/[\s-]/g, ''))
  .pipe(z.string().regex(/^\+?\d{5,20}$/, 'Enter a phone number of 5 to 20 digits'));

/** Which community's card: needed only when the service holds more than one community. */
const CommunityChoice = { communityId: Id.optional() };

export const MeSignInInput = z.object({
  ...CommunityChoice,
  cardNumber: z.string().trim().min(1, 'Enter your card number').max(64),
  pin: z.string().min(1, 'Enter your PIN').max(64),
  /** Keep this phone signed in for 30 days (revocable); otherwise until the browser closes. */
  remember: z.boolean().default(false),
});
export type MeSignInInput = z.infer<typeof MeSignInInput>;

export const MeFamilySignInInput = z.object({
  ...CommunityChoice,
  phone: z.string().trim().min(1, 'Enter your phone number').max(64),
  pin: z.string().min(1, 'Enter your PIN').max(64),
  remember: z.boolean().default(false),
});
export type MeFamilySignInInput = z.infer<typeof MeFamilySignInInput>;

/** The resident whose account the phone is acting on. */
export const MeResident = z.object({
  id: Id,
  displayName: z.string(),
  points: z.number().int(),
  minutes: z.number().int(),
});
export type MeResident = z.infer<typeof MeResident>;

export const MeSignInOutput = z.object({
  token: z.string(),
  expiresAt: z.iso.datetime(),
  resident: MeResident,
});

/** Who a proxy can act for. */
export const ActsFor = z.object({ residentId: Id, displayName: z.string() });

export const MeFamilySignInOutput = z.object({
  token: z.string(),
  expiresAt: z.iso.datetime(),
  /** The family member who signed in. */
  name: z.string(),
  actsFor: z.array(ActsFor),
});

/** Who is signed in on this phone, and whom they are acting for. */
export const MeSession = z.object({
  signedInAs: z.object({
    kind: z.enum(['resident', 'family']),
    id: Id,
    displayName: z.string(),
  }),
  /** The account acted on: the resident themself, or one they are a proxy for; null until a family member picks. */
  actingFor: ActsFor.nullable(),
  /** True when actingFor is someone other than who signed in. */
  asProxy: z.boolean(),
  /** Those this person may act for (for a resident: themself first). */
  canActFor: z.array(ActsFor),
  remember: z.boolean(),
  expiresAt: z.iso.datetime(),
  community: z.object({ id: Id, name: LocalizedText }),
});
export type MeSession = z.infer<typeof MeSession>;

export const MeCommunity = z.object({ id: Id, name: LocalizedText });
export type MeCommunity = z.infer<typeof MeCommunity>;

export const MeSummary = MeResident.extend({
  cardNumber: z.string(),
  /** Service minutes approved this calendar month (the community's). */
  minutesThisMonth: z.number().int(),
  /** Sign-ups ahead (places and waits). */
  upcomingSignUps: z.number().int(),
  openCorrections: z.number().int(),
});
export type MeSummary = z.infer<typeof MeSummary>;

export const MePageInput = PageInput;

export const MeActivityInput = z.object({ activityId: Id });

export const MeCertificate = z.object({
  number: z.string(),
  issuedAt: z.iso.datetime({ offset: true }),
  period: z.object({ from: z.iso.date(), to: z.iso.date() }),
  totalMinutes: z.number().int(),
});
export const MeCertificateInput = z.object({ number: z.string().trim().min(1).max(64) });
/** The printable certificate page, as the office prints it. */
export const MeCertificatePage = z.object({ number: z.string(), html: z.string() });

export const ChangePinInput = z
  .object({ oldPin: z.string().min(1, 'Enter your PIN').max(64), newPin: Pin })
  .refine(({ oldPin, newPin }) => oldPin !== newPin, {
    message: 'Choose a PIN different from the one you have',
    path: ['newPin'],
  });
export type ChangePinInput = z.infer<typeof ChangePinInput>;
export const PinChanged = z.object({ ok: z.literal(true) });

export const PhoneSessionEntry = z.object({
  id: Id,
  /** This is the session making the request. */
  current: z.boolean(),
  remember: z.boolean(),
  /** Who signed in: the resident, or a proxy acting for them. */
  signedInAs: z.string(),
  asProxy: z.boolean(),
  device: z.string(),
  createdAt: z.iso.datetime(),
  lastSeenAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
});
export type PhoneSessionEntry = z.infer<typeof PhoneSessionEntry>;

export const RevokeSessionInput = z.object({ sessionId: Id });
export const Revoked = z.object({ revoked: z.boolean() });

export const proxyKinds = ['resident', 'family'] as const;
export const ProxyKind = z.enum(proxyKinds);

export const ProxyLink = z.object({
  id: Id,
  kind: ProxyKind,
  displayName: z.string(),
  /** A family member's phone, masked (138****5678); a resident's card number. */
  contact: z.string(),
  addedAt: z.iso.datetime(),
  addedBy: z.enum(['resident', 'office']),
  /** The office's reason, when it linked the proxy. */
  reason: z.string().nullable(),
});
export type ProxyLink = z.infer<typeof ProxyLink>;

export const MeProxies = z.object({
  /** Who may act for the resident. */
  proxies: z.array(ProxyLink),
  /** Whom the signed-in resident may act for. */
  actsFor: z.array(ActsFor),
});

/** The resident links another resident (by card number) as their proxy, confirming with their PIN. */
export const MeAddProxyInput = z.object({
  idempotencyKey: IdempotencyKey,
  pin: z.string().min(1, 'Enter your PIN').max(64),
  proxyCardNumber: z.string().trim().min(1, 'Enter the card number').max(64),
});
export const RemoveProxyInput = z.object({ idempotencyKey: IdempotencyKey, proxyId: Id });
export const ProxyRemoved = z.object({ removed: z.boolean() });

export const ActForInput = z.object({ residentId: Id });

/** A new family member the office registers, who signs in with their phone and their own PIN. */
export const NewFamilyMember = z.object({
  name: PersonName,
  phone: PhoneNumber,
  pin: Pin,
});

export const OfficeAddProxyInput = z.object({
  idempotencyKey: IdempotencyKey,
  residentId: Id,
  /** Why the office links it for the resident (e.g. "cannot come to the office; daughter"). */
  reason: z.string().trim().min(2, 'Say why the office links this proxy').max(200),
  proxy: z.union([
    z.object({ cardNumber: z.string().trim().min(1).max(64) }),
    z.object({ family: NewFamilyMember }),
  ]),
});
export const OfficeProxiesInput = z.object({ residentId: Id });
export const OfficeRemoveProxyInput = z.object({
  idempotencyKey: IdempotencyKey,
  residentId: Id,
  proxyId: Id,
});
export const OfficeRevokeSessionInput = z.object({
  idempotencyKey: IdempotencyKey,
  residentId: Id,
  sessionId: Id,
});

/**
 * Why a new PIN is too easy to guess, or null: all one digit (0000), a run up or down
 * (1234, 9876), a pair repeated (1212), or the holder's birth year (1948) — the first PINs a
 * guesser tries.
 */
export function weakPinReason(
  pin: string,
  { birthYear }: { birthYear: number | null },
): 'same_digits' | 'sequence' | 'repeated' | 'birth_year' | null {
  const digits = [...pin].map(Number);
  if (digits.every((digit) => digit === digits[0])) return 'same_digits';
  const steps = digits.slice(1).map((digit, i) => digit - (digits[i] ?? 0));
  if (steps.every((step) => step === 1) || steps.every((step) => step === -1)) return 'sequence';
  if (pin.length % 2 === 0 && pin === pin.slice(0, 2).repeat(pin.length / 2)) return 'repeated';
  if (birthYear !== null && pin.includes(String(birthYear))) return 'birth_year';
  return null;
}
