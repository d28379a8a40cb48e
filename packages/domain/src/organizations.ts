import { z } from 'zod';
import { Id, IdempotencyKey } from './ledger';
import { PageInput } from './pagination';

export const OrganizationName = z
  .string()
  .trim()
  .min(1, 'Enter a name')
  .max(100, 'A name has at most 100 characters');

export const CreateOrganizationInput = z.object({
  idempotencyKey: IdempotencyKey,
  name: OrganizationName,
  description: z.string().trim().max(1000).default(''),
});

export const Organization = z.object({
  id: Id,
  name: z.string(),
  description: z.string(),
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

export const AddMemberOutput = z.object({
  organizationId: Id,
  residentId: Id,
  /** False when the resident was already a member (nothing changed). */
  added: z.boolean(),
});

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
