import { z } from 'zod';
import { Id } from './ledger';

export const AuditListInput = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.number().int().min(1).max(200).default(50),
  actorId: z.string().max(100).optional(),
  action: z.string().max(100).optional(),
});

export const AuditEntry = z.object({
  id: z.number().int(),
  at: z.iso.datetime(),
  actorType: z.string(),
  actorId: z.string().nullable(),
  /** The staff member's display name or the kiosk's name, where the actor is known. */
  actorName: z.string().nullable(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  origin: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const CommunityRef = z.object({ communityId: Id });
