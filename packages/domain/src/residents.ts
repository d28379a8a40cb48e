import { z } from 'zod';
import { MembershipStatus } from './invitations';
import { Id, IdempotencyKey } from './ledger';
import { LocalizedText } from './localized-text';
import { PageInput } from './pagination';

export const PersonName = z
  .string()
  .trim()
  .min(1, 'Enter a name')
  .max(100, 'A name has at most 100 characters');

/** What is printed on the member card and typed at a kiosk. */
export const CardNumber = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9-]{1,32}$/, 'Use 1 to 32 letters, digits or dashes');

export const Pin = z.string().regex(/^\d{4,6}$/, 'A PIN is 4 to 6 digits');

export const BirthYear = z
  .number()
  .int()
  .min(1900, 'A birth year is 1900 or later')
  .max(2100, 'A birth year is 2100 or earlier');

export const Building = z.string().trim().min(1, 'Enter a building').max(50);

export const CreateResidentInput = z.object({
  idempotencyKey: IdempotencyKey,
  name: PersonName,
  /** The name shown at kiosks and, with consent (`showName`), on public screens. */
  displayName: PersonName.optional(),
  birthYear: BirthYear.optional(),
  building: Building.optional(),
  cardNumber: CardNumber,
  pin: Pin,
  showName: z.boolean().default(false),
});
export type CreateResidentInput = z.infer<typeof CreateResidentInput>;

/** A resident as staff see them: details, balances, organizations and card state. */
export const Resident = z.object({
  id: Id,
  name: z.string(),
  displayName: z.string(),
  birthYear: z.number().int().nullable(),
  building: z.string().nullable(),
  cardNumber: z.string(),
  /** Whether the resident agreed to be named on public screens. */
  showName: z.boolean(),
  points: z.number().int(),
  minutes: z.number().int(),
  /** Organizations they belong to (for a leader: only those the leader leads). */
  organizationIds: z.array(Id),
  cardLocked: z.boolean(),
  createdAt: z.iso.datetime(),
});
export type Resident = z.infer<typeof Resident>;

export const ResidentDetail = Resident.extend({
  organizations: z.array(z.object({ id: Id, name: LocalizedText })),
});
export type ResidentDetail = z.infer<typeof ResidentDetail>;

export const ListResidentsInput = PageInput.extend({
  /** Part of a name, display name or card number, in any case. */
  query: z.string().trim().max(100).optional(),
  organizationId: Id.optional(),
});
export type ListResidentsInput = z.infer<typeof ListResidentsInput>;

export const GetResidentInput = z.object({ id: Id });

/** Exact card look-up, so a leader holding a card can find the resident to add them. */
export const FindResidentByCardInput = z.object({ cardNumber: CardNumber });

/**
 * Who holds a card. For a leader, a resident who is not (yet) a member of one of their
 * organizations shows only what identifies the card: its number and a masked name.
 */
export const ResidentCard = z.object({
  id: Id,
  /** The display name; masked (王*明, J*** S.) when `nameMasked`. */
  displayName: z.string(),
  cardNumber: z.string(),
  nameMasked: z.boolean(),
  /** Where the holder stands with the organizations the caller acts for (a leader's own). */
  memberships: z.array(z.object({ organizationId: Id, status: MembershipStatus })),
});
export type ResidentCard = z.infer<typeof ResidentCard>;

export const UpdateResidentInput = z
  .object({
    idempotencyKey: IdempotencyKey,
    id: Id,
    name: PersonName.optional(),
    displayName: PersonName.optional(),
    showName: z.boolean().optional(),
    /** null clears it. */
    building: Building.nullable().optional(),
    /** null clears it. */
    birthYear: BirthYear.nullable().optional(),
  })
  .refine(
    ({ name, displayName, showName, building, birthYear }) =>
      [name, displayName, showName, building, birthYear].some((value) => value !== undefined),
    { message: 'Change at least one detail' },
  );
export type UpdateResidentInput = z.infer<typeof UpdateResidentInput>;

export const ResetPinInput = z.object({ idempotencyKey: IdempotencyKey, id: Id, pin: Pin });

export const SetCardLockInput = z.object({
  idempotencyKey: IdempotencyKey,
  id: Id,
  locked: z.boolean(),
});
