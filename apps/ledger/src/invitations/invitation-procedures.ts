import {
  AnswerInvitationInput,
  AnswerInvitationOutput,
  Invitation,
  InvitationDecisionInput,
  KioskInvitation,
  ListInvitationsInput,
} from '@tally/domain/invitations';
import { pageOf } from '@tally/domain/pagination';
import { z } from 'zod';
import {
  leaderOrOfficeProcedure,
  officeProcedure,
  residentProcedure,
  staffProcedure,
} from '../trpc';
import { answerInvitation } from './answer-invitation';
import { approveInvitation, withdrawInvitation } from './decide-invitation';
import { listPendingInvitations, residentInvitations } from './list-invitations';

/**
 * Invitations to join an organization, merged into the `organizations` router: the list of
 * those waiting, the office's approval, and withdrawing one.
 */
export const organizationInvitationProcedures = {
  invitations: staffProcedure
    .meta({
      summary:
        'Invitations waiting for the resident, newest first (office and auditors: all, with ' +
        "names; leaders: their organizations', names masked).",
      errors: ['FORBIDDEN', 'NOT_FOUND', 'VALIDATION_FAILED'],
    })
    .input(ListInvitationsInput)
    .output(pageOf(Invitation))
    .query(({ ctx, input }) => listPendingInvitations(ctx.db, { ...input, staff: ctx.staff })),

  approveInvitation: officeProcedure
    .meta({
      summary:
        "The office's approval of a waiting invitation (e.g. the resident agreed on paper): " +
        'the resident joins now.',
      errors: ['NOT_FOUND', 'INVITATION_CLOSED', 'IDEMPOTENCY_CONFLICT'],
    })
    .input(InvitationDecisionInput)
    .output(Invitation)
    .mutation(({ ctx, input }) =>
      approveInvitation(ctx.db, { ...input, staff: ctx.staff, origin: ctx.origin }),
    ),

  withdrawInvitation: leaderOrOfficeProcedure
    .meta({
      summary:
        'Withdraws a waiting invitation (a leader of its organization) or cancels it (the office).',
      errors: ['FORBIDDEN', 'NOT_FOUND', 'INVITATION_CLOSED', 'IDEMPOTENCY_CONFLICT'],
    })
    .input(InvitationDecisionInput)
    .output(Invitation)
    .mutation(({ ctx, input }) =>
      withdrawInvitation(ctx.db, { ...input, staff: ctx.staff, origin: ctx.origin }),
    ),
};

/** The invited resident's side, merged into the `kiosk` router. */
export const kioskInvitationProcedures = {
  invitations: residentProcedure
    .meta({
      summary:
        'Invitations waiting for the identified resident: organization, who invited them, when.',
    })
    .output(z.array(KioskInvitation))
    .query(({ ctx }) => residentInvitations(ctx.db, ctx.resident)),

  answerInvitation: residentProcedure
    .meta({
      summary:
        'The resident joins the organization or declines; only their own waiting invitations.',
      errors: ['NOT_FOUND', 'INVITATION_CLOSED', 'VALIDATION_FAILED', 'IDEMPOTENCY_CONFLICT'],
    })
    .input(AnswerInvitationInput)
    .output(AnswerInvitationOutput)
    .mutation(({ ctx, input }) =>
      answerInvitation(ctx.db, { session: ctx.resident, origin: ctx.origin, input }),
    ),
};
