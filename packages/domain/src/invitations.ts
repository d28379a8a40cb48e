import { z } from 'zod';
import { Id, IdempotencyKey } from './ledger';
import { LocalizedText } from './localized-text';
import { PageInput } from './pagination';

// Joining an organization needs the resident's consent or the office's approval: a leader
// invites, the resident answers at a kiosk (later also on their phone), or the office
// approves (e.g. the resident agreed on paper). Until then the invitee is not a member.

export const invitationStatuses = ['pending', 'joined', 'declined', 'withdrawn'] as const;
export const InvitationStatus = z.enum(invitationStatuses);
export type InvitationStatus = z.infer<typeof InvitationStatus>;

/**
 * Who closed an invitation, and where: the resident at a kiosk or on their phone (joined or
 * declined), the office (approved or cancelled), or a leader (withdrawn).
 */
export const InvitationClosedVia = z.enum(['kiosk', 'phone', 'office', 'leader']);
export type InvitationClosedVia = z.infer<typeof InvitationClosedVia>;

/** Where a resident stands with an organization. */
export const MembershipStatus = z.enum(['member', 'invited']);
export type MembershipStatus = z.infer<typeof MembershipStatus>;

/** An invitation as staff see it; for a leader the resident's name is masked. */
export const Invitation = z.object({
  id: Id,
  organization: z.object({ id: Id, name: LocalizedText }),
  resident: z.object({
    id: Id,
    cardNumber: z.string(),
    displayName: z.string(),
    /** True when displayName is masked (王*明): a leader sees no more until the resident joins. */
    nameMasked: z.boolean(),
  }),
  invitedBy: z.object({ id: Id, displayName: z.string() }),
  invitedAt: z.iso.datetime(),
  status: InvitationStatus,
  closedAt: z.iso.datetime().nullable(),
  closedVia: InvitationClosedVia.nullable(),
});
export type Invitation = z.infer<typeof Invitation>;

export const ListInvitationsInput = PageInput.extend({
  /** One organization's pending invitations; otherwise every one the caller may see. */
  organizationId: Id.optional(),
});

/** The office approves, or a leader (or the office) withdraws, one pending invitation. */
export const InvitationDecisionInput = z.object({
  idempotencyKey: IdempotencyKey,
  invitationId: Id,
});

/** A pending invitation as the invited resident sees it at a kiosk. */
export const KioskInvitation = z.object({
  id: Id,
  organizationName: LocalizedText,
  organizationDescription: LocalizedText,
  /** The display name of the member of staff who invited them. */
  invitedBy: z.string(),
  invitedAt: z.iso.datetime(),
});
export type KioskInvitation = z.infer<typeof KioskInvitation>;

export const InvitationAnswer = z.enum(['join', 'decline']);

export const AnswerInvitationInput = z.object({
  idempotencyKey: IdempotencyKey,
  invitationId: Id,
  answer: InvitationAnswer,
});
export type AnswerInvitationInput = z.infer<typeof AnswerInvitationInput>;

export const AnswerInvitationOutput = z.object({
  invitationId: Id,
  organizationName: LocalizedText,
  status: z.enum(['joined', 'declined']),
});
export type AnswerInvitationOutput = z.infer<typeof AnswerInvitationOutput>;
