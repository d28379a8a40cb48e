import { z } from 'zod';
import { MembershipStatus } from './invitations';
import { Id, IdempotencyKey } from './ledger';
import { LocalizedText, localizedNameInput, localizedTextInput } from './localized-text';
import { PageInput } from './pagination';

export const OrganizationName = localizedNameInput({ max: 100, message: 'Enter a name' });

export const CreateOrganizationInput = z.object({
  idempotencyKey: IdempotencyKey,
  name: OrganizationName,
  description: localizedTextInput({ max: 1000 }).default({ zh: '', en: '' }),
});

/** New names for an organization (still unique in its community) and, if given, a description. */
export const UpdateOrganizationInput = z.object({
  idempotencyKey: IdempotencyKey,
  id: Id,
  name: OrganizationName,
  description: localizedTextInput({ max: 1000 }).optional(),
});
export type UpdateOrganizationInput = z.infer<typeof UpdateOrganizationInput>;

export const Organization = z.object({
  id: Id,
  name: LocalizedText,
  description: LocalizedText,
  memberCount: z.number().int(),
  leaders: z.array(z.object({ id: Id, displayName: z.string() })),
  createdAt: z.iso.datetime(),
});
export type Organization = z.infer<typeof Organization>;

export const MembershipInput = z.object({
  idempotencyKey: IdempotencyKey,
  organizationId: Id,
  residentId: Id,
});

/**
 * The office adds a member at once (its approval); a leader's request invites the resident,
 * who joins once they accept at a kiosk or the office approves.
 */
export const AddMemberOutput = z.object({
  organizationId: Id,
  residentId: Id,
  /** True when this call made the resident a member (the office); false if they already were. */
  added: z.boolean(),
  /** True when this call sent a new invitation (a leader); false if one was already waiting. */
  invited: z.boolean(),
  /** Where the resident stands now. */
  status: MembershipStatus,
  /** The invitation waiting for the resident's answer, or the one the office just approved. */
  invitationId: Id.nullable(),
});
export type AddMemberOutput = z.infer<typeof AddMemberOutput>;

export const RemoveMemberOutput = z.object({
  organizationId: Id,
  residentId: Id,
  /** False when the resident was not a member (nothing changed). */
  removed: z.boolean(),
});

export const ListMembersInput = PageInput.extend({ organizationId: Id });

export const SetLeadersInput = z.object({
  idempotencyKey: IdempotencyKey,
  organizationId: Id,
  /** The complete new set of leaders (staff with the leader role); empty removes all. */
  staffIds: z.array(Id).max(50),
});
